package org.downline.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * API writes take JSON only: a form-encoded or {@code text/plain} body is what a page of another
 * origin can send without asking (a "simple" cross-origin request), so such writes are refused with
 * 415 before they reach authentication; a JSON body over {@link #MAX_BODY} bytes is refused with 413:
 * unread when its Content-Length says so, and counted as it streams when it is sent chunked (no
 * length), read here to at most one byte past the limit. The CSV import endpoints (staff's, and a
 * distributor's contacts import, which takes CSV or vCard) take files of their own and are named apart;
 * their {@code consumes} admits no type a page of another origin can send unasked.
 */
public final class JsonBodiesOnly extends OncePerRequestFilter {
  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

  /** The largest JSON body an API write takes: an order is a few hundred bytes. */
  public static final long MAX_BODY = 1 << 20;

  private static final String TOO_LARGE = "the request body is larger than " + MAX_BODY + " bytes";

  /** Answers the refusal in the API's error shape. */
  public interface Refusal {
    void write(HttpServletResponse response, int status, String message) throws IOException;
  }

  private final List<String> filePrefixes;
  private final Refusal refusal;

  public JsonBodiesOnly(List<String> filePrefixes, Refusal refusal) {
    this.filePrefixes = List.copyOf(filePrefixes);
    this.refusal = refusal;
  }

  private boolean takesFile(HttpServletRequest request) {
    String uri = request.getRequestURI();
    for (String p : filePrefixes) if (uri.startsWith(request.getContextPath() + p)) return true;
    return false;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (WRITES.contains(request.getMethod()) && !takesFile(request) && hasBody(request)) {
      if (!isJson(request.getContentType())) {
        refusal.write(response, 415, "API writes take a JSON body (Content-Type: application/json)");
        return;
      }
      if (request.getContentLengthLong() > MAX_BODY) {
        refusal.write(response, 413, TOO_LARGE);
        return;
      }
      if (request.getContentLengthLong() < 0) {
        // Chunked: no length to check. The body is small by rule, so it is read here, counted, and
        // handed on from memory; a limit that only trusted Content-Length would let any size through.
        byte[] body = request.getInputStream().readNBytes((int) MAX_BODY + 1);
        if (body.length > MAX_BODY) {
          refusal.write(response, 413, TOO_LARGE);
          return;
        }
        chain.doFilter(new ReadBody(request, body), response);
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

  /** A request whose body was read already: served from memory, with its length now known. */
  private static final class ReadBody extends jakarta.servlet.http.HttpServletRequestWrapper {
    private final byte[] body;

    ReadBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public jakarta.servlet.ServletInputStream getInputStream() {
      java.io.ByteArrayInputStream in = new java.io.ByteArrayInputStream(body);
      return new jakarta.servlet.ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(jakarta.servlet.ReadListener listener) {
          // The whole body is here already: ready at once, then done.
          try {
            listener.onDataAvailable();
            listener.onAllDataRead();
          } catch (IOException e) {
            listener.onError(e);
          }
        }
      };
    }

    @Override
    public java.io.BufferedReader getReader() {
      String cs = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
      return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(cs)));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
