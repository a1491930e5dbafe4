package io.pmoflow.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Error answers of the engine REST API ({@code /engine-rest/**}) that a client can act on. Camunda's REST layer wraps every engine exception of {@code /start}, {@code /complete}
 * and {@code /submit-form} into a 500 carrying the exception's message, so a client's own mistake looks like a
 * server fault and a real fault can show SQL. This filter sees only the finished answer (the exception types are
 * gone by then), so it goes by Camunda's documented messages:
 * <ul>
 *   <li>a Java-serialized variable (ENGINE-17007) or an object variable that cannot be read as its type → 400;</li>
 *   <li>a model that cannot be parsed (ENGINE-09003: not well-formed, a DOCTYPE, an external entity) → 400;</li>
 *   <li>a variable name or business key longer than the engine's 255-character columns → 400 naming it, before
 *   the request reaches the engine (the database would refuse it, and Camunda turns that into a 500);</li>
 *   <li>a task that does not exist → 404;</li>
 *   <li>a task listener's refusal (ENGINE-03051 wrapping "Separation of duties: …" or "assignee: …") → 403;</li>
 *   <li>any other 500 → a message with a reference only; the details go to the log under that reference, so no
 *   SQL, stack trace or exception class reaches the client;</li>
 *   <li>a body that is not JSON, or that Jackson cannot bind → 400 in Camunda's JSON error format, saying so;</li>
 *   <li>an exception class prefixed to a message ("org.camunda…Exception: ") is cut off.</li>
 * </ul>
 */
public class EngineRestErrors extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(EngineRestErrors.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CLASS_PREFIX = Pattern.compile("(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error): ");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
    HttpServletRequest checked = request;
    if (request.getContentType() != null && request.getContentType().startsWith("application/json")) {
      byte[] body = request.getInputStream().readAllBytes();
      String tooLong = tooLongName(parse(new String(body, StandardCharsets.UTF_8)));
      if (tooLong != null) {
        writeError(response, 400, "InvalidRequestException", tooLong);
        return;
      }
      checked = new BodyAgain(request, body);
    }
    try {
      chain.doFilter(checked, wrapper);
    } finally {
      if (wrapper.getStatus() >= 400) {
        rewrite(request, wrapper);
      }
      wrapper.copyBodyToResponse();
    }
  }

  private void rewrite(HttpServletRequest request, ContentCachingResponseWrapper response) throws IOException {
    String body = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
    JsonNode json = parse(body);
    int status = response.getStatus();
    String message = json != null && json.hasNonNull("message") ? json.get("message").asText() : null;
    String type = json != null && json.hasNonNull("type") ? json.get("type").asText() : "InvalidRequestException";
    String refusal;

    if (status == 500) {
      if (message != null && (message.contains("ENGINE-17007") || message.contains("Cannot deserialize object"))) {
        status = 400;
        type = "InvalidRequestException";
        message = clientMessage(message);
      } else if (message != null && (refusal = refusedByTaskListener(message)) != null) {
        status = 403;
        type = "AuthorizationException";
        message = refusal;
      } else if (message != null && message.contains("ENGINE-09003")) {
        status = 400;
        type = "InvalidRequestException";
        message = clientMessage(message);
      } else if (message != null && message.contains("Cannot find task with id")) {
        status = 404;
        type = "InvalidRequestException";
        message = clientMessage(message);
      } else {
        String reference = UUID.randomUUID().toString();
        LOG.error("{} {} answered 500 (reference {}): {}", request.getMethod(), request.getRequestURI(), reference,
            body);
        type = "ServerError";
        message = "The request could not be carried out (reference " + reference + "); the server log has the details";
      }
    } else if (json == null || message == null || message.isBlank()) {
      if (status != 400) {
        return;
      }
      message = "The request body is not the JSON this call expects";
      type = "InvalidRequestException";
    } else {
      String cleaned = CLASS_PREFIX.matcher(message).replaceAll("");
      if (cleaned.equals(message)) {
        return;
      }
      message = cleaned;
    }
    response.resetBuffer();
    writeError(response, status, type, message);
  }

  /** An error in Camunda's REST format: {@code {"type": …, "message": …, "code": null}}. */
  private static void writeError(HttpServletResponse response, int status, String type, String message)
      throws IOException {
    ObjectNode error = JSON.createObjectNode();
    error.put("type", type);
    error.put("message", message);
    error.putNull("code");
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getOutputStream().write(JSON.writeValueAsBytes(error));
  }

  /**
   * The engine wraps whatever a task listener throws into ENGINE-03051; our listeners' refusals (separation of
   * duties, assignment outside the candidates, see {@code SeparationOfDuties}) are 403s.
   */
  private static String refusedByTaskListener(String message) {
    int at = message.indexOf(LISTENER_REFUSAL);
    if (at < 0) {
      return null;
    }
    String inner = message.substring(at + LISTENER_REFUSAL.length());
    if (inner.endsWith("'")) {
      inner = inner.substring(0, inner.length() - 1);
    }
    return inner.startsWith("Separation of duties") || inner.startsWith("assignee: ") ? inner : null;
  }

  private static final String LISTENER_REFUSAL = "ENGINE-03051 There was an exception while invoking the TaskListener. Message: '";

  /** The engine's own words without the serializer's internals: up to the first detail from Spin/Jackson. */
  private static String clientMessage(String message) {
    String cleaned = CLASS_PREFIX.matcher(message).replaceAll("");
    int spin = cleaned.indexOf(": SPIN/");
    return spin < 0 ? cleaned : cleaned.substring(0, spin);
  }

  static final int MAX_NAME = 255;

  /** A variable name or business key the engine's columns cannot hold, said in words, or null. */
  private static String tooLongName(JsonNode body) {
    if (body == null) {
      return null;
    }
    for (String key : new String[] {"businessKey", "messageName"}) {
      if (body.path(key).isTextual() && body.get(key).asText().length() > MAX_NAME) {
        return key + ": must be at most " + MAX_NAME + " characters";
      }
    }
    for (String map : new String[] {"variables", "processVariables", "processVariablesLocal", "localVariables",
        "correlationKeys", "localCorrelationKeys", "modifications"}) {
      var names = body.path(map).fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (name.length() > MAX_NAME) {
          return "variable name " + name.substring(0, 20) + "…: must be at most " + MAX_NAME + " characters";
        }
      }
    }
    return null;
  }

  /** The request with its body, read once for the check above, readable again. */
  private static final class BodyAgain extends jakarta.servlet.http.HttpServletRequestWrapper {
    private final byte[] body;

    BodyAgain(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public jakarta.servlet.ServletInputStream getInputStream() {
      java.io.ByteArrayInputStream in = new java.io.ByteArrayInputStream(body);
      return new jakarta.servlet.ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(jakarta.servlet.ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public java.io.BufferedReader getReader() {
      return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }

  private static JsonNode parse(String body) {
    try {
      JsonNode node = body.isBlank() ? null : JSON.readTree(body);
      return node != null && node.isObject() ? node : null;
    } catch (IOException e) {
      return null;
    }
  }
}
