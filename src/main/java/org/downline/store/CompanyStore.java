package org.downline.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.downline.core.Decimals;
import org.downline.core.Progress;
import org.downline.generate.Autoship;
import org.downline.generate.Campaign;
import org.downline.network.MemberKind;
import org.downline.network.MemberProfile;
import org.downline.network.MemberRow;
import org.downline.network.MemberStatus;
import org.downline.network.Network;
import org.downline.network.NetworkBuilder;
import org.downline.network.OrderBook;
import org.downline.network.OrderBookBuilder;
import org.downline.network.OrderKind;
import org.downline.network.OrderLine;
import org.downline.network.OrderRow;
import org.downline.network.Product;

/** Loads the stored company into the engines' in-memory model (and small lookups around it). */
public final class CompanyStore {
  static final String SOURCE = "database";
  private static final int FETCH = 10_000;

  private final Database db;
  private final boolean copy;
  private final Load load;

  /**
   * How the model is read through COPY on PostgreSQL (ADR 21, 32): in PostgreSQL's binary format
   * (the server sends the stored columns, no text or arithmetic per row) or its text format, and
   * the orders over how many connections, each a range of the table's pages parsed on its own thread.
   */
  public record Load(boolean binary, int connections) {
    /** Binary, and one connection a core up to four (the server's process and the parse share them). */
    public static final Load DEFAULT = new Load(true, Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));

    public Load {
      if (connections < 1) throw new IllegalArgumentException("connections: " + connections);
    }
  }

  public CompanyStore(Database db) {
    this(db, db.isPostgres());
  }

  /** {@code copy}: load through COPY (PostgreSQL only); false takes the JDBC path on any database (tests compare them). */
  CompanyStore(Database db, boolean copy) {
    this(db, copy, Load.DEFAULT);
  }

  /** Through COPY as {@code load} says (PostgreSQL only; benchmarks compare the ways). */
  public CompanyStore(Database db, Load load) {
    this(db, true, load);
  }

  private CompanyStore(Database db, boolean copy, Load load) {
    this.db = db;
    this.copy = copy;
    this.load = load;
  }

  public Network loadNetwork() {
    return loadNetwork(Progress.NONE);
  }

  public Network loadNetwork(Progress progress) {
    long count = count("SELECT COUNT(*) FROM member");
    NetworkBuilder builder = new NetworkBuilder(SOURCE, (int) count);
    if (copy && load.binary()) {
      copy("loading members", count, "members", progress, c -> BinaryCopyReader.query(c, "SELECT id, sponsor_id, kind,"
          + " preferred, join_date, status, status_date, placement_id, placement_position FROM member", progress,
          r -> builder.add(0, r.string(0), r.string(1), kind(r, 2), r.bool(3), r.day(4), status(r, 5),
              r.day(6, Integer.MIN_VALUE), r.string(7), r.int4(8, -1))));
      return builder.build();
    }
    if (copy) {
      copy("loading members", count, "members", progress, c -> CopyReader.query(c, "SELECT id, sponsor_id, kind, preferred,"
          + " join_date - " + EPOCH + ", status, status_date - " + EPOCH + ", placement_id, placement_position FROM member",
          progress, r -> builder.add(0, r.string(0), r.string(1), kind(r, 2), r.bool(3), (int) r.number(4),
              status(r, 5), (int) r.number(6, Integer.MIN_VALUE), r.string(7), (int) r.number(8, -1))));
      return builder.build();
    }
    stream("SELECT id, sponsor_id, kind, preferred, join_date, status, status_date, placement_id, placement_position"
        + " FROM member", "loading members", count, "members", progress, rs -> builder.add(memberRow(rs)));
    return builder.build();
  }

  /** A date column minus this is its epoch day: PostgreSQL sends the number, no date text to parse. */
  static final String EPOCH = "DATE '1970-01-01'";

  /**
   * Streams a query's rows through {@code COPY ... TO STDOUT} (PostgreSQL), parsed as they arrive
   * straight into the caller's builder: no row objects, no per-column decoding by the driver.
   */
  private void copy(String task, long count, String unit, Progress progress, Query query) {
    try (Connection c = db.connection()) {
      progress.start(task, count, unit);
      long n = query.run(c);
      progress.update(n);
      progress.finish();
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  /** One COPY on a connection; answers how many rows it read. */
  @FunctionalInterface
  private interface Query {
    long run(Connection c) throws SQLException;
  }

  /** The kind whose code a COPY field holds (no string made). */
  private static MemberKind kind(CopyRow r, int field) {
    for (MemberKind k : MemberKind.values()) if (r.is(field, k.code())) return k;
    return MemberKind.ofCode(r.string(field)); // refuses it, naming it
  }

  private static MemberStatus status(CopyRow r, int field) {
    for (MemberStatus s : MemberStatus.values()) if (r.is(field, s.code())) return s;
    return MemberStatus.ofCode(r.string(field));
  }

  /** One row of a streamed query. */
  @FunctionalInterface
  private interface RowHandler {
    void row(ResultSet rs) throws SQLException;
  }

  /** Streams a query's rows to {@code onRow} (with a cursor on PostgreSQL), reporting progress when {@code count >= 0}. */
  private void stream(String sql, String task, long count, String unit, Progress progress, RowHandler onRow) {
    try (Connection c = db.connection()) {
      c.setAutoCommit(false); // PostgreSQL streams with a cursor only outside auto-commit
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setFetchSize(FETCH);
        progress.start(task, count, unit);
        try (ResultSet rs = ps.executeQuery()) {
          long n = 0;
          while (rs.next()) {
            onRow.row(rs);
            if ((++n & 0xFFFF) == 0) progress.update(n);
          }
          progress.update(n);
        }
        progress.finish();
      } finally {
        c.commit();
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  private long count(String sql) {
    try (Connection c = db.connection()) {
      return count(c, sql);
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  static MemberRow memberRow(ResultSet rs) throws SQLException {
    int position = rs.getInt(9);
    if (rs.wasNull()) position = -1;
    return new MemberRow(
        0,
        rs.getString(1),
        rs.getString(2),
        MemberKind.ofCode(rs.getString(3)),
        rs.getBoolean(4),
        (int) rs.getObject(5, LocalDate.class).toEpochDay(),
        MemberStatus.ofCode(rs.getString(6)),
        day(rs, 7),
        rs.getString(8),
        position);
  }

  public OrderBook loadOrders(Network network) {
    return loadOrders(network, Progress.NONE);
  }

  public OrderBook loadOrders(Network network, Progress progress) {
    if (copy) return new OrderCopy(db, load, network, progress).load();
    long count = count("SELECT COUNT(*) FROM orders");
    OrderBookBuilder builder = new OrderBookBuilder(SOURCE, network, (int) count);
    stream("SELECT id, member_id, order_date, pv, cv, total, return_of, kind, campaign FROM orders", "loading orders",
        count, "orders", progress, rs -> builder.add(orderRow(rs)));
    return builder.build();
  }

  static OrderRow orderRow(ResultSet rs) throws SQLException {
    return new OrderRow(
        0,
        rs.getString(1),
        rs.getString(2),
        (int) rs.getObject(3, LocalDate.class).toEpochDay(),
        cents(rs.getBigDecimal(4)),
        cents(rs.getBigDecimal(5)),
        cents(rs.getBigDecimal(6)),
        rs.getString(7),
        OrderKind.AUTOSHIP.code().equals(rs.getString(8)),
        rs.getString(9));
  }

  public List<Product> loadProducts() {
    try (Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement("SELECT sku, name, price, pv, cv, kit, category FROM product ORDER BY sku");
        ResultSet rs = ps.executeQuery()) {
      List<Product> products = new ArrayList<>();
      while (rs.next()) {
        products.add(new Product(0, rs.getString(1), rs.getString(2), cents(rs.getBigDecimal(3)),
            cents(rs.getBigDecimal(4)), cents(rs.getBigDecimal(5)), rs.getBoolean(6), rs.getString(7)));
      }
      return products;
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  /** Personal data of the given members (for pages and exports; never for analytics). */
  public Map<String, MemberProfile> loadProfiles() {
    if (copy) {
      Map<String, MemberProfile> profiles = new LinkedHashMap<>();
      copy("loading profiles", -1, "profiles", Progress.NONE, c -> CopyReader.query(c, "SELECT member_id, name, email, phone,"
          + " country, locale FROM member_profile ORDER BY member_id", Progress.NONE, r -> profiles.put(r.string(0),
              new MemberProfile(r.string(0), r.string(1), r.string(2), r.string(3), r.string(4), r.string(5)))));
      return profiles;
    }
    try (Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT member_id, name, email, phone, country, locale FROM member_profile ORDER BY member_id");
        ResultSet rs = ps.executeQuery()) {
      Map<String, MemberProfile> profiles = new LinkedHashMap<>();
      while (rs.next()) {
        profiles.put(rs.getString(1), new MemberProfile(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6)));
      }
      return profiles;
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  public List<Campaign> loadCampaigns() {
    try (Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement("SELECT code, name, channel FROM campaign ORDER BY code");
        ResultSet rs = ps.executeQuery()) {
      List<Campaign> campaigns = new ArrayList<>();
      while (rs.next()) campaigns.add(new Campaign(rs.getString(1), rs.getString(2), rs.getString(3)));
      return campaigns;
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  /** Every autoship subscription with its items, by id. */
  public Map<String, Autoship> loadAutoships() {
    try (Connection c = db.connection()) {
      Map<String, List<Autoship.Item>> items = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement(
              "SELECT autoship_id, sku, quantity FROM autoship_item ORDER BY autoship_id, line_no");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          items.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Autoship.Item(rs.getString(2), rs.getInt(3)));
        }
      }
      Map<String, Autoship> autoships = new LinkedHashMap<>();
      try (PreparedStatement ps = c.prepareStatement(
              "SELECT id, member_id, interval_months, start_date, next_date, status, status_date FROM autoship ORDER BY id");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String id = rs.getString(1);
          autoships.put(id, new Autoship(id, rs.getString(2), items.getOrDefault(id, List.of()), rs.getInt(3),
              day(rs, 4), day(rs, 5), Autoship.Status.ofCode(rs.getString(6)), day(rs, 7)));
        }
      }
      return autoships;
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  public Set<String> loadOrderIds() {
    return strings("SELECT id FROM orders");
  }

  public Set<String> loadOrderIdsWithLines() {
    return strings("SELECT DISTINCT order_id FROM order_line");
  }

  /** Sends every order line, by order and line number, to {@code onLine}. */
  public void forEachOrderLine(java.util.function.Consumer<OrderLine> onLine) {
    stream("SELECT order_id, line_no, sku, quantity, unit_price, pv, cv FROM order_line ORDER BY order_id, line_no",
        "loading order lines", -1, "lines", Progress.NONE,
        rs -> onLine.accept(new OrderLine(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getInt(4),
            cents(rs.getBigDecimal(5)), cents(rs.getBigDecimal(6)), cents(rs.getBigDecimal(7)))));
  }

  /** The first column of every row of a query, as a set (store-internal helper). */
  Set<String> strings(String sql) {
    Set<String> result = new java.util.HashSet<>();
    stream(sql, "loading ids", -1, "ids", Progress.NONE, rs -> result.add(rs.getString(1)));
    return result;
  }

  /** Epoch day of a DATE column, {@link Integer#MIN_VALUE} when null. */
  static int day(ResultSet rs, int column) throws SQLException {
    LocalDate d = rs.getObject(column, LocalDate.class);
    return d == null ? Integer.MIN_VALUE : (int) d.toEpochDay();
  }

  static long cents(BigDecimal value) {
    return value == null ? 0 : Decimals.fromBigDecimal(value);
  }

  static long count(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
