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
 * and month figures (cached on first use). Its arrays are never changed once published: an order
 * goes into its period's projection in place ({@link #addOrder}); a new member, a placement or the
 * book catching up makes the next picture from this one's arrays ({@link #with}), never from the
 * database (ADR 22).
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
  /** Period and handle in that period's projection of the sales added since load, by order id (for their returns). */
  private final Map<String, int[]> added = new java.util.HashMap<>();
  /** The latest day of an order added since load (the default period follows it before the book does). */
  private volatile int latestAdded = Integer.MIN_VALUE;
  /** Every order (sale or return) added since load, so one seen twice is taken once. */
  private final java.util.Set<String> addedIds = new java.util.HashSet<>();

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
   * or of a sale the projection does not hold, drops the projection and answers false: the caller
   * makes the next picture with it ({@link #with}). Month figures catch up with the next picture.
   *
   * @return whether the figures hold the order now
   */
  public synchronized boolean addOrder(String orderId, int member, int day, long pv, long cv, String returnOf) {
    if (holds(orderId)) return true; // a server sees its own order twice: when written and in the change log
    // A plan that cannot be projected order by order (binary): the caller makes the next picture with the order.
    if (!projectable()) return false;
    addedIds.add(orderId);
    latestAdded = Math.max(latestAdded, day);
    version++;
    int period = Periods.periodOfDay(day);
    if (member == Network.NONE || owner[member] == Network.NONE) return true;
    ProjectedPeriod p = projection(period);
    if (returnOf == null) {
      added.put(orderId, new int[] {period, p.addSale(member, day, pv, cv)});
      return true;
    }
    // A handle is good only in its own period's projection (a return of a sale in an earlier period is not one).
    int[] handle = added.get(returnOf);
    Integer sale = handle != null && handle[0] == period ? handle[1] : null;
    if (handle == null) {
      int o = book.indexOf(returnOf);
      int[] range = book.periodRange(period);
      if (o >= range[0] && o < range[1]) sale = o - range[0];
    }
    try {
      if (sale == null) throw new IllegalArgumentException("sale not in the projected period");
      p.addReturn(sale, pv, cv);
      return true;
    } catch (IllegalArgumentException e) {
      projections.remove(period);
      volumes.remove(period);
      return false;
    }
  }

  /** Whether this picture holds the order (in its book or added since). */
  public synchronized boolean holds(String orderId) {
    return addedIds.contains(orderId) || book.indexOf(orderId) != OrderBook.NONE;
  }

  /**
   * The next picture: this one's members with {@code members} added or replacing theirs (a status,
   * a placement), this one's orders with {@code orders} added (those it holds in its book already are
   * skipped), and the given catalogue. Built from the arrays through the same builders and rules as
   * a load, so its figures are a fresh load's.
   */
  public Snapshot with(List<org.downline.network.MemberRow> members, List<org.downline.network.OrderRow> orders,
      List<Product> catalogue) {
    var next = org.downline.network.ModelChanges.apply(network, book, members, orders, CHANGES);
    return new Snapshot(next.network(), next.book(), catalogue, plan);
  }

  private static final String CHANGES = "change log";

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
    int latest = latestAdded <= today ? latestAdded : Integer.MIN_VALUE; // orders are never dated after today
    int[] days = book.days();
    for (int o = book.size() - 1; o >= 0; o--) {
      if (days[o] <= today) return Periods.periodOfDay(Math.max(days[o], latest));
    }
    if (latest != Integer.MIN_VALUE) return Periods.periodOfDay(latest);
    return Periods.index(java.time.YearMonth.from(LocalDate.now(ZoneOffset.UTC)));
  }

  /** The requested period, or the default one when blank. */
  public int period(String name) {
    return name == null || name.isBlank() ? defaultPeriod() : Periods.index(InvalidInputException.period("period", name));
  }
}
