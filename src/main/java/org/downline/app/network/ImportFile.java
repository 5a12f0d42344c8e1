package org.downline.app.network;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.downline.core.InputErrors;
import org.downline.core.Periods;
import org.downline.core.Progress;
import org.downline.core.Reason;
import org.downline.csv.AutoshipCsv;
import org.downline.csv.CampaignCsv;
import org.downline.csv.CsvInput;
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
import org.downline.store.Batch;
import org.downline.store.ChangeLog;
import org.downline.store.CompanyStore;
import org.downline.store.CompanyWriter;
import org.downline.store.Database;
import org.downline.store.TacticStore;
import org.downline.store.ImportResult;
import org.downline.store.OrderLoad;
import org.downline.store.OrderStore;
import org.downline.store.PeriodStore;
import org.downline.store.StoreException;
import org.downline.store.StreamedLoad;

/**
 * Imports into the database. Each import is checked whole first, together with what is already
 * stored, and any bad row refuses everything with every problem named (file, line, column, reason);
 * then the delta is written in one transaction. Rows are keyed by id, so importing the same data
 * again changes nothing.
 */
public final class ImportFile {

  private final Database db;
  private final CompanyStore store;
  private final Progress progress;
  private boolean sizeNoted;

  public ImportFile(Database db, Progress progress) {
    this.db = db;
    this.store = new CompanyStore(db);
    this.progress = progress;
  }

  /** A source of member rows, streamed into the checker. */
  @FunctionalInterface
  private interface MemberSource {
    void forEach(Consumer<MemberRow> onRow);
  }

  /** A source of order rows, streamed into the checker. */
  @FunctionalInterface
  public interface OrderSource {
    void forEach(Consumer<OrderRow> onRow);
  }

  // ---------------------------------------------------------------- file imports

  public ImportResult importMembers(Path path) {
    String file = fileName(path);
    Network existing = store.loadNetwork();
    if (existing.size() == 0 && db.isPostgres()) {
      ImportResult streamed = db.inTransaction(c -> streamMembers(c, path, file, existing));
      if (streamed != null) return streamed;
    }
    InputErrors errors = new InputErrors();
    MemberCsv.Result read = MemberCsv.read(path, CsvInput.Rules.STORE, errors, progress);
    errors.throwIfAny();
    MemberDelta delta = checkMembers(file, existing, read.rows().size(), read.rows()::forEach, read.profiles(), errors,
        row -> {});
    errors.throwIfAny();
    return db.inTransaction(c -> write(c, delta));
  }

  /**
   * A company's first members on PostgreSQL (ADR 40): each row that passes its own checks is sent to
   * the COPY while the file is still being read, as the first orders are (ADR 37); the checks and
   * their messages are those of the checked path (the file's own rules first: where any row breaks
   * them, only those are reported), and any bad row rolls the transaction back, so nothing of the file
   * is kept. Null where the store cannot write the table straight (the caller then takes the checked
   * path).
   */
  private ImportResult streamMembers(Connection c, Path path, String file, Network existing) throws SQLException {
    try (StreamedLoad<MemberRow> load = CompanyWriter.streamMembers(c)) {
      if (load == null) return null;
      InputErrors read = new InputErrors(); // the file's own rules
      InputErrors errors = new InputErrors(); // the checks against the rest of the file
      List<MemberProfile> profiles = new ArrayList<>();
      MemberDelta d = checkMembers(file, existing, 1024,
          onRow -> MemberCsv.read(path, CsvInput.Rules.STORE, read, progress, onRow, profiles::add), profiles, errors,
          row -> {
            if (read.isEmpty() && errors.isEmpty()) load.add(row); // after a bad row nothing more is sent: it all rolls back
          });
      read.throwIfAny();
      errors.throwIfAny();
      long inserted = ended(load, file);
      load.rebuild();
      return written(c, d, inserted);
    }
  }

  public ImportResult importOrders(Path path) {
    String file = fileName(path);
    Network network = store.loadNetwork();
    OrderBook existing = store.loadOrders(network);
    if (existing.size() == 0 && db.isPostgres()) {
      ImportResult streamed = db.inTransaction(c -> streamOrders(c, path, file, network, existing));
      if (streamed != null) return streamed;
    }
    InputErrors errors = new InputErrors();
    OrderDelta delta = checkOrders(file, network, existing, closedPeriods(), orderSource(path, errors), errors, row -> {});
    errors.throwIfAny();
    return db.inTransaction(c -> write(c, delta));
  }

  private OrderSource orderSource(Path path, InputErrors errors) {
    return onRow -> OrderCsv.read(path, CsvInput.Rules.STORE, errors, progress, onRow);
  }

  /**
   * A company's first orders on PostgreSQL (ADR 37): each checked row is sent to the COPY while the
   * file is still being read, so reading and storing overlap; the check is the same, and any bad
   * row rolls the transaction back, so nothing of the file is kept. Null where the store cannot
   * write the table straight (the caller then takes the checked path).
   */
  private ImportResult streamOrders(Connection c, Path path, String file, Network network, OrderBook existing)
      throws SQLException {
    try (StreamedLoad<OrderRow> load = OrderLoad.open(c)) {
      if (load == null) return null;
      InputErrors errors = new InputErrors();
      // Read under the period table's lock: no period closes before this transaction ends.
      OrderDelta d = checkOrders(file, network, existing, PeriodStore.closed(c), orderSource(path, errors), errors, row -> {
        if (errors.isEmpty()) load.add(row); // after a bad row nothing more is sent: it all rolls back
      });
      errors.throwIfAny();
      long inserted = ended(load, d.file);
      checkOpen(c, d.file, periods(d)); // creates the new periods in this transaction, which holds the period table's lock
      try {
        load.rebuild();
      } catch (SQLException e) {
        throw conflictOr(e, d.file);
      }
      return logged(c, d, inserted);
    }
  }

  public ImportResult importProducts(Path path) {
    InputErrors errors = new InputErrors();
    List<Product> products = ProductCsv.read(path, CsvInput.Rules.STORE, errors, progress);
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
    MemberDelta memberDelta = checkMembers(file, store.loadNetwork(), members.size(), members::forEach, profiles, errors,
        row -> {});
    errors.throwIfAny();
    ProductDelta productDelta = checkProducts(file, products);
    OrderDelta orderDelta = checkOrders(file, memberDelta.network, store.loadOrders(memberDelta.network), closedPeriods(),
        orders::forEach, errors, row -> {});
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
      throw org.downline.core.InvalidInputException.of(dir.toString(), 0, "", Reason.of("noCompanyFiles"));
    }
    if (Files.exists(products)) results.add(importProducts(products));
    if (Files.exists(campaigns)) results.add(importCampaigns(campaigns));
    Path tactics = dir.resolve(TacticStore.FILE);
    if (Files.exists(tactics)) results.add(new org.downline.app.strategy.StrategyImports(db).tactics(tactics, progress));
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
    OrderLineCsv.read(path, CsvInput.Rules.STORE, errors, progress, row -> {
      read[0]++;
      OrderLine l = row.orderLine();
      OrderRules.Problems problems = (column, reason) -> errors.add(file, row.line(), column, reason);
      if (OrderRules.checkLine(l, orders, skus, keys, problems) && !withLines.contains(l.orderId())) fresh.add(l);
    });
    errors.throwIfAny();
    return db.inTransaction(c -> {
      progress.start("storing order lines", fresh.size(), "lines");
      CompanyWriter.insertLines(c, fresh, progress);
      progress.finish();
      return CompanyWriter.log(c, "order lines", file, read[0], fresh.size(), 0, read[0] - fresh.size());
    });
  }

  public ImportResult importCampaigns(Path path) {
    String file = fileName(path);
    InputErrors errors = new InputErrors();
    List<Campaign> campaigns = CampaignCsv.read(path, CsvInput.Rules.STORE, errors, progress);
    errors.throwIfAny();
    Map<String, Campaign> existing = new HashMap<>();
    for (Campaign c : store.loadCampaigns()) existing.put(c.code(), c);
    return db.inTransaction(c -> {
      Batch.Upserted u = CompanyWriter.upsertCampaigns(c, campaigns, existing);
      return CompanyWriter.log(c, "campaigns", file, campaigns.size(), u.inserted(), u.updated(),
          campaigns.size() - u.inserted() - u.updated());
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
    List<AutoshipCsv.Row> rows = AutoshipCsv.read(path, CsvInput.Rules.STORE, errors, progress);
    errors.throwIfAny();
    Network network = store.loadNetwork();
    Set<String> skus = new HashSet<>();
    for (Product p : store.loadProducts()) skus.add(p.sku());
    for (AutoshipCsv.Row row : rows) {
      Autoship a = row.autoship();
      OrderRules.checkAutoship(network, a.memberId(), a.startDay(), a.items().stream().map(Autoship.Item::sku).toList(), skus,
          (column, reason) -> errors.add(file, row.line(), column, reason));
    }
    errors.throwIfAny();
    Map<String, Autoship> existing = store.loadAutoships();
    List<Autoship> autoships = rows.stream().map(AutoshipCsv.Row::autoship).toList();
    return db.inTransaction(c -> {
      Batch.Upserted u = CompanyWriter.upsertAutoships(c, autoships, existing);
      return CompanyWriter.log(c, "autoships", file, rows.size(), u.inserted(), u.updated(),
          rows.size() - u.inserted() - u.updated());
    });
  }

  private static String fileName(Path path) {
    return path.getFileName().toString();
  }

  // ---------------------------------------------------------------- members

  private record MemberDelta(String file, long read, Network network, Set<String> fresh, List<MemberRow> changed,
      List<MemberProfile> profiles, Map<String, MemberProfile> existingProfiles) {}

  /**
   * Checks the members of {@code source} ({@code expected} of them, for the builder's first size)
   * against the stored ones ({@code existing}); {@code onFresh} gets each new member that passed its
   * own checks, in the file's order (the whole file's checks end only at build). {@code profiles} is
   * complete only once the source has been read.
   */
  private MemberDelta checkMembers(String file, Network existing, int expected, MemberSource source,
      List<MemberProfile> profiles, InputErrors errors, Consumer<MemberRow> onFresh) {
    NetworkBuilder builder = new NetworkBuilder(file, existing.size() + expected).addAll(existing);
    Set<String> fresh = new java.util.LinkedHashSet<>(); // in the file's order, the order a first large load writes
    List<MemberRow> changed = new ArrayList<>();
    org.downline.network.DateBounds bounds = Today.bounds();
    long[] read = new long[1];
    source.forEach(row -> {
      read[0]++;
      long before = errors.count();
      bounds.check(row.joinDay(), "join_date", (column, reason) -> errors.add(file, row.line(), column, reason));
      bounds.check(row.statusDay(), "status_date", (column, reason) -> errors.add(file, row.line(), column, reason));
      if (errors.count() > before) return;
      int i = existing.indexOf(row.id());
      if (i == Network.NONE) {
        fresh.add(row.id());
        builder.add(row); // duplicates inside the file are the builder's to report
        onFresh.accept(row);
        return;
      }
      String sponsor = existing.sponsor(i) == Network.NONE ? null : existing.id(existing.sponsor(i));
      if (!Objects.equals(sponsor, row.sponsorId()) || existing.kind(i) != row.kind()
          || existing.joinDay(i) != row.joinDay()) {
        errors.add(file, row.line(), "id", Reason.of("memberStored", row.id(), sponsor == null ? "null" : sponsor,
            existing.kind(i).code(), Periods.formatDay(existing.joinDay(i))));
        return;
      }
      if (existing.isPreferred(i) != row.preferred() || existing.status(i) != row.status()
          || existing.statusDay(i) != row.statusDay()) {
        changed.add(row);
      }
    });
    Network network = builder.build(errors);
    return new MemberDelta(file, read[0], network, fresh, changed, profiles, store.loadProfiles());
  }

  private ImportResult write(Connection c, MemberDelta d) throws SQLException {
    if (!d.fresh.isEmpty()) noteSize(d.network.size());
    return written(c, d, CompanyWriter.insertMembers(c, d.network, d.fresh, progress));
  }

  /** The rest of a members' write, once the new members are stored. */
  private ImportResult written(Connection c, MemberDelta d, long inserted) throws SQLException {
    long updated = CompanyWriter.updateMembers(c, d.changed);
    long profileChanges = CompanyWriter.upsertProfiles(c, d.profiles, d.existingProfiles, d.fresh);
    long unchanged = d.read - inserted - updated;
    ImportResult result = CompanyWriter.log(c, "members", d.file, d.read, inserted, updated + profileChanges, unchanged);
    Set<String> written = new HashSet<>(d.fresh);
    for (MemberRow row : d.changed) written.add(row.id());
    // Last: the servers' pictures follow it.
    if (!written.isEmpty()) ChangeLog.recordImport(c, db, ChangeLog.MEMBER, written, d.network.size() - d.fresh.size());
    return result;
  }

  // ---------------------------------------------------------------- orders

  /** The checked orders; {@code fresh} the ids of the new ones, in the file's order. */
  private record OrderDelta(String file, long read, long unchanged, Network network, OrderBook book, boolean[] isNew,
      List<String> fresh) {}

  private Set<String> closedPeriods() {
    try (Connection c = db.connection()) {
      return PeriodStore.closed(c);
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  /**
   * Checks the orders of {@code source} against the stored ones ({@code existing}, of {@code
   * network}) and the closed periods; {@code onFresh} gets each new order that passed its own checks,
   * in the file's order (the whole file's checks end only at build).
   */
  private OrderDelta checkOrders(String file, Network network, OrderBook existing, Set<String> closed, OrderSource source,
      InputErrors errors, Consumer<OrderRow> onFresh) {
    org.downline.network.DateBounds bounds = Today.bounds();
    OrderBookBuilder builder = new OrderBookBuilder(file, network, existing.size() + 1024);
    builder.addAll(existing, network);
    long[] readUnchanged = new long[2];
    Set<String> seenExisting = new HashSet<>();
    List<String> fresh = new ArrayList<>();
    source.forEach(row -> {
      readUnchanged[0]++;
      int o = existing.indexOf(row.id());
      if (o != OrderBook.NONE) {
        if (!seenExisting.add(row.id())) {
          errors.add(file, row.line(), "id", Reason.of("duplicateOrderInFile", row.id()));
        } else if (sameOrder(existing, network, o, row)) {
          readUnchanged[1]++;
        } else {
          errors.add(file, row.line(), "id", Reason.of("orderStored", row.id()));
        }
        return;
      }
      long before = errors.count();
      bounds.check(row.day(), "date", (column, reason) -> errors.add(file, row.line(), column, reason));
      OrderRules.checkPeriodOpen(closed, row.day(), (column, reason) -> errors.add(file, row.line(), column, reason));
      if (errors.count() > before) return;
      builder.add(row);
      fresh.add(row.id());
      onFresh.accept(row);
    });
    if (!errors.isEmpty()) return null;
    OrderBook book = builder.build(errors);
    if (book == null) return null;
    boolean[] isNew = new boolean[book.size()];
    for (int o = 0; o < book.size(); o++) isNew[o] = existing.indexOf(book.id(o)) == OrderBook.NONE;
    return new OrderDelta(file, readUnchanged[0], readUnchanged[1], network, book, isNew, fresh);
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
    if (!d.fresh.isEmpty()) noteSize(network.size());
    // In the file's order (ids mostly ascending, which the primary key's index takes best); OrderStore
    // puts the sales before their returns where the foreign key is checked row by row.
    List<OrderRow> rows = new ArrayList<>(d.fresh.size());
    Set<String> periods = periods(d);
    for (String id : d.fresh) {
      int o = book.indexOf(id);
      rows.add(new OrderRow(0, id, network.id(book.members()[o]), book.days()[o], book.pv()[o], book.cv()[o],
          book.totals()[o], book.isReturn(o) ? book.id(book.returnOf()[o]) : null, book.isAutoship(o), book.campaign(o)));
    }
    // The check above read the closed periods before this transaction: read them again under the
    // periods' locks, so a close that committed meanwhile is seen and one that comes later waits.
    checkOpen(c, d.file, periods);
    progress.start("storing orders", rows.size(), "orders");
    long inserted;
    try {
      inserted = OrderStore.insert(c, rows, progress);
    } catch (SQLException e) {
      throw conflictOr(e, d.file);
    }
    progress.finish();
    return logged(c, d, inserted);
  }

  /** Takes the periods' locks and refuses the write if one of them is closed. */
  private void checkOpen(Connection c, String file, Set<String> periods) throws SQLException {
    Map<String, String> states = PeriodStore.lock(c, db, periods);
    for (Map.Entry<String, String> e : states.entrySet()) {
      if (PeriodStore.CLOSED.equals(e.getValue())) {
        throw Refusals.TEXTS.conflict("closedWhileChecked", e.getKey(), file);
      }
    }
  }

  /** The periods of the new orders. */
  private static Set<String> periods(OrderDelta d) {
    Set<Integer> indexes = new HashSet<>();
    int last = Integer.MIN_VALUE;
    for (int o = 0; o < d.book.size(); o++) {
      int p = Periods.periodOfDay(d.book.days()[o]);
      if (d.isNew[o] && p != last) indexes.add(last = p);
    }
    Set<String> names = new HashSet<>();
    for (int p : indexes) names.add(Periods.name(p));
    return names;
  }

  /**
   * Another import stored some of these orders after this one checked (a key's violation): the file
   * is not stored twice.
   */
  private static SQLException conflictOr(SQLException e, String file) {
    if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
      throw Refusals.TEXTS.conflict("storedMeanwhile", file);
    }
    return e;
  }

  /** Ends a streamed load's COPY; a row stored meanwhile by another import is a conflict, named as one. */
  private static long ended(StreamedLoad<?> load, String file) throws SQLException {
    try {
      return load.end();
    } catch (SQLException e) {
      throw conflictOr(e, file);
    }
  }

  private ImportResult logged(Connection c, OrderDelta d, long inserted) throws SQLException {
    ImportResult result = CompanyWriter.log(c, "orders", d.file, d.read, inserted, 0, d.unchanged);
    if (!d.fresh.isEmpty()) ChangeLog.recordImport(c, db, ChangeLog.ORDER, d.fresh, d.book.size() - d.fresh.size());
    return result;
  }

  /** Lines are written with their order, never on their own: an order already stored keeps its lines. */
  private static void insertLines(Connection c, List<OrderLine> lines, OrderBook book, boolean[] isNew)
      throws SQLException {
    List<OrderLine> fresh = new ArrayList<>();
    for (OrderLine l : lines) {
      int o = book.indexOf(l.orderId());
      if (o != OrderBook.NONE && isNew[o]) fresh.add(l);
    }
    CompanyWriter.insertLines(c, fresh, Progress.NONE);
  }

  // ---------------------------------------------------------------- products

  private record ProductDelta(String file, List<Product> products, Map<String, Product> existing) {}

  private ProductDelta checkProducts(String file, List<Product> products) {
    Map<String, Product> existing = new HashMap<>();
    for (Product p : store.loadProducts()) existing.put(p.sku(), p);
    return new ProductDelta(file, products, existing);
  }

  /** Tells once, before a long write, that the company has outgrown the embedded database (ADR 45). */
  private void noteSize(long members) {
    String note = db.sizeNote(members);
    if (note != null && !sizeNoted) progress.note(note);
    sizeNoted |= note != null;
  }

  private ImportResult write(Connection c, ProductDelta d) throws SQLException {
    Batch.Upserted u = CompanyWriter.upsertProducts(c, d.products, d.existing, ImportFile::sameProduct);
    if (u.inserted() + u.updated() > 0) ChangeLog.record(c, db, ChangeLog.PRODUCT, List.of());
    return CompanyWriter.log(c, "products", d.file, d.products.size(), u.inserted(), u.updated(),
        d.products.size() - u.inserted() - u.updated());
  }

  private static boolean sameProduct(Product a, Product b) {
    return a.name().equals(b.name()) && a.price() == b.price() && a.pv() == b.pv() && a.cv() == b.cv()
        && a.kit() == b.kit() && Objects.equals(a.category(), b.category());
  }
}
