package org.downline.web.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.downline.core.InputError;
import org.downline.core.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.json.JsonMapper;

/** Turns every failure under {@code /api} into an {@link ApiError}; nothing else reaches a client. */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
public class ApiErrors {
  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  public static ResponseEntity<ApiError> entity(HttpStatus status, String message, List<ApiError.Detail> details) {
    return ResponseEntity.status(status).body(new ApiError(status.value(), status.getReasonPhrase(), message, details));
  }

  /** For filters (security), where no message converter runs. */
  public static void write(HttpServletResponse response, HttpStatus status, String message) throws IOException {
    response.setStatus(status.value());
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    JSON.writeValue(response.getOutputStream(), new ApiError(status.value(), status.getReasonPhrase(), message, List.of()));
  }

  public static AuthenticationEntryPoint entryPoint() {
    return (request, response, e) -> {
      response.setHeader("WWW-Authenticate", "Basic realm=\"downline\"");
      write(response, HttpStatus.UNAUTHORIZED, e.getMessage() != null && e.getClass().getSimpleName().equals("LockedException")
          ? e.getMessage() : "sign in with HTTP Basic credentials");
    };
  }

  /** Import errors keep their file, line, column and reason. */
  public static List<ApiError.Detail> details(InvalidInputException e) {
    List<ApiError.Detail> details = new ArrayList<>();
    for (InputError err : e.errors()) {
      details.add(new ApiError.Detail(err.column(), err.reason(), err.file(), err.line() > 0 ? err.line() : null));
    }
    return details;
  }

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ApiError> api(ApiException e) {
    return entity(e.status(), e.getMessage(), e.details());
  }

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<ApiError> input(InvalidInputException e) {
    String message = e.total() + (e.total() == 1 ? " input error" : " input errors") + ", nothing written";
    return entity(HttpStatus.UNPROCESSABLE_CONTENT, message, details(e));
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<ApiError> illegal(IllegalArgumentException e) {
    return entity(HttpStatus.BAD_REQUEST, e.getMessage(), List.of());
  }

  @ExceptionHandler({MissingServletRequestParameterException.class, MissingRequestHeaderException.class,
      MethodArgumentTypeMismatchException.class})
  ResponseEntity<ApiError> missing(Exception e) {
    return entity(HttpStatus.BAD_REQUEST, e.getMessage(), List.of());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
    return entity(HttpStatus.BAD_REQUEST, "the request body is not valid JSON for this endpoint", List.of());
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
    return entity(HttpStatus.METHOD_NOT_ALLOWED, e.getMessage(), List.of());
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
    return entity(HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage(), List.of());
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ApiError> noResource(NoResourceFoundException e) {
    return entity(HttpStatus.NOT_FOUND, "no such endpoint", List.of());
  }

  @ExceptionHandler(RuntimeException.class)
  ResponseEntity<ApiError> unexpected(RuntimeException e) {
    LOG.error("API request failed", e); // stack traces name classes and ids, never request bodies
    return entity(HttpStatus.INTERNAL_SERVER_ERROR, "internal error; the server log has the details", List.of());
  }
}
