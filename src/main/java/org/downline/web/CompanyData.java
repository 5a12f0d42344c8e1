package org.downline.web;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.downline.network.Network;
import org.downline.network.OrderBook;
import org.downline.store.CompanyStore;
import org.downline.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Holds the current {@link Snapshot}, loaded once at start. An import reloads it before answering. A
 * single order goes into the current snapshot's projection at once ({@link Snapshot#addOrder}) and
 * asks for a full reload later, coalesced: a burst of orders costs one reload, at least ten seconds
 * and five times the last reload's duration apart, so a big company never spends more than a sixth
 * of its time reloading (reloads under a steady stream of orders were what lifted the load test's
 * p99). Readers never wait: they see the current picture until the next is ready.
 */
@Component
public final class CompanyData implements DisposableBean {
  private static final Logger LOG = LoggerFactory.getLogger(CompanyData.class);
  private static final long MIN_RELOAD_DELAY_MS = 10_000;
  private volatile long lastReloadMillis;

  private final CompanyStore store;
  private volatile Snapshot current;
  private final AtomicBoolean reloadPending = new AtomicBoolean();
  private final ScheduledExecutorService reloader = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "company-reload");
    t.setDaemon(true);
    return t;
  });

  private final org.downline.commission.Plan plan;

  public CompanyData(Database db,
      @org.springframework.beans.factory.annotation.Value("${downline.plan:demo}") String planName) {
    this.store = new CompanyStore(db);
    this.plan = org.downline.planfile.PlanFile.load(planName);
    reload();
  }

  public Snapshot current() {
    return current;
  }

  /** Loads a fresh snapshot now (after an import). */
  public synchronized Snapshot reload() {
    long t0 = System.nanoTime();
    Network network = store.loadNetwork();
    OrderBook book = store.loadOrders(network);
    Snapshot next = new Snapshot(network, book, store.loadProducts(), plan);
    // Start the open period's projection here (in the reloading thread), not in the first order's request.
    if (next.projectable()) next.projection(next.defaultPeriod());
    current = next;
    lastReloadMillis = (System.nanoTime() - t0) / 1_000_000;
    LOG.info("company loaded: {} members, {} orders in {} ms", network.size(), book.size(), lastReloadMillis);
    return current;
  }

  /** The commission plan the company is paid by ({@code downline.plan}, default demo). */
  public org.downline.commission.Plan plan() {
    return plan;
  }

  /**
   * A new order (or return) of the member (network index): its period's projection takes it now
   * (volumes, ranks, projected pay), the company is fully reloaded later.
   */
  public void orderAdded(String orderId, int member, int day, long pv, long cv, String returnOf) {
    current.addOrder(orderId, member, day, pv, cv, returnOf);
    reloadSoon();
  }

  /** Schedules one reload; calls while one is pending add nothing. */
  public void reloadSoon() {
    if (reloadPending.compareAndSet(false, true)) {
      reloader.schedule(() -> {
        reloadPending.set(false);
        try {
          reload();
        } catch (RuntimeException e) {
          LOG.warn("reload failed: {}", e.getMessage());
        }
      }, Math.max(MIN_RELOAD_DELAY_MS, 5 * lastReloadMillis), TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void destroy() {
    reloader.shutdownNow();
  }
}
