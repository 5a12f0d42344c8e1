package org.downline.web.api;

import java.util.List;
import org.downline.core.InputError;
import org.downline.core.Reason;
import org.downline.core.Refusal;
import org.springframework.http.HttpStatus;

/**
 * A refusal of the API with its own status and details, inside the one {@link Refusal} hierarchy
 * (ADR 10). New code throws the core types ({@code InvalidInputException}, {@code NotFoundException},
 * {@code NotAllowedException}, {@code ConflictException}), which the web maps to statuses itself;
 * this remains for the order and payout endpoints until they move to the application layer. Its text
 * is a bundle's ({@link #refused}), as every refusal a person reads.
 */
public class ApiException extends Refusal {
  private final HttpStatus status;
  private final List<ApiError.Detail> details;
  private List<InputError> fields = List.of();

  public ApiException(HttpStatus status, String message) {
    this(status, message, List.of());
  }

  public ApiException(HttpStatus status, String message, List<ApiError.Detail> details) {
    super(message);
    this.status = status;
    this.details = List.copyOf(details);
  }

  /**
   * A refusal of fields of the request, each with its reason: the details say them in English here,
   * and {@link #fields()} keeps their keys so the answer can say them in the reader's language.
   */
  public static ApiException fields(HttpStatus status, String message, List<InputError> fields) {
    ApiException e = new ApiException(status, message,
        fields.stream().map(f -> ApiError.Detail.of(f.column(), f.reason())).toList());
    e.fields = List.copyOf(fields);
    return e;
  }

  /** The refused fields with their reasons' keys (empty when the details were given as text). */
  public List<InputError> fields() {
    return fields;
  }

  public HttpStatus status() {
    return status;
  }

  public List<ApiError.Detail> details() {
    return details;
  }

  /**
   * A refusal told from a bundle (ADR 29): the message is the reason's English (logs), the answer says
   * it in the reader's language; {@code details} stay empty.
   */
  public static ApiException refused(HttpStatus status, Reason reason) {
    return new ApiException(status, reason.english()).saying(reason.key(), reason.arguments());
  }
}
