package io.pmoflow.api;

import io.pmoflow.project.ForbiddenActionException;
import io.pmoflow.project.InvalidInputException;
import io.pmoflow.project.ProjectNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
public class ApiExceptionHandler {

  @ExceptionHandler(ProjectNotFoundException.class)
  ResponseEntity<ApiError> notFound(ProjectNotFoundException e) {
    return error(HttpStatus.NOT_FOUND, null, e.getMessage());
  }

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<ApiError> invalid(InvalidInputException e) {
    return error(HttpStatus.BAD_REQUEST, e.field(), e.getMessage());
  }

  @ExceptionHandler(ForbiddenActionException.class)
  ResponseEntity<ApiError> forbidden(ForbiddenActionException e) {
    return error(HttpStatus.FORBIDDEN, null, e.getMessage());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
    return error(HttpStatus.BAD_REQUEST, null, "The body is not the JSON this call expects");
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ApiError> badParameter(MethodArgumentTypeMismatchException e) {
    return error(HttpStatus.BAD_REQUEST, e.getName(),
        e.getName() + ": '" + e.getValue() + "' is not a valid value");
  }

  /** A query parameter bound into an object (e.g. the project list's filters) has a value of the wrong type. */
  @ExceptionHandler(BindException.class)
  ResponseEntity<ApiError> badParameters(BindException e) {
    FieldError field = e.getFieldError();
    return field == null ? error(HttpStatus.BAD_REQUEST, null, "The parameters are not valid")
        : error(HttpStatus.BAD_REQUEST, field.getField(),
            field.getField() + ": '" + field.getRejectedValue() + "' is not a valid value");
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
    return error(HttpStatus.BAD_REQUEST, e.getParameterName(), e.getParameterName() + ": is required");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ApiError> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
    return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, null,
        "Content-Type " + e.getContentType() + " is not accepted; send application/json");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ApiError> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
    return error(HttpStatus.METHOD_NOT_ALLOWED, null, e.getMethod() + " is not supported here; use "
        + String.join(" or ", e.getSupportedMethods() == null ? new String[0] : e.getSupportedMethods()));
  }

  private static ResponseEntity<ApiError> error(HttpStatus status, String field, String message) {
    return ResponseEntity.status(status).body(new ApiError(status.value(), status.getReasonPhrase(), field, message));
  }
}
