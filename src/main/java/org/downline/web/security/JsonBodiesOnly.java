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
 * 415 before they reach authentication. The CSV import endpoints take CSV and are named apart.
 */
public final class JsonBodiesOnly extends OncePerRequestFilter {
  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

  /** Answers the refusal in the API's error shape. */
  public interface Refusal {
    void write(HttpServletResponse response, String message) throws IOException;
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
        && hasBody(request) && !isJson(request.getContentType())) {
      refusal.write(response, "API writes take a JSON body (Content-Type: application/json)");
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean hasBody(HttpServletRequest request) {
    return request.getContentLengthLong() != 0 || request.getHeader("Transfer-Encoding") != null
        || request.getContentType() != null;
  }

  static boolean isJson(String contentType) {
    if (contentType == null) return false;
    String type = contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
    return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
  }
}
