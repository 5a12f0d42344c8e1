package org.downline.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The one shape of every API error: HTTP status and its phrase, a sentence for people, and details
 * (one per field or input row at fault; empty when there is nothing more to say). A 500 also
 * carries {@code errorId}, the id under which the server log holds what went wrong.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(int status, String error, String message, List<Detail> details, String errorId) {
  public ApiError(int status, String error, String message, List<Detail> details) {
    this(status, error, message, details, null);
  }

  /** One problem: the field (or CSV column) and why; file and line only for imports. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Detail(String field, String reason, String file, Long line) {
    public static Detail of(String field, String reason) {
      return new Detail(field, reason, null, null);
    }
  }
}
