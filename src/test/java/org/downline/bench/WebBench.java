package org.downline.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.downline.core.Progress;
import org.downline.store.Database;
import org.downline.app.network.ImportFile;
import org.downline.web.WebApp;
import org.downline.web.security.Account;
import org.downline.web.security.UserStore;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Web benchmarks on loopback, outside the test suite (see docs/benchmarks.md, "## Web"):
 *
 * <ul>
 *   <li>{@code explorer MEMBERS [DB_URL]}: a synthetic company of MEMBERS members (40% distributors) and as
 *       many orders in one month, imported into an H2 file database (or an empty database at DB_URL); then the genealogy explorer's
 *       children fragment and the API's downline call are timed for random members and the root.
 *   <li>{@code explorer-set-up MEMBERS DB_URL}, then {@code explorer-again DIR MEMBERS DB_URL}: the same in
 *       two steps, so that a long import (10 million members) need not run on the quiet machine.
 *   <li>{@code load DISTRIBUTORS USERS SECONDS [THINK_MS]}: USERS concurrent signed-in distributors
 *       for SECONDS seconds, each looping over back-office pages (my month, my downline, a level of
 *       it) and API order creation with an Idempotency-Key, pausing THINK_MS between requests (0:
 *       none, a closed loop at full speed); throughput and p50/p99 per kind.
 *   <li>{@code pay MEMBERS [DB_URL]}: the explorer's company (in the H2 file, or an empty database at
 *       DB_URL) with February 2026 run and stored ({@code reuse} after DB_URL: the database a
 *       previous {@code pay} run filled, its latest February run; no set-up); then the top
 *       earner (most lines) signs in and their pay page (first page, a middle and the last page of
 *       lines, a search), the lines fragment, the statement page and the streamed statement CSV are
 *       timed and weighed (bytes) on loopback, with my month for comparison (ADR 23).
 *   <li>{@code load-two DISTRIBUTORS USERS SECONDS THINK_MS DB_URL}: the same load on two servers
 *       over one database (ADR 22; an empty PostgreSQL database made for the run): each user signs
 *       in on one server and then sends each request to the other one in turn, as a load balancer
 *       without sticky sessions would, so every order is made on one server and read on both.
 * </ul>
 */
public final class WebBench {
  static final String PASSWORD = "bench-password-123";

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "explorer";
    Path dir = Files.createTempDirectory("webbench");
    if (mode.equals("explorer")) explorer(dir, args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000, true,
        args.length > 2 ? args[2] : url(dir));
    else if (mode.equals("explorer-again")) explorer(Path.of(args[1]), Integer.parseInt(args[2]), false,
        args.length > 3 ? args[3] : url(Path.of(args[1])));
    else if (mode.equals("explorer-set-up")) {
      company(dir, Integer.parseInt(args[1]), 0.4, 42);
      importCompany(dir, args[2]);
    }
    else if (mode.equals("pay")) pay(dir, args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000, args.length > 2 ? args[2] : url(dir),
        args.length > 3 && args[3].equals("reuse"));
    else if (mode.equals("load-two")) load(dir, args[5], 2, Integer.parseInt(args[1]), Integer.parseInt(args[2]),
        Integer.parseInt(args[3]), Integer.parseInt(args[4]));
    else load(dir, url(dir), 1, Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
        args.length > 4 ? Integer.parseInt(args[4]) : 0);
    System.exit(0);
  }

  /** Members M0..M(n-1); M0 the root; each recruit's sponsor a random earlier distributor. */
  static int[] company(Path dir, int members, double distributorShare, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    int[] distributors = new int[members];
    int nd = 0;
    int firstDay = (int) LocalDate.of(2024, 1, 1).toEpochDay();
    int lastDay = (int) LocalDate.of(2026, 1, 31).toEpochDay();
    try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("members.csv"))) {
      w.write("id,sponsor_id,kind,join_date,name,email,country\n");
      for (int i = 0; i < members; i++) {
        boolean distributor = i == 0 || random.nextDouble() < distributorShare;
        String sponsor = i == 0 ? "" : "M" + distributors[random.nextInt(nd)];
        int day = firstDay + (int) ((long) (lastDay - firstDay) * i / members);
        w.write("M" + i + "," + sponsor + "," + (distributor ? "distributor" : "customer") + ","
            + LocalDate.ofEpochDay(day) + ",Member " + i + ",m" + i + "@example.com,US\n");
        if (distributor) distributors[nd++] = i;
      }
    }
    try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("orders.csv"))) {
      w.write("id,member_id,date,pv,cv,total,return_of\n");
      for (int o = 0; o < members; o++) {
        int m = random.nextInt(members);
        int pv = 20 + random.nextInt(180);
        w.write("O" + o + ",M" + m + ",2026-02-" + String.format("%02d", 1 + random.nextInt(28)) + "," + pv + ","
            + (pv * 8 / 10) + "," + (pv + 10) + ",\n");
      }
    }
    return Arrays.copyOf(distributors, nd);
  }

  static String url(Path dir) {
    return "jdbc:h2:file:" + dir.resolve("db") + ";AUTO_SERVER=TRUE";
  }

  static void importCompany(Path dir) {
    importCompany(dir, url(dir));
  }

  static void importCompany(Path dir, String url) {
    long t0 = System.nanoTime();
    try (Database db = Database.open(url)) {
      ImportFile importer = new ImportFile(db, Progress.NONE);
      System.out.println(importer.importMembers(dir.resolve("members.csv")));
      System.out.println(importer.importOrders(dir.resolve("orders.csv")));
      new UserStore(db).add("staff", PASSWORD, Account.Role.ADMIN, null);
    }
    System.out.printf("imported in %.1f s%n", (System.nanoTime() - t0) / 1e9);
  }

  /** The top earner's pay pages: time (p50, p99 of 30 after 10 warm-ups) and size of each. */
  static void pay(Path dir, int members, String url, boolean reuse) throws Exception {
    if (!reuse) {
      company(dir, members, 0.4, 42);
      importCompany(dir, url);
    }
    String top;
    try (Database db = Database.open(url)) {
      long runId;
      if (reuse) {
        runId = new org.downline.store.RunStore(db).latest("2026-02").orElseThrow().id();
      } else {
        long t0 = System.nanoTime();
        var run = new org.downline.app.commission.RunPeriod(db).run("2026-02", org.downline.planfile.PlanFile.builtIn("demo"),
            org.downline.planfile.PlanFile.source("demo"), Progress.NONE);
        System.out.printf("run %d of 2026-02 stored in %.1f s: %,d lines%n", run.id(), (System.nanoTime() - t0) / 1e9, run.lines());
        runId = run.id();
      }
      // The groups hold each earner's line count (V200): no pass over the lines.
      try (var c = db.connection(); var st = c.createStatement();
          var rs = st.executeQuery("SELECT earner_id, SUM(line_count) FROM commission_line_group WHERE run_id = " + runId
              + " GROUP BY earner_id ORDER BY SUM(line_count) DESC FETCH FIRST 1 ROWS ONLY")) {
        rs.next();
        top = rs.getString(1);
        System.out.printf("top earner %s: %,d lines%n", top, rs.getLong(2));
      }
      // A kept database may have its run stored by other means (`commissions run`): its top earner signs in as "top".
      if (new UserStore(db).find("top").isEmpty()) new UserStore(db).add("top", PASSWORD, Account.Role.DISTRIBUTOR, top);
    }
    ConfigurableApplicationContext app = WebApp.start(url, 0);
    int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    Client me = Client.signIn(port, "top", PASSWORD);
    String first = me.get("/office/pay?period=2026-02");
    Matcher pages = Pattern.compile("Page 1 of ([0-9,.\\s]+)<").matcher(first);
    int last = pages.find() ? Integer.parseInt(pages.group(1).replaceAll("[^0-9]", "")) : 1;
    Matcher source = Pattern.compile("<td>(M[0-9]+)</td><td>[0-9]+</td></tr>").matcher(first);
    String someone = source.find() ? source.group(1) : "M1";
    String[] urls = {"/office", "/office/pay?period=2026-02", "/office/pay?period=2026-02&page=" + Math.max(1, last / 2),
        "/office/pay?period=2026-02&page=" + last, "/office/pay/lines?period=2026-02&page=2",
        "/office/pay?period=2026-02&q=" + someone, "/office/statement?period=2026-02", "/office/statement.csv?period=2026-02"};
    // -Dwebbench.only=REGEX: only the pages whose address it finds (a short A/B without the CSV).
    Pattern only = Pattern.compile(System.getProperty("webbench.only", ""));
    for (String u : urls) {
      if (!only.matcher(u).find()) continue;
      int bytes = me.get(u).getBytes(StandardCharsets.UTF_8).length;
      for (int i = 0; i < 10; i++) me.get(u);
      long[] t = new long[30];
      for (int i = 0; i < t.length; i++) t[i] = me.timed(u);
      report(String.format("%-55s %,11d bytes", u, bytes), t);
    }
    app.close();
  }

  static void explorer(Path dir, int members, boolean make, String url) throws Exception {
    if (make) {
      company(dir, members, 0.4, 42);
      importCompany(dir, url);
    }
    long t0 = System.nanoTime();
    ConfigurableApplicationContext app = WebApp.start(url, 0);
    int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    System.out.printf("server up in %.1f s (company loaded into memory)%n", (System.nanoTime() - t0) / 1e9);
    Client staff = Client.signIn(port, "staff", PASSWORD);
    SplittableRandom random = new SplittableRandom(7);
    // Warm up (JIT, period volumes computed once per snapshot), then measure.
    for (int i = 0; i < 300; i++) staff.get("/console/genealogy/children/M" + random.nextInt(members) + "?period=2026-02");
    long[] fragment = new long[1000];
    long[] api = new long[1000];
    for (int i = 0; i < fragment.length; i++) {
      String id = "M" + (i % 100 == 0 ? 0 : random.nextInt(members)); // the root (widest level) now and then
      fragment[i] = staff.timed("/console/genealogy/children/" + id + "?period=2026-02");
      api[i] = staff.timedBasic("/api/v1/members/" + id + "/downline?period=2026-02&size=50", "staff", PASSWORD);
    }
    long[] root = new long[20];
    for (int i = 0; i < root.length; i++) root[i] = staff.timed("/console/genealogy?member=M0&period=2026-02");
    // On the server itself, without HTTP: one level of a member's recruits with names (SQL) and figures.
    org.downline.web.Genealogy genealogy = app.getBean(org.downline.web.Genealogy.class);
    org.downline.web.Snapshot snapshot = app.getBean(org.downline.web.CompanyData.class).current();
    int period = snapshot.period("2026-02");
    long[] server = new long[5000];
    for (int i = 0; i < server.length; i++) {
      int m = i % 100 == 0 ? 0 : random.nextInt(members);
      long t = System.nanoTime();
      genealogy.children(snapshot, m, period, 0);
      server[i] = System.nanoTime() - t;
    }
    report("server: Genealogy.children (names + figures)", server);
    report("explorer children fragment (" + members + " members)", fragment);
    report("API members/{id}/downline (" + members + " members)", api);
    report("explorer page rooted at the top member", root);
    app.close();
  }

  static void load(Path dir, String url, int servers, int distributorCount, int users, int seconds, int thinkMillis)
      throws Exception {
    int members = (int) (distributorCount / 0.4);
    int[] distributors = company(dir, members, 0.4, 43);
    importCompany(dir, url);
    List<String> logins = new ArrayList<>();
    try (Database db = Database.open(url)) {
      UserStore store = new UserStore(db);
      for (int u = 0; u < users; u++) {
        String member = "M" + distributors[(int) ((long) u * distributors.length / users)];
        store.add("d" + u, PASSWORD, Account.Role.DISTRIBUTOR, member);
        logins.add(member);
      }
    }
    List<ConfigurableApplicationContext> apps = new ArrayList<>();
    int[] ports = new int[servers];
    for (int s = 0; s < servers; s++) {
      apps.add(WebApp.start(url, 0, "--server.tomcat.threads.max=64"));
      ports[s] = Integer.parseInt(apps.get(s).getEnvironment().getProperty("local.server.port"));
    }
    ConcurrentLinkedQueue<long[]> samples = new ConcurrentLinkedQueue<>(); // {kind, nanos}
    AtomicLong errors = new AtomicLong();
    List<Client> clients = new ArrayList<>();
    for (int u = 0; u < users; u++) clients.add(Client.signIn(ports, u % servers, "d" + u, PASSWORD));
    // Warm-up round, not measured: a page, and one API order on each server (the first Basic sign-in of
    // a user on a server checks the password hash, then it is remembered there for 5 minutes).
    for (Client c : clients) c.get("/office");
    for (int u = 0; u < users; u++) {
      for (int s = 0; s < servers; s++) clients.get(u).timedOrder("d" + u, logins.get(u), 1_000_000 + s);
    }
    // Ten seconds of the same mix first, not measured: JIT, caches and the first snapshot reloads settle.
    long measureFrom = System.nanoTime() + 10_000_000_000L;
    long end = measureFrom + seconds * 1_000_000_000L;
    Cpu cpu = new Cpu(url, measureFrom, end);
    // -Dwebbench.kinds=DIGITS: only these kinds of request, in this order (0 my month, 1 my downline, 2 a level,
    // 3 create order; default 0123), to weigh one kind's cost alone.
    int[] mix = System.getProperty("webbench.kinds", "0123").chars().map(ch -> ch - '0').toArray();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      pool.submit(() -> {
        cpu.measure();
        return null;
      });
      for (int u = 0; u < users; u++) {
        Client c = clients.get(u);
        String me = logins.get(u);
        String user = "d" + u;
        pool.submit(() -> {
          long n = 0;
          // Users start spread over one think time, as people do, not all in the same millisecond.
          if (thinkMillis > 0) Thread.sleep(new SplittableRandom(n + me.hashCode()).nextInt(thinkMillis));
          while (System.nanoTime() < end) {
            if (thinkMillis > 0) Thread.sleep(thinkMillis);
            try {
              int kind = mix[(int) (n++ % mix.length)];
              long nanos = switch (kind) {
                case 0 -> c.timed("/office");
                case 1 -> c.timed("/office/downline");
                case 2 -> c.timed("/office/downline/children/" + me);
                default -> c.timedOrder(user, me, n);
              };
              if (System.nanoTime() >= measureFrom) samples.add(new long[] {kind, nanos});
            } catch (Exception e) {
              errors.incrementAndGet();
            }
          }
          return null;
        });
      }
    }
    String[] kinds = {"office: my month", "office: my downline", "office: a level of my downline", "API: create order"};
    long total = 0;
    long[] all = samples.stream().mapToLong(s -> s[1]).toArray();
    for (int k = 0; k < kinds.length; k++) {
      final int kind = k;
      long[] of = samples.stream().filter(s -> s[0] == kind).mapToLong(s -> s[1]).toArray();
      total += of.length;
      report(kinds[k], of);
    }
    report("all requests", all);
    System.out.printf("%d requests in %d s by %d users on %d server(s): %.0f requests/s; %d errors%n", total, seconds,
        users, servers, total / (double) seconds, errors.get());
    cpu.report(total);
    for (ConfigurableApplicationContext app : apps) app.close();
  }

  /**
   * CPU used over the measured window: the whole process (servers, load generator, GC), the servers'
   * request threads alone, and, on PostgreSQL, the database's backends serving this database (read
   * from /proc, so only when PostgreSQL runs on this machine). {@code -Dwebbench.jfr=FILE} records a
   * flight recording of the window alone.
   */
  static final class Cpu {
    private final String url;
    private final long from;
    private final long to;
    private long process;
    private long requestThreads;
    private long database = -1;
    private long gcPauses;
    private long gcCount;

    Cpu(String url, long from, long to) {
      this.url = url;
      this.from = from;
      this.to = to;
    }

    void measure() throws Exception {
      Thread.sleep(Math.max(0, (from - System.nanoTime()) / 1_000_000));
      String jfr = System.getProperty("webbench.jfr");
      jdk.jfr.Recording recording = null;
      if (jfr != null) {
        recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
        recording.enable("jdk.CPUTimeSample").with("throttle", "2ms"); // CPU-time samples (Linux, JDK 25)
        recording.setDestination(Path.of(jfr));
        recording.start();
      }
      long p0 = processCpu();
      long r0 = requestThreadsCpu();
      long[] gc0 = gc();
      java.util.Map<Integer, Long> db0 = databaseCpu();
      Thread.sleep(Math.max(0, (to - System.nanoTime()) / 1_000_000));
      process = processCpu() - p0;
      requestThreads = requestThreadsCpu() - r0;
      long[] gc1 = gc();
      gcCount = gc1[0] - gc0[0];
      gcPauses = gc1[1] - gc0[1];
      java.util.Map<Integer, Long> db1 = databaseCpu();
      if (db1 != null) {
        database = 0;
        for (var e : db1.entrySet()) database += e.getValue() - db0.getOrDefault(e.getKey(), 0L);
      }
      if (recording != null) recording.stop();
    }

    void report(long requests) {
      if (requests == 0) return;
      System.out.printf("CPU over the window: process %.1f s (%.2f ms a request), request threads %.1f s (%.2f ms a request)",
          process / 1e9, process / 1e6 / requests, requestThreads / 1e9, requestThreads / 1e6 / requests);
      if (database >= 0) System.out.printf(", PostgreSQL %.1f s (%.2f ms a request)", database / 1e9, database / 1e6 / requests);
      System.out.printf("; %d collections, %d ms collecting%n", gcCount, gcPauses);
    }

    private static long processCpu() {
      return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
          .getProcessCpuTime();
    }

    /** Tomcat's request threads ({@code http-nio-PORT-exec-N}) of every server in this process. */
    private static long requestThreadsCpu() {
      java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
      long sum = 0;
      for (java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
        if (t != null && t.getThreadName().contains("-exec-")) sum += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
      }
      return sum;
    }

    private static long[] gc() {
      long n = 0;
      long ms = 0;
      for (var b : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
        n += Math.max(0, b.getCollectionCount());
        ms += Math.max(0, b.getCollectionTime());
      }
      return new long[] {n, ms};
    }

    /** CPU nanoseconds of each PostgreSQL backend on this database, by pid; null on H2. */
    private java.util.Map<Integer, Long> databaseCpu() throws Exception {
      if (!url.startsWith("jdbc:postgresql:")) return null;
      java.util.Map<Integer, Long> out = new java.util.HashMap<>();
      try (var c = java.sql.DriverManager.getConnection(url); var st = c.createStatement();
          var rs = st.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
              + " AND pid <> pg_backend_pid()")) {
        while (rs.next()) {
          Path stat = Path.of("/proc/" + rs.getInt(1) + "/stat");
          if (!Files.exists(stat)) return null;
          String[] f = Files.readString(stat).replaceFirst(".*\\) ", "").split(" ");
          // utime and stime, fields 14 and 15 of stat (11 and 12 after the name), in clock ticks of 10 ms
          out.put(rs.getInt(1), (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L);
        }
      } catch (java.io.IOException e) {
        return null;
      }
      return out;
    }
  }

  static void report(String what, long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    if (s.length == 0) return;
    System.out.printf("%-45s n=%7d  p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n", what, s.length,
        s[s.length / 2] / 1e6, s[(int) Math.min(s.length - 1, Math.ceil(s.length * 0.99) - 1)] / 1e6, s[s.length - 1] / 1e6);
  }

  /** One browser-like client: a cookie jar, signed in through the login form with its CSRF token. */
  static final class Client {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    final HttpClient http;
    final int[] ports;
    /** The server the next request goes to: each request to the next one in turn (no sticky sessions). */
    private int next;

    Client(int port) {
      this(new int[] {port}, 0);
    }

    Client(int[] ports, int first) {
      this.ports = ports;
      this.next = first;
      this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5)).build();
    }

    static Client signIn(int port, String user, String password) throws Exception {
      return signIn(new int[] {port}, 0, user, password);
    }

    static Client signIn(int[] ports, int first, String user, String password) throws Exception {
      Client c = new Client(ports, first);
      String login = c.get("/login");
      Matcher m = CSRF.matcher(login);
      if (!m.find()) throw new IllegalStateException("no CSRF token on the login page");
      String form = "username=" + user + "&password=" + password + "&_csrf=" + m.group(1);
      HttpResponse<String> r = c.http.send(HttpRequest.newBuilder(c.uri("/login"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 302 || !r.headers().firstValue("Location").orElse("").endsWith("/")) {
        throw new IllegalStateException("sign-in of " + user + " failed: " + r.statusCode());
      }
      return c;
    }

    synchronized URI uri(String path) {
      int port = ports[next];
      next = (next + 1) % ports.length;
      return URI.create("http://127.0.0.1:" + port + path);
    }

    String get(String path) throws Exception {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) throw new IllegalStateException(path + " answered " + r.statusCode());
      return r.body();
    }

    long timed(String path) throws Exception {
      long t0 = System.nanoTime();
      get(path);
      return System.nanoTime() - t0;
    }

    long timedBasic(String path, String user, String password) throws Exception {
      if (basic == null) basic = HttpClient.newHttpClient();
      String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      long t0 = System.nanoTime();
      HttpResponse<String> r = basic.send(HttpRequest.newBuilder(uri(path))
          .header("Authorization", "Basic " + auth).GET().build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) throw new IllegalStateException(path + " answered " + r.statusCode());
      return System.nanoTime() - t0;
    }

    private HttpClient basic;

    long timedOrder(String user, String member, long n) throws Exception {
      if (basic == null) basic = HttpClient.newHttpClient();
      String auth = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
      String body = "{\"memberId\":\"" + member + "\",\"date\":\"2026-03-0" + (1 + n % 9) + "\",\"pv\":25,\"cv\":20,\"total\":30}";
      long t0 = System.nanoTime();
      HttpResponse<String> r = basic.send(HttpRequest.newBuilder(uri("/api/v1/orders"))
          .header("Authorization", "Basic " + auth).header("Content-Type", "application/json")
          .header("Idempotency-Key", user + "-" + n)
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 201) throw new IllegalStateException("order answered " + r.statusCode() + ": " + r.body());
      return System.nanoTime() - t0;
    }
  }
}
