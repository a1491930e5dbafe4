package io.pmoflow.project;

/** Input a person or client sent is not acceptable; names the offending field. Nothing was written. */
public class InvalidInputException extends RuntimeException {

  private final String field;

  public InvalidInputException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
