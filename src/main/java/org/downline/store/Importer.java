package org.downline.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.downline.core.Decimals;
import org.downline.core.InputErrors;
import org.downline.core.Periods;
import org.downline.core.Progress;
import org.downline.csv.AutoshipCsv;
import org.downline.csv.CampaignCsv;
import org.downline.csv.MemberCsv;
import org.downline.csv.OrderCsv;
import org.downline.csv.OrderLineCsv;
import org.downline.csv.ProductCsv;
import org.downline.generate.Autoship;
import org.downline.generate.Campaign;
import org.downline.network.MemberProfile;
import org.downline.network.MemberRow;
import org.downline.network.Network;
import org.downline.network.NetworkBuilder;
import org.downline.network.OrderBook;
import org.downline.network.OrderBookBuilder;
import org.downline.network.OrderLine;
import org.downline.network.OrderRow;
import org.downline.network.OrderRules;
import org.downline.network.Product;

/**
 * Imports into the database. Each import is checked whole first, together with what is already
 * stored, and any bad row refuses everything with every problem named (file, line, column, reason);
 * then the delta is written in one transaction. Rows are keyed by id, so importing the same data
 * again changes nothing.
 */
public final class Importer {
  private static final int BATCH = 5_000;

  private final Database db;
  private final CompanyStore store;
  private final Progress progress;

  public Importer(Database db, Progress progress) {
    this.db = db;
    this.store = new CompanyStore(db);
    this.progress = progress;
  }

  /** A source of order rows, streamed into the checker. */
  @FunctionalInterface
  public interface OrderSource {
    void forEach(Consumer<OrderRow> onRow);
  }

  // ---------------------------------------------------------------- file imports

  public ImportResult importMembers(Path path) {
    InputErrors errors = new InputErrors();
    MemberCsv.Result read = MemberCsv.read(path, errors, progress);
    errors.throwIfAny();
    MemberDelta delta = checkMembers(fileName(path), read.rows(), read.profiles(), errors);
    errors.throwIfAny();
    return db.inTransaction(c -> write(c, delta));
  }

  public ImportResult importOrders(Path path) {
    String file = fileName(path);
    InputErrors errors = new InputErrors();
    OrderDelta delta = checkOrders(file, store.loadNetwork(), onRow -> OrderCsv.read(path, errors, progress, onRow), errors);
    errors.throwIfAny();
    return db.inTransaction(c -> write(c, delta));
  }

  public ImportResult importProducts(Path path) {
    InputErrors errors = new InputErrors();
    List<Product> products = ProductCsv.read(path, errors, progress);
    errors.throwIfAny();
    ProductDelta delta = checkProducts(fileName(path), products);
    return db.inTransaction(c -> write(c, delta));
  }

  /**
   * Imports members, products, orders and their lines that belong together (e.g. a shop's order
   * history), checked as a whole and written in one transaction.
   */
  public List<ImportResult> importAll(String file, List<MemberRow> members, List<MemberProfile> profiles,
      List<Product> products, List<OrderRow> orders, List<OrderLine> lines) {
    InputErrors errors = new InputErrors();
    MemberDelta memberDelta = checkMembers(file, members, profiles, errors);
    errors.throwIfAny();
    ProductDelta productDelta = checkProducts(file, products);
    OrderDelta orderDelta = checkOrders(file, memberDelta.network, orders::forEach, errors);
    errors.throwIfAny();
    return db.inTransaction(c -> {
      List<ImportResult> results = new ArrayList<>();
      results.add(write(c, memberDelta));
      results.add(write(c, productDelta));
      results.add(write(c, orderDelta));
      insertLines(c, lines, orderDelta.book, orderDelta.isNew);
      return results;
    });
  }

  /**
   * Imports every company file found in a directory (as {@code downline generate --out} and
   * {@code downline export} write them), each in its own transaction, in the order their references
   * need: products, campaigns, tactics, members, orders, autoships.
   */
  public List<ImportResult> importDirectory(Path dir) {
    List<ImportResult> results = new ArrayList<>();
    Path products = dir.resolve("products.csv");
    Path campaigns = dir.resolve("campaigns.csv");
    Path members = dir.resolve("members.csv");
    Path orders = dir.resolve("orders.csv");
    Path autoships = dir.resolve("autoships.csv");
    Path orderLines = dir.resolve("order_lines.csv");
    if (!Files.exists(members) && !Files.exists(orders) && !Files.exists(products)) {
      throw new IllegalArgumentException("no members.csv, orders.csv or products.csv in " + dir);
    }
    if (Files.exists(products)) results.add(importProducts(products));
    if (Files.exists(campaigns)) results.add(importCampaigns(campaigns));
    Path tactics = dir.resolve(TacticStore.FILE);
    if (Files.exists(tactics)) results.add(new TacticStore(db).importFile(tactics, progress));
    if (Files.exists(members)) results.add(importMembers(members));
    if (Files.exists(orders)) results.add(importOrders(orders));
    if (Files.exists(orderLines)) results.add(importOrderLines(orderLines));
    if (Files.exists(autoships)) results.add(importAutoships(autoships));
    return results;
  }

  /**
   * Imports the lines of stored orders. An order's lines are written once, with the first file that
   * brings them; lines of an order that already has lines count as unchanged. Every line must name a
   * stored order and a stored product.
   */
  public ImportResult importOrderLines(Path path) {
    String file = fileName(path);
    InputErrors errors = new InputErrors();
    Set<String> orders = store.loadOrderIds();
    Set<String> withLines = store.loadOrderIdsWithLines();
    Set<String> skus = new HashSet<>();
    for (Product p : store.loadProducts()) skus.add(p.sku());
    List<OrderLine> fresh = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    long[] read = new long[1];
    OrderLineCsv.read(path, errors, progress, row -> {
      read[0]++;
      OrderLine l = row.orderLine();
      if (!orders.contains(l.orderId())) {
        errors.add(file, row.line(), "order_id", "unknown order '" + l.orderId() + "'");
      } else if (!skus.contains(l.sku())) {
        errors.add(file, row.line(), "sku", "unknown product '" + l.sku() + "'");
      } else if (!keys.add(l.orderId() + "\u0000" + l.lineNo())) {
        errors.add(file, row.line(), "line_no", "duplicate line " + l.lineNo() + " of order '" + l.orderId() + "'");
      } else if (!withLines.contains(l.orderId())) {
        fresh.add(l);
      }
    });
    errors.throwIfAny();
    return db.inTransaction(c -> {
      progress.start("storing order lines", fresh.size(), "lines");
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO order_line (order_id, line_no, sku, quantity, unit_price, pv, cv) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        long n = 0;
        for (OrderLine l : fresh) {
          setLine(ps, l);
          ps.addBatch();
          if (++n % BATCH == 0) {
            ps.executeBatch();
            progress.update(n);
          }
        }
        ps.executeBatch();
      }
      progress.finish();
      log(c, "order lines", file, read[0], fresh.size(), 0, read[0] - fresh.size());
      return new ImportResult("order lines", file, read[0], fresh.size(), 0, read[0] - fresh.size());
    });
  }

  private static void setLine(PreparedStatement ps, OrderLine l) throws SQLException {
    ps.setString(1, l.orderId());
    ps.setInt(2, l.lineNo());
    ps.setString(3, l.sku());
    ps.setInt(4, l.quantity());
    ps.setBigDecimal(5, Decimals.toBigDecimal(l.unitPrice()));
    ps.setBigDecimal(6, Decimals.toBigDecimal(l.pv()));
    ps.setBigDecimal(7, Decimals.toBigDecimal(l.cv()));
  }

  public ImportResult importCampaigns(Path path) {
    String file = fileName(path);
    InputErrors errors = new InputErrors();
    List<Campaign> campaigns = CampaignCsv.read(path, errors, progress);
    errors.throwIfAny();
    Map<String, Campaign> existing = new HashMap<>();
    for (Campaign c : store.loadCampaigns()) existing.put(c.code(), c);
    return db.inTransaction(c -> {
      long inserted = 0;
      long updated = 0;
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO campaign (name, channel, code) VALUES (?, ?, ?)");
          PreparedStatement update = c.prepareStatement("UPDATE campaign SET name = ?, channel = ? WHERE code = ?")) {
        for (Campaign campaign : campaigns) {
          Campaign old = existing.get(campaign.code());
          if (campaign.equals(old)) continue;
          PreparedStatement ps = old == null ? insert : update;
          if (old == null) inserted++;
          else updated++;
          ps.setString(1, campaign.name());
          ps.setString(2, campaign.channel());
          ps.setString(3, campaign.code());
          ps.addBatch();
        }
        insert.executeBatch();
        update.executeBatch();
      }
      long unchanged = campaigns.size() - inserted - updated;
      log(c, "campaigns", file, campaigns.size(), inserted, updated, unchanged);
      return new ImportResult("campaigns", file, campaigns.size(), inserted, updated, unchanged);
    });
  }

  /**
   * Imports autoship subscriptions: the member and every item's product must be stored, and a
   * subscription cannot start before its member joined. A stored subscription with other data is
   * updated (status, next date and items change in the life of a subscription).
   */
  public ImportResult importAutoships(Path path) {
    String file = fileName(path);
    InputErrors errors = new InputErrors();
    List<AutoshipCsv.Row> rows = AutoshipCsv.read(path, errors, progress);
    errors.throwIfAny();
    Network network = store.loadNetwork();
    Set<String> skus = new HashSet<>();
    for (Product p : store.loadProducts()) skus.add(p.sku());
    for (AutoshipCsv.Row row : rows) {
      Autoship a = row.autoship();
      int m = network.indexOf(a.memberId());
      if (m == Network.NONE) {
        errors.add(file, row.line(), "member_id", "unknown member '" + a.memberId() + "'");
      } else if (a.startDay() < network.joinDay(m)) {
        errors.add(file, row.line(), "start_date", "autoship starts " + Periods.formatDay(a.startDay())
            + ", before member '" + a.memberId() + "' joined on " + Periods.formatDay(network.joinDay(m)));
      }
      for (Autoship.Item item : a.items()) {
        if (!skus.contains(item.sku())) errors.add(file, row.line(), "items", "unknown product '" + item.sku() + "'");
      }
    }
    errors.throwIfAny();
    Map<String, Autoship> existing = store.loadAutoships();
    return db.inTransaction(c -> {
      long inserted = 0;
      long updated = 0;
      try (PreparedStatement insert = c.prepareStatement(
              "INSERT INTO autoship (member_id, interval_months, start_date, next_date, status, status_date, id)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?)");
          PreparedStatement update = c.prepareStatement(
              "UPDATE autoship SET member_id = ?, interval_months = ?, start_date = ?, next_date = ?, status = ?,"
                  + " status_date = ? WHERE id = ?");
          PreparedStatement deleteItems = c.prepareStatement("DELETE FROM autoship_item WHERE autoship_id = ?");
          PreparedStatement insertItem = c.prepareStatement(
              "INSERT INTO autoship_item (autoship_id, line_no, sku, quantity) VALUES (?, ?, ?, ?)")) {
        int pending = 0;
        for (AutoshipCsv.Row row : rows) {
          Autoship a = row.autoship();
          Autoship old = existing.get(a.id());
          if (a.equals(old)) continue;
          PreparedStatement ps = old == null ? insert : update;
          if (old == null) {
            inserted++;
          } else {
            updated++;
            deleteItems.setString(1, a.id());
            deleteItems.executeUpdate();
          }
          ps.setString(1, a.memberId());
          ps.setInt(2, a.intervalMonths());
          setDay(ps, 3, a.startDay());
          setDay(ps, 4, a.nextDay());
          ps.setString(5, a.status().code());
          setDay(ps, 6, a.statusDay());
          ps.setString(7, a.id());
          ps.addBatch();
          int no = 0;
          for (Autoship.Item item : a.items()) {
            insertItem.setString(1, a.id());
            insertItem.setInt(2, ++no);
            insertItem.setString(3, item.sku());
            insertItem.setInt(4, item.quantity());
            insertItem.addBatch();
          }
          if (++pending % BATCH == 0) {
            insert.executeBatch();
            update.executeBatch();
            insertItem.executeBatch();
          }
        }
        insert.executeBatch();
        update.executeBatch();
        insertItem.executeBatch();
      }
      long unchanged = rows.size() - inserted - updated;
      log(c, "autoships", file, rows.size(), inserted, updated, unchanged);
      return new ImportResult("autoships", file, rows.size(), inserted, updated, unchanged);
    });
  }

  private static String fileName(Path path) {
    return path.getFileName().toString();
  }

  // ---------------------------------------------------------------- members

  private record MemberDelta(String file, long read, Network network, Set<String> fresh, List<MemberRow> changed,
      List<MemberProfile> profiles, Map<String, MemberProfile> existingProfiles) {}

  private MemberDelta checkMembers(String file, List<MemberRow> rows, List<MemberProfile> profiles, InputErrors errors) {
    Network existing = store.loadNetwork();
    NetworkBuilder builder = new NetworkBuilder(file, existing.size() + rows.size()).addAll(existing);
    Set<String> fresh = new HashSet<>();
    List<MemberRow> changed = new ArrayList<>();
    for (MemberRow row : rows) {
      int i = existing.indexOf(row.id());
      if (i == Network.NONE) {
        fresh.add(row.id());
        builder.add(row); // duplicates inside the file are the builder's to report
        continue;
      }
      String sponsor = existing.sponsor(i) == Network.NONE ? null : existing.id(existing.sponsor(i));
      if (!Objects.equals(sponsor, row.sponsorId()) || existing.kind(i) != row.kind()
          || existing.joinDay(i) != row.joinDay()) {
        errors.add(file, row.line(), "id",
            "member '" + row.id() + "' is already stored with sponsor '" + sponsor + "', kind "
                + existing.kind(i).code() + ", joined " + Periods.formatDay(existing.joinDay(i))
                + "; an import does not move or re-kind members");
        continue;
      }
      if (existing.isPreferred(i) != row.preferred() || existing.status(i) != row.status()
          || existing.statusDay(i) != row.statusDay()) {
        changed.add(row);
      }
    }
    Network network = builder.build(errors);
    return new MemberDelta(file, rows.size(), network, fresh, changed, profiles, store.loadProfiles());
  }

  private ImportResult write(Connection c, MemberDelta d) throws SQLException {
    long inserted = insertMembers(c, d.network, d.fresh);
    long updated = updateMembers(c, d.changed);
    long profileChanges = upsertProfiles(c, d.profiles, d.existingProfiles, d.fresh);
    long unchanged = d.read - inserted - updated;
    updated += profileChanges;
    log(c, "members", d.file, d.read, inserted, updated, unchanged);
    return new ImportResult("members", d.file, d.read, inserted, updated, unchanged);
  }

  private long insertMembers(Connection c, Network network, Set<String> fresh) throws SQLException {
    long inserted = 0;
    List<Integer> placedLater = new ArrayList<>();
    progress.start("storing members", fresh.size(), "members");
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO member (id, sponsor_id, kind, preferred, join_date, status, status_date, placement_id, placement_position)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      // Breadth-first index order puts every sponsor before its recruits (foreign keys hold row by row).
      for (int i = 0; i < network.size(); i++) {
        if (!fresh.contains(network.id(i))) continue;
        int s = network.sponsor(i);
        int p = network.placement(i);
        // A placement parent is written already when it comes earlier or was stored before; else set it after.
        boolean placeNow = p == Network.NONE || p < i || !fresh.contains(network.id(p));
        if (!placeNow) placedLater.add(i);
        ps.setString(1, network.id(i));
        ps.setString(2, s == Network.NONE ? null : network.id(s));
        ps.setString(3, network.kind(i).code());
        ps.setBoolean(4, network.isPreferred(i));
        ps.setObject(5, LocalDate.ofEpochDay(network.joinDay(i)));
        ps.setString(6, network.status(i).code());
        setDay(ps, 7, network.statusDay(i));
        ps.setString(8, placeNow && p != Network.NONE ? network.id(p) : null);
        if (network.placementPosition(i) < 0) ps.setNull(9, Types.INTEGER);
        else ps.setInt(9, network.placementPosition(i));
        ps.addBatch();
        if (++inserted % BATCH == 0) {
          ps.executeBatch();
          progress.update(inserted);
        }
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE member SET placement_id = ? WHERE id = ?")) {
      for (int i : placedLater) {
        ps.setString(1, network.id(network.placement(i)));
        ps.setString(2, network.id(i));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    progress.finish();
    return inserted;
  }

  private static long updateMembers(Connection c, List<MemberRow> changed) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE member SET preferred = ?, status = ?, status_date = ? WHERE id = ?")) {
      for (MemberRow row : changed) {
        ps.setBoolean(1, row.preferred());
        ps.setString(2, row.status().code());
        setDay(ps, 3, row.statusDay());
        ps.setString(4, row.id());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    return changed.size();
  }

  /** Inserts new profiles and updates changed ones; returns how many profiles of stored members changed. */
  private static long upsertProfiles(Connection c, List<MemberProfile> profiles, Map<String, MemberProfile> existing,
      Set<String> freshMembers) throws SQLException {
    long changedExisting = 0;
    try (PreparedStatement insert = c.prepareStatement(
            "INSERT INTO member_profile (name, email, phone, country, locale, member_id) VALUES (?, ?, ?, ?, ?, ?)");
        PreparedStatement update = c.prepareStatement(
            "UPDATE member_profile SET name = ?, email = ?, phone = ?, country = ?, locale = ? WHERE member_id = ?")) {
      int pending = 0;
      for (MemberProfile p : profiles) {
        MemberProfile old = existing.get(p.id());
        if (p.equals(old)) continue;
        PreparedStatement ps = old == null ? insert : update;
        if (old != null && !freshMembers.contains(p.id())) changedExisting++;
        ps.setString(1, p.name());
        ps.setString(2, p.email());
        ps.setString(3, p.phone());
        ps.setString(4, p.country());
        ps.setString(5, p.locale());
        ps.setString(6, p.id());
        ps.addBatch();
        if (++pending % BATCH == 0) {
          insert.executeBatch();
          update.executeBatch();
        }
      }
      insert.executeBatch();
      update.executeBatch();
    }
    return changedExisting;
  }

  // ---------------------------------------------------------------- orders

  private record OrderDelta(String file, long read, long unchanged, Network network, OrderBook book, boolean[] isNew) {}

  private OrderDelta checkOrders(String file, Network network, OrderSource source, InputErrors errors) {
    OrderBook existing = store.loadOrders(network);
    Set<String> closed;
    try (Connection c = db.connection()) {
      closed = PeriodStore.closed(c);
    } catch (SQLException e) {
      throw new StoreException(e);
    }
    OrderBookBuilder builder = new OrderBookBuilder(file, network, existing.size() + 1024);
    builder.addAll(existing, network);
    long[] readUnchanged = new long[2];
    Set<String> seenExisting = new HashSet<>();
    source.forEach(row -> {
      readUnchanged[0]++;
      int o = existing.indexOf(row.id());
      if (o != OrderBook.NONE) {
        if (!seenExisting.add(row.id())) {
          errors.add(file, row.line(), "id", "duplicate order id '" + row.id() + "' in the file");
        } else if (sameOrder(existing, network, o, row)) {
          readUnchanged[1]++;
        } else {
          errors.add(file, row.line(), "id",
              "order '" + row.id() + "' is already stored with other data; stored orders are not changed by import");
        }
        return;
      }
      long before = errors.count();
      OrderRules.checkPeriodOpen(closed, row.day(), (column, reason) -> errors.add(file, row.line(), column, reason));
      if (errors.count() > before) return;
      builder.add(row);
    });
    if (!errors.isEmpty()) return null;
    OrderBook book = builder.build(errors);
    if (book == null) return null;
    boolean[] isNew = new boolean[book.size()];
    for (int o = 0; o < book.size(); o++) isNew[o] = existing.indexOf(book.id(o)) == OrderBook.NONE;
    return new OrderDelta(file, readUnchanged[0], readUnchanged[1], network, book, isNew);
  }

  private static boolean sameOrder(OrderBook book, Network network, int o, OrderRow row) {
    int s = book.returnOf()[o];
    return network.id(book.members()[o]).equals(row.memberId())
        && book.days()[o] == row.day()
        && book.pv()[o] == row.pv()
        && book.cv()[o] == row.cv()
        && book.totals()[o] == row.total()
        && Objects.equals(s == OrderBook.NONE ? null : book.id(s), row.returnOf())
        && book.isAutoship(o) == row.autoship()
        && Objects.equals(book.campaign(o), row.campaign());
  }

  private ImportResult write(Connection c, OrderDelta d) throws SQLException {
    OrderBook book = d.book;
    Network network = d.network;
    Set<String> periods = new HashSet<>();
    long fresh = 0;
    for (int o = 0; o < book.size(); o++) {
      if (!d.isNew[o]) continue;
      fresh++;
      periods.add(Periods.name(Periods.periodOfDay(book.days()[o])));
    }
    PeriodStore.ensure(c, periods);
    progress.start("storing orders", fresh, "orders");
    long inserted = 0;
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO orders (id, member_id, order_date, period, kind, pv, cv, total, return_of, campaign)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      // Sales first, then returns: a return's foreign key needs its sale stored.
      for (int pass = 0; pass < 2; pass++) {
        for (int o = 0; o < book.size(); o++) {
          if (!d.isNew[o] || book.isReturn(o) != (pass == 1)) continue;
          int day = book.days()[o];
          ps.setString(1, book.id(o));
          ps.setString(2, network.id(book.members()[o]));
          ps.setObject(3, LocalDate.ofEpochDay(day));
          ps.setString(4, Periods.name(Periods.periodOfDay(day)));
          ps.setString(5, book.isReturn(o) ? "return" : book.isAutoship(o) ? "autoship" : "sale");
          ps.setBigDecimal(6, Decimals.toBigDecimal(book.pv()[o]));
          ps.setBigDecimal(7, Decimals.toBigDecimal(book.cv()[o]));
          ps.setBigDecimal(8, Decimals.toBigDecimal(book.totals()[o]));
          ps.setString(9, book.isReturn(o) ? book.id(book.returnOf()[o]) : null);
          ps.setString(10, book.campaign(o));
          ps.addBatch();
          if (++inserted % BATCH == 0) {
            ps.executeBatch();
            progress.update(inserted);
          }
        }
      }
      ps.executeBatch();
    }
    progress.finish();
    log(c, "orders", d.file, d.read, inserted, 0, d.unchanged);
    return new ImportResult("orders", d.file, d.read, inserted, 0, d.unchanged);
  }

  /** Lines are written with their order, never on their own: an order already stored keeps its lines. */
  private static void insertLines(Connection c, List<OrderLine> lines, OrderBook book, boolean[] isNew)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO order_line (order_id, line_no, sku, quantity, unit_price, pv, cv) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      int pending = 0;
      for (OrderLine l : lines) {
        int o = book.indexOf(l.orderId());
        if (o == OrderBook.NONE || !isNew[o]) continue;
        setLine(ps, l);
        ps.addBatch();
        if (++pending % BATCH == 0) ps.executeBatch();
      }
      ps.executeBatch();
    }
  }

  // ---------------------------------------------------------------- products

  private record ProductDelta(String file, List<Product> products, Map<String, Product> existing) {}

  private ProductDelta checkProducts(String file, List<Product> products) {
    Map<String, Product> existing = new HashMap<>();
    for (Product p : store.loadProducts()) existing.put(p.sku(), p);
    return new ProductDelta(file, products, existing);
  }

  private static ImportResult write(Connection c, ProductDelta d) throws SQLException {
    long inserted = 0;
    long updated = 0;
    try (PreparedStatement insert = c.prepareStatement(
            "INSERT INTO product (name, price, pv, cv, kit, category, sku) VALUES (?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement update = c.prepareStatement(
            "UPDATE product SET name = ?, price = ?, pv = ?, cv = ?, kit = ?, category = ? WHERE sku = ?")) {
      for (Product p : d.products) {
        Product old = d.existing.get(p.sku());
        if (old != null && sameProduct(old, p)) continue;
        PreparedStatement ps = old == null ? insert : update;
        if (old == null) inserted++;
        else updated++;
        ps.setString(1, p.name());
        ps.setBigDecimal(2, Decimals.toBigDecimal(p.price()));
        ps.setBigDecimal(3, Decimals.toBigDecimal(p.pv()));
        ps.setBigDecimal(4, Decimals.toBigDecimal(p.cv()));
        ps.setBoolean(5, p.kit());
        ps.setString(6, p.category());
        ps.setString(7, p.sku());
        ps.addBatch();
      }
      insert.executeBatch();
      update.executeBatch();
    }
    long unchanged = d.products.size() - inserted - updated;
    log(c, "products", d.file, d.products.size(), inserted, updated, unchanged);
    return new ImportResult("products", d.file, d.products.size(), inserted, updated, unchanged);
  }

  private static boolean sameProduct(Product a, Product b) {
    return a.name().equals(b.name()) && a.price() == b.price() && a.pv() == b.pv() && a.cv() == b.cv()
        && a.kit() == b.kit() && Objects.equals(a.category(), b.category());
  }

  // ---------------------------------------------------------------- shared

  private static void setDay(PreparedStatement ps, int index, int epochDay) throws SQLException {
    if (epochDay == Integer.MIN_VALUE) ps.setNull(index, Types.DATE);
    else ps.setObject(index, LocalDate.ofEpochDay(epochDay));
  }

  /** Records an import that changed something; a re-import that changed nothing leaves no trace. */
  static void log(Connection c, String kind, String file, long read, long inserted, long updated,
      long unchanged) throws SQLException {
    if (inserted == 0 && updated == 0) return;
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO import_log (kind, file_name, rows_read, inserted, updated, unchanged, imported_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, kind);
      ps.setString(2, file);
      ps.setLong(3, read);
      ps.setLong(4, inserted);
      ps.setLong(5, updated);
      ps.setLong(6, unchanged);
      ps.setTimestamp(7, Timestamp.from(Instant.now()));
      ps.executeUpdate();
    }
  }
}
