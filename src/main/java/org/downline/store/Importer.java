package org.downline.store;

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
import org.downline.core.Decimals;
import org.downline.core.InputErrors;
import org.downline.core.Periods;
import org.downline.core.Progress;
import org.downline.csv.MemberCsv;
import org.downline.csv.OrderCsv;
import org.downline.csv.ProductCsv;
import org.downline.network.MemberProfile;
import org.downline.network.MemberRow;
import org.downline.network.Network;
import org.downline.network.NetworkBuilder;
import org.downline.network.OrderBook;
import org.downline.network.OrderBookBuilder;
import org.downline.network.OrderRow;
import org.downline.network.OrderRules;
import org.downline.network.Product;

/**
 * Imports CSV files into the database. Each import is one transaction: the whole file is checked
 * first, together with what is already stored, and any bad row refuses the whole file with every
 * problem named (file, line, column, reason). Rows are keyed by id, so importing the same file again
 * changes nothing.
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

  // ---------------------------------------------------------------- members

  public ImportResult importMembers(Path path) {
    String file = path.getFileName().toString();
    InputErrors errors = new InputErrors();
    MemberCsv.Result read = MemberCsv.read(path, errors, progress);
    errors.throwIfAny();

    Network existing = store.loadNetwork();
    Map<String, MemberProfile> existingProfiles = store.loadProfiles();
    NetworkBuilder builder = new NetworkBuilder(file, existing.size() + read.rows().size()).addAll(existing);
    Set<String> fresh = new HashSet<>();
    List<MemberRow> changed = new ArrayList<>();
    for (MemberRow row : read.rows()) {
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
    errors.throwIfAny();

    long[] counts = db.inTransaction(c -> {
      long inserted = insertMembers(c, network, fresh);
      long updated = updateMembers(c, changed);
      long profileChanges = upsertProfiles(c, read.profiles(), existingProfiles, fresh);
      long updatedTotal = updated + profileChanges;
      long unchanged = read.rows().size() - inserted - updated;
      log(c, "members", file, read.rows().size(), inserted, updatedTotal, unchanged);
      return new long[] {inserted, updatedTotal, unchanged};
    });
    return new ImportResult("members", file, read.rows().size(), counts[0], counts[1], counts[2]);
  }

  private long insertMembers(Connection c, Network network, Set<String> fresh) throws SQLException {
    long inserted = 0;
    progress.start("storing members", fresh.size(), "members");
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO member (id, sponsor_id, kind, preferred, join_date, status, status_date, placement_id, placement_position)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      // Breadth-first index order puts every sponsor (and placement parent above) before its recruits.
      for (int i = 0; i < network.size(); i++) {
        if (!fresh.contains(network.id(i))) continue;
        int s = network.sponsor(i);
        int p = network.placement(i);
        ps.setString(1, network.id(i));
        ps.setString(2, s == Network.NONE ? null : network.id(s));
        ps.setString(3, network.kind(i).code());
        ps.setBoolean(4, network.isPreferred(i));
        ps.setObject(5, LocalDate.ofEpochDay(network.joinDay(i)));
        ps.setString(6, network.status(i).code());
        setDay(ps, 7, network.statusDay(i));
        ps.setString(8, p == Network.NONE ? null : network.id(p));
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

  /** Inserts new profiles and updates changed ones; returns how many profiles of existing members changed. */
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

  public ImportResult importOrders(Path path) {
    String file = path.getFileName().toString();
    Network network = store.loadNetwork();
    OrderBook existing = store.loadOrders(network);
    Set<String> closed;
    try (Connection c = db.connection()) {
      closed = PeriodStore.closed(c);
    } catch (SQLException e) {
      throw new StoreException(e);
    }
    InputErrors errors = new InputErrors();
    OrderBookBuilder builder = new OrderBookBuilder(file, network, existing.size() + 1024);
    builder.addAll(existing, network);
    long[] readUnchanged = new long[2];
    Set<String> seenExisting = new HashSet<>();
    OrderCsv.read(path, errors, progress, row -> {
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
    errors.throwIfAny();
    OrderBook book = builder.build(errors);
    errors.throwIfAny();

    long[] inserted = db.inTransaction(c -> {
      long n = insertOrders(c, book, existing, network);
      log(c, "orders", file, readUnchanged[0], n, 0, readUnchanged[1]);
      return new long[] {n};
    });
    return new ImportResult("orders", file, readUnchanged[0], inserted[0], 0, readUnchanged[1]);
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

  private long insertOrders(Connection c, OrderBook book, OrderBook existing, Network network) throws SQLException {
    Set<String> periods = new HashSet<>();
    long fresh = 0;
    boolean[] isNew = new boolean[book.size()];
    for (int o = 0; o < book.size(); o++) {
      if (existing.indexOf(book.id(o)) == OrderBook.NONE) {
        isNew[o] = true;
        fresh++;
        periods.add(Periods.name(Periods.periodOfDay(book.days()[o])));
      }
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
          if (!isNew[o] || book.isReturn(o) != (pass == 1)) continue;
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
    return inserted;
  }

  // ---------------------------------------------------------------- products

  public ImportResult importProducts(Path path) {
    String file = path.getFileName().toString();
    InputErrors errors = new InputErrors();
    List<Product> products = ProductCsv.read(path, errors, progress);
    errors.throwIfAny();
    Map<String, Product> existing = new HashMap<>();
    for (Product p : store.loadProducts()) existing.put(p.sku(), p);
    long[] counts = db.inTransaction(c -> {
      long inserted = 0;
      long updated = 0;
      try (PreparedStatement insert = c.prepareStatement(
              "INSERT INTO product (name, price, pv, cv, kit, category, sku) VALUES (?, ?, ?, ?, ?, ?, ?)");
          PreparedStatement update = c.prepareStatement(
              "UPDATE product SET name = ?, price = ?, pv = ?, cv = ?, kit = ?, category = ? WHERE sku = ?")) {
        for (Product p : products) {
          Product old = existing.get(p.sku());
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
      long unchanged = products.size() - inserted - updated;
      log(c, "products", file, products.size(), inserted, updated, unchanged);
      return new long[] {inserted, updated, unchanged};
    });
    return new ImportResult("products", file, products.size(), counts[0], counts[1], counts[2]);
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
  private static void log(Connection c, String kind, String file, long read, long inserted, long updated,
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
