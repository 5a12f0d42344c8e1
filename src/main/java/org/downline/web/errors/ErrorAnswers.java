package org.downline.web.errors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.downline.core.ConflictException;
import org.downline.core.ErrorId;
import org.downline.core.InputError;
import org.downline.core.InvalidInputException;
import org.downline.core.NotAllowedException;
import org.downline.core.NotFoundException;
import org.downline.core.Refusal;
import org.downline.web.NotYetAvailable;
import org.downline.web.PageModel;
import org.downline.web.SaidReasons;
import org.downline.web.api.ApiError;
import org.downline.web.api.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place that answers every failure of a controller (ADR 10). A {@link Refusal} is the
 * caller's problem: under {@code /api} the {@link ApiError} shape with its status, on a page the
 * problem page with the message. Anything else is a bug: HTTP 500 with an error id; the log carries
 * the id with the stack trace, the answer only the id (no trace, no class name, no message, which
 * could name internals).
 */
@ControllerAdvice(basePackages = "org.downline.web")
public class ErrorAnswers {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorAnswers.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final MessageSource messages;

  /** Refusals told in English only (a test's standalone set-up). */
  public ErrorAnswers() {
    this(null);
  }

  @org.springframework.beans.factory.annotation.Autowired
  public ErrorAnswers(MessageSource messages) {
    this.messages = messages;
  }

  /** The status a refusal answers with. */
  public static HttpStatus status(Refusal r) {
    return switch (r) {
      case InvalidInputException e -> e.aboutParameters() ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_CONTENT;
      case NotFoundException e -> HttpStatus.NOT_FOUND;
      case NotAllowedException e -> HttpStatus.FORBIDDEN;
      case ConflictException e -> HttpStatus.CONFLICT;
      case NotYetAvailable e -> HttpStatus.NOT_IMPLEMENTED;
      case ApiException e -> e.status();
      default -> HttpStatus.BAD_REQUEST;
    };
  }

  @ExceptionHandler(Refusal.class)
  Object refused(Refusal r, HttpServletRequest request, Authentication auth) {
    HttpStatus status = status(r);
    String message = told(r);
    List<ApiError.Detail> details = List.of();
    if (r instanceof InvalidInputException e) {
      details = details(e.errors());
      // A parameter's reason named by a key: the one detail says it in the reader's language too.
      if (r.key() != null && e.aboutParameters() && details.size() == 1) {
        ApiError.Detail d = details.getFirst();
        details = List.of(new ApiError.Detail(d.field(), message, d.file(), d.line()));
      }
      // The rows are in the details; the message is their count.
      if (!e.aboutParameters()) {
        String key = e.total() == 1 ? "input.errorsOne" : "input.errors";
        message = said(key, e.total() + (e.total() == 1 ? " input error" : " input errors") + ", nothing written",
            Long.toString(e.total()));
      }
    } else if (r instanceof ApiException e) {
      details = e.fields().isEmpty() ? e.details() : details(e.fields());
    }
    return answer(request, auth, status, message, details);
  }

  /**
   * A refusal in the reader's language when it names its bundle key (ADR 29), else its English
   * message; the key's English text is the message, so an unknown key still reads.
   */
  private String told(Refusal r) {
    if (r.key() == null || messages == null) return r.getMessage();
    return messages.getMessage(r.key(), r.args(), r.getMessage(), LocaleContextHolder.getLocale());
  }

  /** A text of the bundles in the reader's language, its English when there is no message source (tests). */
  private String said(String key, String english, Object... args) {
    return messages == null ? english : messages.getMessage(key, args, english, LocaleContextHolder.getLocale());
  }

  // Spring MVC's own refusals of a malformed request: the caller's problem too.

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  Object mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request, Authentication auth) {
    return answer(request, auth, HttpStatus.BAD_REQUEST, said("reliability.refusal.badValue",
        "parameter '" + e.getName() + "': '" + e.getValue() + "' is not a valid value", e.getName(), String.valueOf(e.getValue())), List.of());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  Object unreadable(HttpMessageNotReadableException e, HttpServletRequest request, Authentication auth) {
    return answer(request, auth, HttpStatus.BAD_REQUEST,
        said("reliability.refusal.badJson", "the request body is not valid JSON for this endpoint"), List.of());
  }

  @ExceptionHandler(NoResourceFoundException.class)
  Object noResource(NoResourceFoundException e, HttpServletRequest request, Authentication auth) {
    return answer(request, auth, HttpStatus.NOT_FOUND, api(request) ? said("reliability.refusal.noEndpoint", "no such endpoint")
        : said("reliability.refusal.noPage", "there is no such page"), List.of());
  }

  @ExceptionHandler(Exception.class)
  Object bug(Exception e, HttpServletRequest request, Authentication auth) throws Exception {
    // Security's own refusals belong to its filters (401, 403 with their entry point).
    if (e instanceof AccessDeniedException || e instanceof AuthenticationException) throw e;
    // Missing parameter or header, wrong method, unsupported media type: Spring's message names the part at fault.
    if (e instanceof ErrorResponse r && r.getStatusCode().is4xxClientError()) {
      return answer(request, auth, HttpStatus.valueOf(r.getStatusCode().value()), e.getMessage(), List.of());
    }
    String id = ErrorId.next();
    LOG.error("error id {}: {} {} failed", id, request.getMethod(), request.getRequestURI(), e);
    if (api(request)) {
      return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(new ApiError(500,
          HttpStatus.INTERNAL_SERVER_ERROR.getReasonPhrase(), "internal error; the server log has the details under this id",
          List.of(), id));
    }
    ModelAndView page = new ModelAndView("error", HttpStatus.INTERNAL_SERVER_ERROR);
    page.addObject("status", 500);
    page.addObject("errorId", id);
    return page;
  }

  private static Object answer(HttpServletRequest request, Authentication auth, HttpStatus status, String message,
      List<ApiError.Detail> details) {
    if (api(request)) return ResponseEntity.status(status).body(error(status, message, details));
    ModelAndView page = new ModelAndView("problem", status);
    page.addObject("status", status.value());
    page.addObject("message", message);
    page.addObject("account", PageModel.signedIn(auth));
    return page;
  }

  private static boolean api(HttpServletRequest request) {
    return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }

  static ApiError error(HttpStatus status, String message, List<ApiError.Detail> details) {
    return new ApiError(status.value(), status.getReasonPhrase(), message, details, null);
  }

  /**
   * Input errors keep their field (CSV column or parameter), reason (in the reader's language when it
   * names its key), and for files the file and line.
   */
  List<ApiError.Detail> details(List<InputError> errors) {
    List<ApiError.Detail> details = new ArrayList<>();
    for (InputError err : SaidReasons.told(messages, errors, LocaleContextHolder.getLocale())) {
      details.add(new ApiError.Detail(err.column(), err.reason(), err.file(), err.line() > 0 ? err.line() : null));
    }
    return details;
  }

  /** For the security filters, where no controller advice runs. */
  public static void write(HttpServletResponse response, HttpStatus status, String message) throws IOException {
    response.setStatus(status.value());
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    JSON.writeValue(response.getOutputStream(), error(status, message, List.of()));
  }

  /**
   * The API's answer to a request that is not signed in: 401 in the error shape, or 429 when its
   * address is slowed for spraying. No {@code WWW-Authenticate} challenge, so a browser never offers
   * to cache Basic credentials for a page's request; API clients send them (or a token) unasked.
   */
  public static AuthenticationEntryPoint entryPoint() {
    return (request, response, e) -> {
      if (e instanceof org.downline.web.security.SlowedDownException slowed) {
        response.setHeader("Retry-After", Long.toString(slowed.waitFor().seconds()));
        write(response, slowed.fromAddress() ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.UNAUTHORIZED, e.getMessage());
        return;
      }
      write(response, HttpStatus.UNAUTHORIZED, e instanceof org.springframework.security.authentication.BadCredentialsException
          && e.getMessage() != null && e.getMessage().contains("token") ? e.getMessage()
          : "sign in with an API token (Authorization: Bearer) or HTTP Basic credentials");
    };
  }
}
