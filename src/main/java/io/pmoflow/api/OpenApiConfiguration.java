package io.pmoflow.api;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The OpenAPI description of {@code /api/**} at {@code /api/docs} and its Swagger UI at {@code /api/docs/ui}
 * (settings in {@code openapi.properties} beside this class). Both lie under {@code /api}, so
 * {@link ApiAuthenticationFilter} guards them like every other call. Every operation documents the JSON error
 * body ({@link ApiError}) of the failures it can answer with.
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:io/pmoflow/api/openapi.properties")
public class OpenApiConfiguration {

  static final String BASIC = "basic";
  private static final String ERROR_SCHEMA = "ApiError";

  @Bean
  OpenAPI pmoFlowOpenApi() {
    Components components = new Components().addSecuritySchemes(BASIC, new SecurityScheme()
        .type(SecurityScheme.Type.HTTP).scheme("basic")
        .description("The Camunda identities; a session of the Camunda webapps is accepted for GET too"));
    ModelConverters.getInstance().readAll(new AnnotatedType(ApiError.class)).forEach(components::addSchemas);
    return new OpenAPI()
        .info(new Info().title("PMO Flow API").version("1")
            .description("The project store, the portfolio and its analytics, resource capacity, the caller's "
                + "inbox and delegation. Errors are JSON: {status, error, field, message}; field names the "
                + "offending parameter or input where there is one."))
        .components(components)
        .addSecurityItem(new SecurityRequirement().addList(BASIC));
  }

  /** 401 everywhere; 400 where the call takes parameters or a body; 404 where it names a resource in its path. */
  @Bean
  OperationCustomizer apiErrorResponses() {
    return (operation, handler) -> {
      ApiResponses responses = operation.getResponses();
      if (responses == null) {
        responses = new ApiResponses();
        operation.setResponses(responses);
      }
      boolean path = Arrays.stream(handler.getMethodParameters())
          .anyMatch(p -> p.hasParameterAnnotation(PathVariable.class));
      boolean input = Arrays.stream(handler.getMethodParameters())
          .anyMatch(p -> p.hasParameterAnnotation(RequestParam.class) || p.hasParameterAnnotation(RequestBody.class)
              || p.hasParameterAnnotation(org.springdoc.core.annotations.ParameterObject.class));
      if (input) {
        responses.putIfAbsent("400", error("A parameter or input is not valid; field names it"));
      }
      responses.putIfAbsent("401", error("Not logged in: HTTP Basic (or a webapp session for GET) required"));
      if (path) {
        responses.putIfAbsent("404", error("No such project (or other resource named in the path)"));
      }
      return operation;
    };
  }

  private static ApiResponse error(String description) {
    return new ApiResponse().description(description).content(new Content().addMediaType(
        org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ERROR_SCHEMA))));
  }
}
