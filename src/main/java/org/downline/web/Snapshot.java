package org.downline.web;

import org.downline.core.InvalidInputException;
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
import org.downline.commission.PeriodOrders;
import org.downline.commission.Plan;
import org.downline.commission.ProjectedPeriod;
import org.downline.planfile.PlanFile;

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
  private final Plan plan;
  private long version;
  private final Map<Integer, ProjectedPeriod> projections = new java.util.HashMap<>();
  /** Handles in their period's projection of the sales added since load, by order id (for their returns). */
  private final Map<String, Integer> added = new java.util.HashMap<>();

  /** PV, GV, Active and paid-as rank (plan index, -1 for customers) per member for one period. */
  public record PeriodVolumes(long[] pv, long[] gv, boolean[] active, byte[] rank) {
    static PeriodVolumes of(org.downline.commission.Volumes v) {
      return new PeriodVolumes(v.pv, v.gv, v.active, v.rank);
    }
  }

  /** A snapshot under the built-in demo plan. */
  public Snapshot(Network network, OrderBook book, List<Product> products) {
    this(network, book, products, PlanFile.builtIn("demo"));
  }

  public Snapshot(Network network, OrderBook book, List<Product> products, Plan plan) {
    this.plan = plan;
    this.network = network;
    this.book = book;
    this.products = List.copyOf(products);
    this.owner = network.ownerDistributors();
    this.sizes = Subtrees.sizes(network);
    this.distributors = Subtrees.distributorCounts(network);
  }

  /** Orders added since load (explanations computed before one was added are stale). */
  public synchronized long version() {
    return version;
  }

  public Plan plan() {
    return plan;
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

  /**
   * PV, GV, Active and paid-as rank of a period, as the commission engine figures them (one way of
   * computing volumes for the engine, the pages and the API). A period that has received an order
   * since this snapshot was loaded, and the default (open) period, are kept by a
   * {@link ProjectedPeriod}: its arrays are updated in place order by order.
   */
  public PeriodVolumes volumes(int period) {
    PeriodVolumes v = volumes.get(period);
    if (v != null) return v;
    synchronized (this) {
      v = volumes.get(period);
      if (v == null) {
        if (period == defaultPeriod() && projectable()) {
          v = PeriodVolumes.of(projection(period).volumes());
        } else {
          v = PeriodVolumes.of(org.downline.commission.Volumes.compute(network, owner, book,
              PeriodOrders.of(book, period), plan));
        }
        volumes.put(period, v);
      }
      return v;
    }
  }

  /** True when the plan's pay can be kept current order by order (not a binary or generation plan). */
  public boolean projectable() {
    return ProjectedPeriod.supports(plan);
  }

  /** The period kept current order by order (started from this snapshot's orders on first use). */
  public synchronized ProjectedPeriod projection(int period) {
    ProjectedPeriod p = projections.get(period);
    if (p == null) {
      p = ProjectedPeriod.start(network, book, plan, period);
      projections.put(period, p);
      volumes.put(period, PeriodVolumes.of(p.volumes()));
    }
    return p;
  }

  /**
   * An order written since this snapshot was loaded: the period's projection takes it at once (PV,
   * GV, Active, ranks and projected pay of the owner and every ancestor, one walk up the sponsor
   * chain), so pages show it without reloading the company. A return of a sale in another period,
   * or of a sale the projection does not hold, drops the projection; the next reload brings it back.
   * Month figures and order lists catch up at the next reload.
   */
  public synchronized void addOrder(String orderId, int member, int day, long pv, long cv, String returnOf) {
    version++;
    int period = Periods.periodOfDay(day);
    // A plan that cannot be projected shows the order at the next reload (CompanyData asks for one).
    if (!projectable()) return;
    if (member == Network.NONE || owner[member] == Network.NONE) return;
    ProjectedPeriod p = projection(period);
    if (returnOf == null) {
      added.put(orderId, p.addSale(member, day, pv, cv));
      return;
    }
    Integer sale = added.get(returnOf);
    if (sale == null) {
      int o = book.indexOf(returnOf);
      int[] range = book.periodRange(period);
      if (o >= range[0] && o < range[1]) sale = o - range[0];
    }
    try {
      if (sale == null) throw new IllegalArgumentException("sale not in the projected period");
      p.addReturn(sale, pv, cv);
    } catch (IllegalArgumentException e) {
      projections.remove(period);
      volumes.remove(period);
    }
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
    // Active distributors as the plan counts them (PV >= the plan's Active PV), from the period's volumes.
    MonthFigures[] computed = MonthFigures.of(network, book, first, last, p -> volumes(p).active());
    for (MonthFigures f : computed) months.put(f.period(), f);
    return computed;
  }

  /**
   * The period pages show when none is asked for: the month of the latest order dated up to today
   * (data is often historical or generated; an order dated in the future must not move every page
   * there), else the current calendar month.
   */
  public int defaultPeriod() {
    int today = (int) LocalDate.now(ZoneOffset.UTC).toEpochDay();
    int[] days = book.days();
    for (int o = book.size() - 1; o >= 0; o--) {
      if (days[o] <= today) return Periods.periodOfDay(days[o]);
    }
    return Periods.index(java.time.YearMonth.from(LocalDate.now(ZoneOffset.UTC)));
  }

  /** The requested period, or the default one when blank. */
  public int period(String name) {
    return name == null || name.isBlank() ? defaultPeriod() : Periods.index(InvalidInputException.parsing("period", () -> Periods.parse(name)));
  }
}
