package org.downline.web.errors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.downline.core.ErrorId;
import org.downline.web.api.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the servlet container's error dispatch answers: failures outside any controller (a filter's
 * sendError, an exception in a filter, a path no handler serves). The same rules as
 * {@link ErrorAnswers}: the API's JSON shape under /api, the error page elsewhere, and a 500 with an
 * error id that only the log explains.
 */
@Controller
public class ErrorPage implements ErrorController {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorPage.class);

  @RequestMapping("/error")
  Object error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    // Asked for directly (GET /error), not dispatched by the container: there is no error, just no such page.
    HttpStatus status = code == null ? HttpStatus.NOT_FOUND : code instanceof Integer c ? HttpStatus.resolve(c) : null;
    if (status == null) status = HttpStatus.INTERNAL_SERVER_ERROR;
    String uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String u ? u : "";
    boolean api = uri.startsWith(request.getContextPath() + "/api/");
    String id = null;
    if (status.is5xxServerError()) {
      id = ErrorId.next();
      Throwable cause = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t ? t : null;
      LOG.error("error id {}: {} {} failed with {}", id, request.getMethod(), uri, status.value(), cause);
    }
    if (api) {
      String message = switch (status) {
        case NOT_FOUND -> "no such endpoint";
        case UNAUTHORIZED -> "sign in with HTTP Basic credentials";
        case FORBIDDEN -> "your role may not use this endpoint";
        default -> status.is5xxServerError() ? "internal error; the server log has the details under this id"
            : status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT);
      };
      return ResponseEntity.status(status).body(new ApiError(status.value(), status.getReasonPhrase(), message, List.of(), id));
    }
    ModelAndView page = new ModelAndView("error", status);
    page.addObject("status", status.value());
    if (id != null) page.addObject("errorId", id);
    return page;
  }
}
