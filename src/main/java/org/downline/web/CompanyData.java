package org.downline.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.downline.network.MemberRow;
import org.downline.network.Network;
import org.downline.network.OrderBook;
import org.downline.network.OrderRow;
import org.downline.store.ChangeLog;
import org.downline.store.CompanyStore;
import org.downline.store.Database;
import org.downline.store.ModelSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Holds the current {@link Snapshot}: loaded from the database once at start and on the explicit
 * reload command, and otherwise kept current from the change log (ADR 22), which every write that
 * the picture holds records in its transaction, whichever server or command made it. This server
 * reads the log after its own writes (so the next request sees them) and, on PostgreSQL, when the
 * commit's {@code NOTIFY} wakes it (ADR 27; the log read at least every five seconds besides), on H2
 * every {@code downline.changes.poll-ms} (200 ms), so another server's write shows here within a second.
 *
 * <p>An order or return goes into its period's projection in place at once (PV, GV, Active, ranks,
 * projected pay); the book catches up a moment later, built from the current arrays in the
 * background (coalesced: at least five seconds and twice the last build apart, since each new
 * picture starts the per-picture caches of next steps and honest numbers afresh). A new member, a changed
 * member, a placement or a catalogue change makes the next picture from the current one's arrays
 * before the caller goes on. Readers never wait: they see the current picture until the next is
 * published.
 */
@Component
public final class CompanyData implements DisposableBean {
  private static final Logger LOG = LoggerFactory.getLogger(CompanyData.class);
  private static final long MIN_CATCH_UP_DELAY_MS = 5_000;

  private final CompanyStore store;
  private final ChangeLog log;
  private final org.downline.commission.Plan plan;
  private volatile Snapshot current;
  /** The last change number the current picture holds. */
  private long applied;
  /** Orders in the current picture's projections but not yet in its book, in the order applied. */
  private final List<OrderRow> pending = new ArrayList<>();
  private volatile long lastBuildMillis;
  private final AtomicBoolean buildPending = new AtomicBoolean();
  private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "company-changes");
    t.setDaemon(true);
    return t;
  });

  public CompanyData(Database db, String planName, long pollMillis) {
    this(db, planName, pollMillis, true);
  }

  /**
   * {@code storedModel}: start from the stored copy of the model when a usable one is there, and store
   * one after every full load (ADR 38; {@code downline.model-snapshot}, default on).
   */
  @org.springframework.beans.factory.annotation.Autowired
  public CompanyData(Database db, @Value("${downline.plan:demo}") String planName,
      @Value("${downline.changes.poll-ms:200}") long pollMillis, @Value("${downline.model-snapshot:true}") boolean storedModel) {
    this.store = new CompanyStore(db);
    this.log = new ChangeLog(db);
    this.snapshots = storedModel ? new ModelSnapshot(db) : null;
    this.loader = new org.downline.app.network.LoadCompany(db, storedModel);
    this.plan = org.downline.planfile.PlanFile.load(planName);
    log.prune();
    start();
    String outgrown = db.sizeNote(current.network().size()); // the operator reads the log at start (ADR 45)
    if (outgrown != null) LOG.warn(outgrown);
    if (log.canListen()) {
      listener = new Thread(() -> listen(pollMillis), "company-changes-listen");
      listener.setDaemon(true);
      listener.start();
    } else {
      worker.scheduleWithFixedDelay(this::follow, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
    }
  }

  /** How long the PostgreSQL follower sleeps without a signal before it reads the log anyway (a lost signal, a lost connection). */
  static final int LISTEN_FALLBACK_MS = 5_000;

  private volatile boolean stopped;
  private Thread listener;

  /**
   * The PostgreSQL follower (ADR 27): sleeps on the change signal, reads the log when woken and at
   * least every {@link #LISTEN_FALLBACK_MS}; on a broken connection it reads the log every
   * {@code pollMillis} while it connects again, so a change is never missed, only later.
   */
  private void listen(long pollMillis) {
    while (!stopped) {
      try (ChangeLog.Listener signals = log.listen()) {
        follow(); // what was committed before this connection listened
        while (!stopped) {
          signals.await(LISTEN_FALLBACK_MS);
          if (!stopped) follow();
        }
      } catch (RuntimeException e) {
        if (stopped) return;
        LOG.warn("listening for changes failed ({}); polling until it works again", e.getMessage());
        try {
          Thread.sleep(pollMillis);
        } catch (InterruptedException interrupted) {
          return;
        }
        follow();
      }
    }
  }

  public Snapshot current() {
    return current;
  }

  private final ModelSnapshot snapshots;
  private final org.downline.app.network.LoadCompany loader;
  /** The last write of the stored model, for a caller that waits for it (tests, benchmarks). */
  private volatile java.util.concurrent.CompletableFuture<ModelSnapshot.Written> stored =
      java.util.concurrent.CompletableFuture.completedFuture(null);
  private final java.util.concurrent.ExecutorService storing = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "store-model");
    t.setDaemon(true);
    return t;
  });

  /**
   * The first picture: from the stored model and the change log after it when both allow (ADR 38),
   * the same in-memory path a follower takes for another server's writes; otherwise every row.
   */
  private synchronized void start() {
    if (snapshots == null) {
      reload();
      return;
    }
    long t0 = System.nanoTime();
    long upTo = log.last();
    ModelSnapshot.Read read = loader.readStored(upTo);
    String refused = read.refused();
    if (read.ok()) {
      long t1 = System.nanoTime();
      Snapshot next = new Snapshot(read.model().network(), read.model().book(), store.loadProducts(), plan);
      if (next.projectable()) next.projection(next.defaultPeriod());
      current = next;
      applied = read.seq();
      pending.clear();
      long loads = fullLoads;
      catchUpNow();
      if (fullLoads != loads) { // a reload after the copy's last change: every row is loaded now
        refusedStoredModel = "a reload came after it";
        LOG.info("the stored model was read, but a reload came after it: every member and order was loaded");
        return;
      }
      if (!log.reaches(read.seq(), applied)) {
        // Entries are only ever deleted, so all there now were there while being read: this catches
        // another server's prune between the check above and the read.
        refusedStoredModel = "the change log lost entries after its change " + read.seq() + " while they were read";
        LOG.info("the stored model is not used ({}): loading every member and order", refusedStoredModel);
        reload();
        return;
      }
      refusedStoredModel = null;
      storedAtMillis = snapshots.header().madeAt().getTime();
      LOG.info("company loaded from its stored model at change {} ({} ms), then the change log to {}: {} members, {} orders"
          + " ({} pending) in {} ms", read.seq(), (t1 - t0) / 1_000_000, applied, current.network().size(),
          current.book().size(), pending.size(), (System.nanoTime() - t0) / 1_000_000);
      return;
    }
    LOG.info("the stored model is not used ({}): loading every member and order", refused);
    refusedStoredModel = refused;
    if (loader.storedModelPresent()) snapshots.forget(); // replaced after the load, even by a copy at the same change
    reload();
  }

  private volatile String refusedStoredModel = "not read";
  /** Loads of every row so far. */
  private long fullLoads;
  /** When the stored model this server read or wrote last was made. */
  private volatile long storedAtMillis;
  /** How old the stored model may grow while this server follows the log before it stores its picture. */
  private volatile long storedModelRefreshMs = 6 * 3_600_000L;

  /** Tests: how old the stored model may grow before this server stores its picture. */
  void refreshStoredModelAfter(long millis) {
    storedModelRefreshMs = millis;
  }

  /** Why this server's start did not use the stored model (null when it did; ADR 38). */
  public String refusedStoredModel() {
    return refusedStoredModel;
  }

  /** Waits for the stored model being written after the last full load, if one is (tests and benchmarks). */
  public ModelSnapshot.Written awaitStoredModel() {
    return stored.join();
  }

  /** Loads a fresh snapshot from the database now (at start, and on the explicit reload command). */
  public synchronized Snapshot reload() {
    fullLoads++;
    long t0 = System.nanoTime();
    // The number is read before the load: a change committed while loading comes again and is skipped if held.
    long upTo = log.last();
    Network network = store.loadNetwork();
    OrderBook book = store.loadOrders(network);
    Snapshot next = new Snapshot(network, book, store.loadProducts(), plan);
    // Start the open period's projection here, not in the first order's request (a plan that cannot be
    // projected order by order, a binary plan, has none).
    if (next.projectable()) next.projection(next.defaultPeriod());
    current = next;
    applied = upTo;
    pending.clear();
    LOG.info("company loaded: {} members, {} orders in {} ms", network.size(), book.size(),
        (System.nanoTime() - t0) / 1_000_000);
    if (snapshots != null) storeModel(network, book, upTo);
    return current;
  }

  /**
   * Stores the model just loaded as the copy the next start reads, in the background (the first
   * pages need not wait). The number is the one read before the load: the rows may hold later
   * changes too, which a start applies again and skips, as a follower does.
   */
  private void storeModel(Network network, OrderBook book, long upTo) {
    storedAtMillis = System.currentTimeMillis();
    stored = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      try {
        ModelSnapshot.Written w = snapshots.write(network, book, upTo);
        if (w.pieces() > 0) LOG.info("stored the model at change {}: {} MB in {} pieces, {} ms", upTo, w.bytes() >> 20, w.pieces(), w.millis());
        return w;
      } catch (RuntimeException e) {
        LOG.warn("storing the model failed: {}", e.getMessage());
        return null;
      }
    }, storing);
  }

  /** Asks every server on this database (this one included, before this returns) for a full reload. */
  public Snapshot reloadEverywhere() {
    log.askReload();
    return catchUp();
  }

  /** The commission plan the company is paid by ({@code downline.plan}, default demo). */
  public org.downline.commission.Plan plan() {
    return plan;
  }

  /** The last change number the current picture holds (for the two-server test and the log). */
  public synchronized long applied() {
    return applied;
  }

  /**
   * Applies every change committed since the current picture: called after this server's own writes
   * (so the answer and the next page show them) and by the follower.
   */
  public Snapshot catchUp() {
    // A catch-up that starts after this line reads the log after the caller's commit: when one has
    // finished by the time the lock is free, it applied the caller's write, and this one need not
    // read the log again (a burst of orders waiting here costs one read, not one each).
    long started = catchUpsStarted;
    synchronized (this) {
      if (catchUpsFinishedFrom > started) return current;
      long run = ++catchUpsStarted;
      Snapshot s = catchUpNow();
      catchUpsFinishedFrom = run;
      return s;
    }
  }

  /** Catch-ups begun, and the number of the last one finished (each reads the log after it is numbered). */
  private volatile long catchUpsStarted;
  private long catchUpsFinishedFrom;

  private Snapshot catchUpNow() {
    long last = log.last();
    if (last <= applied) return current;
    ChangeLog.Changes changes = log.since(applied, last);
    if (changes.reload()) return reload();
    apply(changes);
    applied = last;
    return current;
  }

  private void apply(ChangeLog.Changes changes) {
    Snapshot s = current;
    // Sales before returns, so a return finds its sale when both came in one batch.
    List<OrderRow> fresh = new ArrayList<>(changes.orders().stream().filter(o -> !s.holds(o.id())).toList());
    fresh.sort(Comparator.comparing(OrderRow::isReturn));
    List<MemberRow> members = changes.members().stream().filter(m -> !sameMember(s.network(), m)).toList();
    boolean inPlace = members.isEmpty() && !changes.products();
    for (int i = 0; inPlace && i < fresh.size(); i++) {
      OrderRow o = fresh.get(i);
      inPlace = s.addOrder(o.id(), s.network().indexOf(o.memberId()), o.day(), o.pv(), o.cv(), o.returnOf());
    }
    if (!inPlace) {
      List<OrderRow> orders = new ArrayList<>(pending);
      orders.addAll(fresh);
      Snapshot next = s.with(members, orders, changes.products() ? store.loadProducts() : s.products());
      if (next.projectable()) next.projection(next.defaultPeriod());
      current = next;
      pending.clear();
      return;
    }
    pending.addAll(fresh);
    if (!fresh.isEmpty()) buildSoon();
  }

  private static boolean sameMember(Network n, MemberRow m) {
    int i = n.indexOf(m.id());
    if (i == Network.NONE) return false;
    int s = n.sponsor(i);
    int p = n.placement(i);
    return java.util.Objects.equals(s == Network.NONE ? null : n.id(s), m.sponsorId()) && n.kind(i) == m.kind()
        && n.isPreferred(i) == m.preferred() && n.joinDay(i) == m.joinDay() && n.status(i) == m.status()
        && n.statusDay(i) == m.statusDay() && java.util.Objects.equals(p == Network.NONE ? null : n.id(p), m.placementId())
        && n.placementPosition(i) == m.placementPosition();
  }

  /** Brings the book up to the projections, in the background; calls while one is pending add nothing. */
  private void buildSoon() {
    if (buildPending.compareAndSet(false, true)) {
      worker.schedule(() -> {
        buildPending.set(false);
        try {
          buildBook();
        } catch (RuntimeException e) {
          LOG.warn("catching up the order book failed: {}", e.getMessage());
        }
      }, Math.max(MIN_CATCH_UP_DELAY_MS, 2 * lastBuildMillis), TimeUnit.MILLISECONDS);
    }
  }

  /**
   * The next picture with the pending orders in its book, built without holding the lock (orders keep
   * arriving meanwhile and go into the projections); those that came during the build go into the new
   * picture's projections before it is published.
   */
  void buildBook() {
    Snapshot base;
    List<OrderRow> batch;
    synchronized (this) {
      base = current;
      batch = List.copyOf(pending);
    }
    if (batch.isEmpty()) return;
    long t0 = System.nanoTime();
    Snapshot next = base.with(List.of(), batch, base.products());
    if (next.projectable()) next.projection(next.defaultPeriod());
    synchronized (this) {
      if (current != base) return; // a member change made the next picture meanwhile, with these orders
      List<OrderRow> later = new ArrayList<>(pending.subList(batch.size(), pending.size()));
      boolean inPlace = true;
      for (OrderRow o : later) {
        inPlace &= next.addOrder(o.id(), next.network().indexOf(o.memberId()), o.day(), o.pv(), o.cv(), o.returnOf());
      }
      if (!inPlace) next = next.with(List.of(), later, next.products()); // a return the projection cannot take
      pending.clear();
      if (!inPlace) later.clear();
      pending.addAll(later);
      current = next;
      if (!later.isEmpty()) buildSoon();
      // The book holds every change applied, so the picture is the company at that number: a stored
      // copy older than this picture by hours is replaced by it, so a start has less of the log to apply.
      else if (snapshots != null && System.currentTimeMillis() - storedAtMillis >= storedModelRefreshMs) {
        storeModel(next.network(), next.book(), applied);
      }
    }
    lastBuildMillis = (System.nanoTime() - t0) / 1_000_000;
  }

  /** Waits for the book to hold every order applied (tests: the picture a fresh load would give). */
  public void settle() {
    buildBook();
  }

  private void follow() {
    try {
      catchUp();
    } catch (RuntimeException e) {
      LOG.warn("following the change log failed: {}", e.getMessage());
    }
  }

  @Override
  public void destroy() {
    stopped = true;
    worker.shutdownNow();
    storing.shutdown();
    try {
      storing.awaitTermination(10, TimeUnit.SECONDS); // a write under way finishes (or rolls back with the pool)
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (listener != null) {
      try {
        log.wake();
        listener.join(2_000);
      } catch (RuntimeException e) {
        LOG.debug("waking the change listener to stop failed: {}", e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
