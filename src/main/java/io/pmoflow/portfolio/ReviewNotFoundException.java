package io.pmoflow.portfolio;

/** No portfolio review with that id (404 over the API). */
public class ReviewNotFoundException extends RuntimeException {
  public ReviewNotFoundException(long id) {
    super("no portfolio review " + id);
  }
}
