package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.downline.app.commission.RunPeriod;
import org.downline.store.Database;
import org.downline.store.Jobs;
import org.downline.store.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two `downline serve` processes' worth of servers (two Spring contexts on loopback ports, each with
 * its own pool and snapshot) on one PostgreSQL database (ADR 22): what one accepts the other shows
 * within a second, a session made on one is good on the other (and ends on both when its login is
 * disabled), failed sign-ins on one slow the login down on the other, a period closes once when
 * both try at once, and a period's run is one at a time across both.
 */
@Tag("postgres")
class TwoServersTest {
  private static Database db;
  private static ConfigurableApplicationContext a;
  private static ConfigurableApplicationContext b;
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @BeforeAll
  static void start() {
    db = TestDatabases.fresh(TestDatabases.Kind.POSTGRESQL);
    TestCompany.load(db);
    a = WebApp.start(db.url(), 0);
    b = WebApp.start(db.url(), 0);
  }

  @AfterAll
  static void stop() {
    if (a != null) a.close();
    if (b != null) b.close();
    if (db != null) TestDatabases.drop(db);
  }

  @Test
  void anOrderAcceptedByOneIsInTheOthersFiguresWithinASecond() throws Exception {
    // B's GV in February before: as the test company has it, read from server B itself.
    java.math.BigDecimal before = gv(b, "B", "2026-02");
    java.math.BigDecimal after = before.add(new java.math.BigDecimal("7.25"));
    HttpResponse<String> made = send(a, post("/api/v1/orders", "{\"memberId\":\"B\",\"date\":\"2026-02-10\",\"pv\":7.25,\"cv\":5}")
        .header("Idempotency-Key", "two-servers-1"));
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    long accepted = System.nanoTime();
    assertThat(gv(a, "B", "2026-02")).isEqualByComparingTo(after); // on A at once (its own write)
    java.math.BigDecimal onB = gv(b, "B", "2026-02");
    while (onB.compareTo(after) != 0 && System.nanoTime() - accepted < 1_000_000_000L) {
      Thread.sleep(20);
      onB = gv(b, "B", "2026-02");
    }
    long took = (System.nanoTime() - accepted) / 1_000_000;
    assertThat(onB).as("B's GV on server B, " + took + " ms after A accepted the order").isEqualByComparingTo(after);
  }

  @Test
  void aSessionMadeOnOneServerIsGoodOnTheOther() throws Exception {
    HttpResponse<String> signedIn = signIn(a, TestCompany.ADMIN, TestCompany.PASSWORD);
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
    String cookie = sessionCookie(signedIn);
    // The cookie alone, sent to the other server: the console answers there, not the sign-in page.
    assertThat(page(b, "/console", cookie).statusCode()).isEqualTo(200);
    assertThat(page(b, "/console", null).statusCode()).as("without the cookie").isEqualTo(302);
  }

  @Test
  void disablingALoginEndsItsSessionsOnEveryServer() throws Exception {
    String cookie = sessionCookie(signIn(a, TestCompany.HAL, TestCompany.PASSWORD));
    assertThat(page(b, "/office", cookie).statusCode()).isEqualTo(200);
    assertThat(new org.downline.web.security.UserStore(db).setEnabled(TestCompany.HAL, false)).isTrue();
    HttpResponse<String> after = page(a, "/office", cookie);
    assertThat(after.statusCode()).isEqualTo(302);
    assertThat(after.headers().firstValue("Location").orElse("")).endsWith("/login");
    assertThat(page(b, "/office", cookie).statusCode()).isEqualTo(302);
  }

  @Test
  void failedSignInsOnOneServerSlowTheLoginDownOnTheOther() throws Exception {
    // LoginAttempts counts in the database: the free failures spent on A leave none on B.
    for (int i = 0; i < org.downline.web.security.LoginAttempts.USER_FREE; i++) {
      assertThat(signIn(a, TestCompany.BEN, "wrong-password-" + i).headers().firstValue("Location").orElse("")).endsWith("/login?error");
    }
    HttpResponse<String> right = signIn(b, TestCompany.BEN, TestCompany.PASSWORD);
    assertThat(right.statusCode()).isEqualTo(302);
    assertThat(right.headers().firstValue("Location").orElse("")).contains("/login?wait=");
  }

  @Test
  void bothServersClosingOnePeriodAtOnceCloseItOnce() throws Exception {
    HttpResponse<String> run = send(a, post("/api/v1/commissions/periods/2026-01/runs", ""));
    assertThat(run.statusCode()).as(run.body()).isEqualTo(201);
    long id = JSON.readTree(run.body()).get("id").asLong();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<HttpResponse<String>>> closes = new ArrayList<>();
      for (ConfigurableApplicationContext server : List.of(a, b)) {
        closes.add(pool.submit(() -> {
          go.await();
          return send(server, post("/api/v1/commissions/runs/" + id + "/close", ""));
        }));
      }
      go.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<HttpResponse<String>> f : closes) statuses.add(f.get().statusCode());
      assertThat(statuses).containsExactlyInAnyOrder(200, 409);
    } finally {
      pool.shutdownNow();
    }
    assertThat(count("SELECT COUNT(*) FROM commission_run WHERE period = '2026-01' AND closed")).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'commission.close' AND target = 'period 2026-01'")).isEqualTo(1);
  }

  @Test
  void aPeriodsRunIsOneAtATimeAcrossServers() throws Exception {
    // A run of 2026-02 holds the job (here from the test, so it lasts as long as needed): both
    // servers refuse a second one and show the one running; once it ends, a run goes through.
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<String> holder = pool.submit(() -> new Jobs(db).exclusive(RunPeriod.JOB + "2026-02", "test", () -> {
        running.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return "held";
      }));
      running.await();
      for (ConfigurableApplicationContext server : List.of(a, b)) {
        HttpResponse<String> refused = send(server, post("/api/v1/commissions/periods/2026-02/runs", ""));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("commission run 2026-02 is running already").contains("by test");
        JsonNode jobs = JSON.readTree(send(server, get("/api/v1/jobs")).body());
        assertThat(jobs.valueStream().map(j -> j.get("name").asString()).toList()).containsExactly("commission run 2026-02");
      }
      release.countDown();
      assertThat(holder.get()).isEqualTo("held");
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
    HttpResponse<String> after = send(b, post("/api/v1/commissions/periods/2026-02/runs", ""));
    assertThat(after.statusCode()).as(after.body()).isEqualTo(201);
    assertThat(JSON.readTree(send(a, get("/api/v1/jobs")).body()).size()).isZero();
  }

  // ------------------------------------------------------------------ helpers

  /** Signs in through the form of {@code server} (its CSRF token), as a browser does; the answer to the POST. */
  private static HttpResponse<String> signIn(ConfigurableApplicationContext server, String user, String password) throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    HttpResponse<String> form = browser.send(HttpRequest.newBuilder(uri(server, "/login")).build(), HttpResponse.BodyHandlers.ofString());
    Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form.body());
    assertThat(csrf.find()).as("the sign-in form carries a CSRF token").isTrue();
    String fields = "username=" + user + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
        + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
    return browser.send(HttpRequest.newBuilder(uri(server, "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(fields)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String sessionCookie(HttpResponse<String> signedIn) {
    return signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("DOWNLINE_SESSION="))
        .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
  }

  /** A page asked for with only this cookie (null: none), redirects not followed. */
  private static HttpResponse<String> page(ConfigurableApplicationContext server, String path, String cookie) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(uri(server, path));
    if (cookie != null) r.header("Cookie", cookie);
    return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static java.math.BigDecimal gv(ConfigurableApplicationContext server, String member, String period) throws Exception {
    HttpResponse<String> r = send(server, get("/api/v1/members/" + member + "?period=" + period));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    // Volume is exact: read the JSON number's text as a decimal, never as binary floating point.
    return new java.math.BigDecimal(JSON.readTree(r.body()).get("gv").toString().replace("\"", ""));
  }

  private static long count(String sql) throws Exception {
    try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static URI uri(ConfigurableApplicationContext server, String path) {
    int port = ((WebServerApplicationContext) server).getWebServer().getPort();
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static String basic() {
    return "Basic " + Base64.getEncoder().encodeToString((TestCompany.ADMIN + ":" + TestCompany.PASSWORD)
        .getBytes(StandardCharsets.UTF_8));
  }

  /** A request to send to either server: method, path, JSON body (null for none), extra headers. */
  private record Call(String method, String path, String json, List<String> headers) {
    Call header(String name, String value) {
      List<String> h = new ArrayList<>(headers);
      h.add(name);
      h.add(value);
      return new Call(method, path, json, h);
    }
  }

  private static Call get(String path) {
    return new Call("GET", path, null, List.of());
  }

  private static Call post(String path, String json) {
    return new Call("POST", path, json, List.of("Content-Type", "application/json"));
  }

  private static HttpResponse<String> send(ConfigurableApplicationContext server, Call call) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(uri(server, call.path())).header("Authorization", basic());
    for (int h = 0; h < call.headers().size(); h += 2) r.header(call.headers().get(h), call.headers().get(h + 1));
    r.method(call.method(), call.json() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(call.json()));
    return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }
}
