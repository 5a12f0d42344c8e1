package org.downline.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.downline.core.Periods;
import org.downline.network.MonthFigures;
import org.downline.network.Network;
import org.downline.network.OrderBook;
import org.downline.network.Product;
import org.downline.network.Subtrees;
import org.downline.network.Volumes;

/**
 * One consistent in-memory picture of the company (network, orders, catalogue) with the figures the
 * pages need, computed once per picture on the arrays: subtree sizes, owners, and per period PV/GV
 * and month figures (cached on first use). Immutable once published; a write makes a new one.
 */
public final class Snapshot {
  private final Network network;
  private final OrderBook book;
  private final List<Product> products;
  private final int[] owner;
  private final int[] sizes;
  private final int[] distributors;
  private final Map<Integer, PeriodVolumes> volumes = new ConcurrentHashMap<>();
  private final Map<Integer, MonthFigures> months = new ConcurrentHashMap<>();
  private final long loadedAtMillis = System.currentTimeMillis();
  private final java.util.List<long[]> added = new java.util.ArrayList<>(); // {period, member, pv}

  /** PV and GV per member for one period. */
  public record PeriodVolumes(long[] pv, long[] gv) {}

  public Snapshot(Network network, OrderBook book, List<Product> products) {
    this.network = network;
    this.book = book;
    this.products = List.copyOf(products);
    this.owner = network.ownerDistributors();
    this.sizes = Subtrees.sizes(network);
    this.distributors = Subtrees.distributorCounts(network);
  }

  public Network network() {
    return network;
  }

  public OrderBook book() {
    return book;
  }

  public List<Product> products() {
    return products;
  }

  /** Owning distributor per member (itself for a distributor). */
  public int[] owners() {
    return owner;
  }

  public int subtreeSize(int i) {
    return sizes[i];
  }

  public int subtreeDistributors(int i) {
    return distributors[i];
  }

  public long loadedAtMillis() {
    return loadedAtMillis;
  }

  public PeriodVolumes volumes(int period) {
    PeriodVolumes v = volumes.get(period);
    if (v != null) return v;
    synchronized (this) {
      v = volumes.get(period);
      if (v == null) {
        int[] range = book.periodRange(period);
        long[] pv = Volumes.personal(network, book, owner, range[0], range[1]);
        v = new PeriodVolumes(pv, Volumes.group(network, pv));
        for (long[] o : added) {
          if (o[0] == period) add(v, (int) o[1], o[2]);
        }
        volumes.put(period, v);
      }
      return v;
    }
  }

  /**
   * An order written since this snapshot was loaded: its PV goes into the period's figures at once
   * (the owner's PV, then GV up the sponsor chain: as many steps as the tree is deep), so pages show
   * it without reloading the company. Month figures and order lists catch up at the next reload.
   */
  public synchronized void addOrder(int member, int day, long pv) {
    int period = org.downline.core.Periods.periodOfDay(day);
    added.add(new long[] {period, member, pv});
    PeriodVolumes v = volumes.get(period);
    if (v != null) add(v, member, pv);
  }

  private void add(PeriodVolumes v, int member, long pv) {
    int d = owner[member];
    if (d == Network.NONE) return;
    v.pv()[d] += pv;
    for (int a = d; a != Network.NONE; a = network.sponsor(a)) v.gv()[a] += pv;
  }

  /** Figures of the periods {@code first..last}, computing only those not cached yet. */
  public MonthFigures[] months(int first, int last) {
    MonthFigures[] out = new MonthFigures[last - first + 1];
    boolean missing = false;
    for (int p = first; p <= last; p++) {
      out[p - first] = months.get(p);
      missing |= out[p - first] == null;
    }
    if (!missing) return out;
    MonthFigures[] computed = MonthFigures.of(network, book, first, last);
    for (MonthFigures f : computed) months.put(f.period(), f);
    return computed;
  }

  /**
   * The period pages show when none is asked for: the month of the latest order (data is often
   * historical or generated), else the current calendar month.
   */
  public int defaultPeriod() {
    if (book.size() > 0) return Periods.periodOfDay(book.days()[book.size() - 1]);
    return Periods.index(java.time.YearMonth.from(LocalDate.now(ZoneOffset.UTC)));
  }

  /** The requested period, or the default one when blank. */
  public int period(String name) {
    return name == null || name.isBlank() ? defaultPeriod() : Periods.index(Periods.parse(name));
  }
}
