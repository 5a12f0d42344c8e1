package org.downline.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * API writes take JSON only: a form-encoded or {@code text/plain} body is what a page of another
 * origin can send without asking (a "simple" cross-origin request), so such writes are refused with
 * 415 before they reach authentication; a JSON body over {@link #MAX_BODY} bytes is refused with 413
 * unread. The CSV import endpoints take CSV (and large files) and are named apart.
 */
public final class JsonBodiesOnly extends OncePerRequestFilter {
  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

  /** The largest JSON body an API write takes: an order is a few hundred bytes. */
  public static final long MAX_BODY = 1 << 20;

  /** Answers the refusal in the API's error shape. */
  public interface Refusal {
    void write(HttpServletResponse response, int status, String message) throws IOException;
  }

  private final String csvPrefix;
  private final Refusal refusal;

  public JsonBodiesOnly(String csvPrefix, Refusal refusal) {
    this.csvPrefix = csvPrefix;
    this.refusal = refusal;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (WRITES.contains(request.getMethod()) && !request.getRequestURI().startsWith(request.getContextPath() + csvPrefix)
        && hasBody(request)) {
      if (!isJson(request.getContentType())) {
        refusal.write(response, 415, "API writes take a JSON body (Content-Type: application/json)");
        return;
      }
      if (request.getContentLengthLong() > MAX_BODY) {
        refusal.write(response, 413, "the request body is larger than " + MAX_BODY + " bytes");
        return;
      }
    }
    chain.doFilter(request, response);
  }

  private static boolean hasBody(HttpServletRequest request) {
    return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
  }

  static boolean isJson(String contentType) {
    if (contentType == null) return false;
    String type = contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
    return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
  }
}
