package io.pmoflow.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON body of every error of {@code /api/**}; {@code field} names the offending input where there is one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(int status, String error, String field, String message) {
}
