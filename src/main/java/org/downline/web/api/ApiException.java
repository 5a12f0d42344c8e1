package org.downline.web.api;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A refusal with a status, a message and details; rendered as {@link ApiError} (or an error page). */
public class ApiException extends RuntimeException {
  private final HttpStatus status;
  private final List<ApiError.Detail> details;

  public ApiException(HttpStatus status, String message) {
    this(status, message, List.of());
  }

  public ApiException(HttpStatus status, String message, List<ApiError.Detail> details) {
    super(message);
    this.status = status;
    this.details = List.copyOf(details);
  }

  public HttpStatus status() {
    return status;
  }

  public List<ApiError.Detail> details() {
    return details;
  }

  public static ApiException notFound(String message) {
    return new ApiException(HttpStatus.NOT_FOUND, message);
  }

  public static ApiException badRequest(String message) {
    return new ApiException(HttpStatus.BAD_REQUEST, message);
  }
}
