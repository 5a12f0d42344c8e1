package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's errors through a real server (Tomcat on a random port, not MockMvc, which skips the
 * container's error dispatch and sends no chunked bodies): an unknown path, a wrong method and a
 * body too large without a Content-Length all answer in the documented JSON shape.
 */
@SpringBootTest(classes = WebApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RealServerErrorsTest {
  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(WebApp.DB_URL, TestCompany::h2Url);
  }

  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpRequest.Builder request(String path) {
    String basic = Base64.getEncoder().encodeToString((TestCompany.BEN + ":" + TestCompany.PASSWORD)
        .getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Basic " + basic);
  }

  private static JsonNode errorShape(HttpResponse<String> r, int status) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    JsonNode e = JsonMapper.builder().build().readTree(r.body());
    assertThat(e.get("status").asInt()).isEqualTo(status);
    assertThat(e.get("error").asString()).isNotBlank();
    assertThat(e.get("message").asString()).isNotBlank();
    assertThat(e.has("details")).isTrue();
    // Never Spring's or Tomcat's own words, nor a Java type.
    assertThat(r.body()).doesNotContain("timestamp", "java.", "org.springframework", "Whitelabel", "Tomcat");
    return e;
  }

  /** A body sent chunked: the publisher has no length, so the client sends no Content-Length. */
  private static HttpRequest.BodyPublisher chunked(byte[] body) {
    return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
  }

  @Test
  void anUnknownPathIsA404InTheErrorShape() throws Exception {
    HttpResponse<String> r = http.send(request("/api/v1/no-such-thing").GET().build(), HttpResponse.BodyHandlers.ofString());
    errorShape(r, 404);
  }

  @Test
  void aWrongMethodIsA405InTheErrorShape() throws Exception {
    HttpResponse<String> r = http.send(request("/api/v1/me").DELETE().build(), HttpResponse.BodyHandlers.ofString());
    errorShape(r, 405);
  }

  @Test
  void aChunkedBodyOverTheLimitIsA413() throws Exception {
    // 1 MiB + 1 byte of a JSON string: over JsonBodiesOnly.MAX_BODY (1,048,576) by one.
    byte[] body = new byte[(1 << 20) + 1];
    Arrays.fill(body, (byte) 'x');
    body[0] = '"';
    body[body.length - 1] = '"';
    HttpResponse<String> r = http.send(request("/api/v1/orders").header("Content-Type", "application/json")
        .header("Idempotency-Key", "chunked-too-large").POST(chunked(body)).build(), HttpResponse.BodyHandlers.ofString());
    JsonNode e = errorShape(r, 413);
    assertThat(e.get("message").asString()).isEqualTo("the request body is larger than 1048576 bytes");
  }

  @Test
  void aSmallChunkedBodyReachesTheOrderRulesWhole() throws Exception {
    // Under the limit the body is handed on intact: the order rules read it and name the member it names.
    byte[] body = "{\"memberId\":\"NOBODY\",\"date\":\"2026-04-02\",\"pv\":30,\"cv\":25,\"total\":39.90}"
        .getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> r = http.send(request("/api/v1/orders").header("Content-Type", "application/json")
        .header("Idempotency-Key", "chunked-small").POST(chunked(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isBetween(400, 499);
    assertThat(r.body()).contains("NOBODY");
  }
}
