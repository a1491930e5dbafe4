package io.pmoflow.process.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pmoflow.project.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads form variables with the types the project rules expect. Camunda Forms validate only in the browser and
 * REST clients can send anything, so every conversion failure names the field it concerns.
 */
public final class Inputs {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final VariableScope scope;

  private Inputs(VariableScope scope) {
    this.scope = scope;
  }

  public static Inputs of(VariableScope scope) {
    return new Inputs(scope);
  }

  public String text(String name) {
    Object value = scope.getVariable(name);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw new InvalidInputException(name, "must be text");
  }

  public BigDecimal amount(String name) {
    return amount(name, scope.getVariable(name));
  }

  static BigDecimal amount(String name, Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Number n && !(value instanceof Double d && (d.isNaN() || d.isInfinite()))) {
      return new BigDecimal(n.toString());
    }
    throw new InvalidInputException(name, "must be a number");
  }

  public Integer whole(String name) {
    return whole(name, scope.getVariable(name));
  }

  static Integer whole(String name, Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      long l = ((Number) value).longValue();
      if (l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
        return (int) l;
      }
    } else if (value instanceof Number n) {
      BigDecimal d = amount(name, n);
      if (d.stripTrailingZeros().scale() <= 0 && d.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
        return d.intValue();
      }
    }
    throw new InvalidInputException(name, "must be a whole number");
  }

  public boolean flag(String name) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    throw new InvalidInputException(name, "must be true or false");
  }

  public <E extends Enum<E>> E choice(String name, Class<E> type) {
    String value = text(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(name, "must be one of " + List.of(type.getEnumConstants()));
    }
  }

  public LocalDate date(String name) {
    return date(name, scope.getVariable(name));
  }

  static LocalDate date(String name, Object value) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      return null;
    }
    if (value instanceof String s) {
      try {
        return LocalDate.parse(s);
      } catch (DateTimeParseException e) {
        throw new InvalidInputException(name, "must be a date yyyy-MM-dd");
      }
    }
    throw new InvalidInputException(name, "must be a date yyyy-MM-dd");
  }

  /**
   * A repeatable form section (a form-js dynamic list): Tasklist submits it as a JSON variable, a Java client
   * may pass a list of maps, a REST client a JSON string. Missing means an empty list.
   */
  public List<Row> rows(String name) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return List.of();
    }
    List<Map<String, Object>> maps;
    try {
      if (value instanceof Collection<?> c) {
        maps = JSON.convertValue(c, new TypeReference<>() { });
      } else {
        // Spin's JSON values and plain strings both print as JSON text
        maps = JSON.readValue(value.toString(), new TypeReference<>() { });
      }
    } catch (IllegalArgumentException | JsonProcessingException e) {
      throw new InvalidInputException(name, "must be a list of rows");
    }
    if (maps == null) {
      return List.of();
    }
    return java.util.stream.IntStream.range(0, maps.size())
        .mapToObj(i -> new Row(name + "[" + i + "]", maps.get(i) == null ? Map.of() : maps.get(i)))
        .toList();
  }

  /** One row of a repeatable section; errors name the field as {@code section[i].field}. */
  public record Row(String path, Map<String, Object> values) {
    public String text(String field) {
      Object v = values.get(field);
      if (v == null || v instanceof String) {
        return (String) v;
      }
      throw new InvalidInputException(path + "." + field, "must be text");
    }

    public Integer whole(String field) {
      return Inputs.whole(path + "." + field, values.get(field));
    }

    public LocalDate date(String field) {
      return Inputs.date(path + "." + field, values.get(field));
    }

    public BigDecimal amount(String field) {
      return Inputs.amount(path + "." + field, values.get(field));
    }

    /** A row id the process prefilled (Tasklist sends it back from a read-only field). */
    public long requiredId(String field) {
      Integer v = whole(field);
      if (v == null) {
        throw new InvalidInputException(path + "." + field, "is required");
      }
      return v;
    }

    public int requiredWhole(String field) {
      Integer v = whole(field);
      if (v == null) {
        throw new InvalidInputException(path + "." + field, "is required");
      }
      return v;
    }
  }
}
