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
 * Holds the current {@link Snapshot}, loaded once at start. An import reloads it before answering;
 * single orders ask for a reload soon after, coalesced, so a burst of orders costs one reload and
 * readers never wait (they see the previous picture for that moment).
 */
@Component
public final class CompanyData implements DisposableBean {
  private static final Logger LOG = LoggerFactory.getLogger(CompanyData.class);
  private static final long RELOAD_DELAY_MS = 500;

  private final CompanyStore store;
  private volatile Snapshot current;
  private final AtomicBoolean reloadPending = new AtomicBoolean();
  private final ScheduledExecutorService reloader = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "company-reload");
    t.setDaemon(true);
    return t;
  });

  public CompanyData(Database db) {
    this.store = new CompanyStore(db);
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
    current = new Snapshot(network, book, store.loadProducts());
    LOG.info("company loaded: {} members, {} orders in {} ms", network.size(), book.size(),
        (System.nanoTime() - t0) / 1_000_000);
    return current;
  }

  /** Schedules one reload shortly; calls while one is pending add nothing. */
  public void reloadSoon() {
    if (reloadPending.compareAndSet(false, true)) {
      reloader.schedule(() -> {
        reloadPending.set(false);
        try {
          reload();
        } catch (RuntimeException e) {
          LOG.warn("reload failed: {}", e.getMessage());
        }
      }, RELOAD_DELAY_MS, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void destroy() {
    reloader.shutdownNow();
  }
}
