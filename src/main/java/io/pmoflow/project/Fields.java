package io.pmoflow.project;

import java.math.BigDecimal;
import java.util.List;

/** Checks of single input fields; each throws {@link InvalidInputException} naming the field. */
final class Fields {

  static final int MAX_TEXT = 4000;
  static final int MAX_NAME = 200;
  static final int MAX_USER_ID = 64;

  private Fields() {
  }

  static void requireText(String field, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field, "is required");
    }
    if (value.length() > maxLength) {
      throw new InvalidInputException(field, "must be at most " + maxLength + " characters");
    }
  }

  static void optionalText(String field, String value) {
    if (value != null && value.length() > MAX_TEXT) {
      throw new InvalidInputException(field, "must be at most " + MAX_TEXT + " characters");
    }
  }

  static void requireAmount(String field, BigDecimal amount) {
    if (amount == null) {
      throw new InvalidInputException(field, "is required");
    }
    if (amount.signum() < 0) {
      throw new InvalidInputException(field, "must be 0 or more");
    }
    if (amount.compareTo(new BigDecimal("1e15")) >= 0) {
      throw new InvalidInputException(field, "is too large");
    }
  }

  static void requireScale(String field, int value) {
    if (value < 1 || value > 5) {
      throw new InvalidInputException(field, "must be between 1 and 5");
    }
  }

  static void requireUser(UserDirectory directory, String field, String userId) {
    requireText(field, userId, MAX_USER_ID);
    if (!directory.userExists(userId)) {
      throw new InvalidInputException(field, "no user with id '" + userId + "'");
    }
  }

  /** The value as a constant of {@code type}, or an error listing the allowed names. */
  static <E extends Enum<E>> E requireOneOf(String field, String value, Class<E> type) {
    if (value != null) {
      for (E constant : type.getEnumConstants()) {
        if (constant.name().equals(value)) {
          return constant;
        }
      }
    }
    List<E> allowed = List.of(type.getEnumConstants());
    throw new InvalidInputException(field, value == null || value.isBlank()
        ? "is required (one of " + allowed + ")" : "must be one of " + allowed);
  }

  static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** Shortens a text for a column of {@code max} characters, marking the cut. */
  static String clip(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  /**
   * {@code text} lower-cased for a {@code like ... escape '!'} pattern that matches it literally: {@code %} and
   * {@code _} in it are no wildcards.
   */
  static String likeLiteral(String text) {
    return text.strip().toLowerCase().replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  /** A page number from 0 and a size from 1 to {@code maxSize}, or an error naming {@code page} or {@code size}. */
  static void requirePage(int page, int size, int maxSize) {
    if (page < 0) {
      throw new InvalidInputException("page", "must be 0 or more");
    }
    if (size < 1 || size > maxSize) {
      throw new InvalidInputException("size", "must be between 1 and " + maxSize);
    }
  }
}
