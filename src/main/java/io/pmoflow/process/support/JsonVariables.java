package io.pmoflow.process.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * Rows the process prefills for a form-js dynamic list. They are Spin JSON variables because that is what
 * Tasklist hands to form-js as an array (and what it submits back), and what a multi-instance collection can
 * iterate with {@code elements()}.
 */
public final class JsonVariables {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonVariables() {
  }

  public static JsonValue rows(List<? extends Map<String, ?>> rows) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(rows)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("rows cannot be written as JSON", e);
    }
  }
}
