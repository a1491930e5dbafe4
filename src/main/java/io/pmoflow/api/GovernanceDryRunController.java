package io.pmoflow.api;

import io.pmoflow.governance.GovernanceDryRun;
import io.pmoflow.project.InvalidInputException;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A governance dry-run: what a candidate {@code pmoGovernance.dmn} would change for every recorded request,
 * before anyone deploys it. The candidate comes as a multipart upload (part {@code file}, what a browser form
 * or {@code curl -F} sends) or as the raw XML body (part of a script). PMO and operators only.
 */
@RestController
@Tag(name = "Governance", description = "Dry-run of a candidate policy table against past requests (PMO only)")
@RequestMapping("/api/governance")
public class GovernanceDryRunController {

  static final Set<String> ALLOWED_GROUPS = Set.of("pmo", "camunda-admin");
  /** A decision table is a few kilobytes; pmoGovernance.dmn is about 10 KiB. */
  static final int MAX_CANDIDATE_BYTES = 1024 * 1024;
  static final String FILE = "file";
  static final String BODY = "body";

  private final GovernanceDryRun dryRun;
  private final IdentityService identityService;

  public GovernanceDryRunController(GovernanceDryRun dryRun, IdentityService identityService) {
    this.dryRun = dryRun;
    this.identityService = identityService;
  }

  /** The part is optional here so that a caller outside the groups hears 403, not what is wrong with the upload. */
  @PostMapping(path = "/dry-run", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "the candidate DMN: uploaded as part '"
      + FILE + "', or its XML as the body", required = true, content = {
          @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(type = "object"),
              schemaProperties = @SchemaProperty(name = FILE, schema = @Schema(type = "string", format = "binary"))),
          @Content(mediaType = MediaType.APPLICATION_XML_VALUE, schema = @Schema(type = "string")),
          @Content(mediaType = MediaType.TEXT_XML_VALUE, schema = @Schema(type = "string"))})
  public GovernanceDryRun.Report upload(@RequestPart(name = FILE, required = false) MultipartFile file)
      throws IOException {
    requirePmo();
    if (file == null || file.isEmpty()) {
      throw new InvalidInputException(FILE, "is required: the candidate DMN file");
    }
    try (InputStream in = file.getInputStream()) {
      return dryRun.run(bounded(in, FILE), FILE);
    }
  }

  /** Described with {@link #upload}: the API description shows one operation per path and method. */
  @Hidden
  @PostMapping(path = "/dry-run", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
  public GovernanceDryRun.Report xml(HttpServletRequest request) throws IOException {
    requirePmo();
    byte[] candidate = bounded(request.getInputStream(), BODY);
    if (candidate.length == 0) {
      throw new InvalidInputException(BODY, "is required: the candidate DMN's XML");
    }
    return dryRun.run(candidate, BODY);
  }

  /**
   * Any other body. A request no mapping accepts would be refused before a handler is chosen, with Spring's bare
   * error page; this answers in the API's own shape and names what is accepted.
   */
  @Hidden
  @PostMapping(path = "/dry-run")
  public ResponseEntity<ApiError> otherType(@RequestHeader(name = "Content-Type", required = false) String type) {
    requirePmo();
    HttpStatus status = HttpStatus.UNSUPPORTED_MEDIA_TYPE;
    return ResponseEntity.status(status).body(new ApiError(status.value(), status.getReasonPhrase(), null,
        "Content-Type " + type + " is not accepted; send multipart/form-data (the DMN as part '" + FILE
            + "') or application/xml"));
  }

  private void requirePmo() {
    CallerGroups.require(identityService, ALLOWED_GROUPS, "Governance dry-runs are open to");
  }

  /** Reads at most one byte past the limit, so an oversized upload is refused without being read whole. */
  private static byte[] bounded(InputStream in, String field) throws IOException {
    byte[] bytes = in.readNBytes(MAX_CANDIDATE_BYTES + 1);
    if (bytes.length > MAX_CANDIDATE_BYTES) {
      throw new InvalidInputException(field, "is larger than " + MAX_CANDIDATE_BYTES / 1024
          + " KiB; a decision table is a few KiB");
    }
    return bytes;
  }
}
