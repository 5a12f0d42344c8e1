package org.downline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.downline.core.Decimals;
import org.downline.core.Progress;
import org.downline.generate.Autoship;
import org.downline.generate.Campaign;
import org.downline.network.MemberKind;
import org.downline.network.MemberProfile;
import org.downline.network.MemberRow;
import org.downline.network.MemberStatus;
import org.downline.network.Network;
import org.downline.network.OrderLine;
import org.downline.network.Product;

/**
 * Writes a checked import into the database, inside the caller's transaction: members and their
 * profiles, products, campaigns, order lines and autoships (orders go through {@link OrderStore}),
 * and the import log. Persistence only; the checks are the application layer's
 * ({@code app.network.ImportFile}).
 */
public final class CompanyWriter {
  private static final Bulk.Table MEMBERS = new Bulk.Table("member",
      "id, sponsor_id, kind, preferred, join_date, status, status_date, placement_id, placement_position", "id");
  private static final Bulk.Table PROFILES = new Bulk.Table("member_profile", "member_id, name, email, phone, country, locale",
      "member_id");
  private static final Bulk.Table LINES = new Bulk.Table("order_line", "order_id, line_no, sku, quantity, unit_price, pv, cv",
      "order_id, line_no");

  private CompanyWriter() {}

  /**
   * Inserts the members of {@code network} whose ids are in {@code fresh}, in breadth-first index
   * order, which puts every sponsor before its recruits (foreign keys hold row by row); a first large
   * load, written without its foreign keys (ADR 24), in the order of {@code fresh} instead.
   */
  public static long insertMembers(Connection c, Network network, Set<String> fresh, Progress progress) throws SQLException {
    List<Integer> rows = new ArrayList<>(fresh.size());
    Bulk.Load load = Bulk.load(c, MEMBERS, fresh.size());
    List<Integer> placedLater = new ArrayList<>();
    if (load.straight(MEMBERS)) {
      // No key is checked before load.finish: a placement parent may come later in the same COPY. In the
      // set's order (an import's: the file's, ids mostly ascending) the primary key's index is appended
      // to rather than written at random pages.
      for (String id : fresh) rows.add(network.indexOf(id));
    } else {
      for (int i = 0; i < network.size(); i++) if (fresh.contains(network.id(i))) rows.add(i);
      for (int i : rows) {
        int p = network.placement(i);
        // A placement parent is written already when it comes earlier or was stored before; else set it after.
        if (!(p == Network.NONE || p < i || !fresh.contains(network.id(p)))) placedLater.add(i);
      }
    }
    Set<Integer> later = new java.util.HashSet<>(placedLater);
    progress.start("storing members", fresh.size(), "members");
    long inserted = Bulk.insert(c, load, MEMBERS, rows, (v, i) -> {
      int s = network.sponsor(i);
      int p = network.placement(i);
      member(v, network.id(i), s == Network.NONE ? null : network.id(s), network.kind(i), network.isPreferred(i),
          network.joinDay(i), network.status(i), network.statusDay(i),
          !later.contains(i) && p != Network.NONE ? network.id(p) : null, network.placementPosition(i));
    }, progress);
    load.finish(c);
    Batch.write(c, "UPDATE member SET placement_id = ? WHERE id = ?", placedLater, (ps, i) -> {
      ps.setString(1, network.id(network.placement(i)));
      ps.setString(2, network.id(i));
    });
    progress.finish();
    return inserted;
  }

  /**
   * A company's first members, each sent to PostgreSQL as its row is read and checked (ADR 40): the
   * member table written straight, its sponsor index and keys made again by {@link StreamedLoad#rebuild}
   * (which checks every sponsor and placement parent). The values are the row's as read, which are
   * those the built network holds (ids, kind, flags and days as given). Null where the table cannot be
   * written straight (H2; a user that may not drop the keys): the caller then checks first and writes
   * after, with {@link #insertMembers}.
   */
  public static StreamedLoad<MemberRow> streamMembers(Connection c) throws SQLException {
    return StreamedLoad.open(c, MEMBERS, (v, r) -> member(v, r.id(), r.sponsorId(), r.kind(), r.preferred(), r.joinDay(),
        r.status(), r.statusDay(), r.placementId(), r.placementPosition()));
  }

  private static void member(Values v, String id, String sponsor, MemberKind kind, boolean preferred, int joinDay,
      MemberStatus status, int statusDay, String placement, int position) throws SQLException {
    v.text(id).text(sponsor).text(kind.code()).bool(preferred).day(joinDay).text(status.code()).day(statusDay)
        .text(placement);
    if (position < 0) v.nullInteger();
    else v.integer(position);
  }

  /** Updates the flags of stored members (preferred, status and its date). */
  public static long updateMembers(Connection c, List<MemberRow> changed) throws SQLException {
    return Batch.write(c, "UPDATE member SET preferred = ?, status = ?, status_date = ? WHERE id = ?", changed, (ps, row) -> {
      ps.setBoolean(1, row.preferred());
      ps.setString(2, row.status().code());
      setDay(ps, 3, row.statusDay());
      ps.setString(4, row.id());
    });
  }

  /** Inserts new profiles and updates changed ones; returns how many profiles of stored members changed. */
  public static long upsertProfiles(Connection c, List<MemberProfile> profiles, Map<String, MemberProfile> existing,
      Set<String> freshMembers) throws SQLException {
    List<MemberProfile> changed = changed(profiles, p -> p.equals(existing.get(p.id())));
    List<MemberProfile> fresh = changed(changed, p -> existing.containsKey(p.id()));
    Bulk.insert(c, PROFILES, fresh, (v, p) -> v.text(p.id()).text(p.name()).text(p.email()).text(p.phone())
        .text(p.country()).text(p.locale()), Progress.NONE);
    Batch.write(c, "UPDATE member_profile SET name = ?, email = ?, phone = ?, country = ?, locale = ? WHERE member_id = ?",
        changed(changed, p -> !existing.containsKey(p.id())), (ps, p) -> {
          ps.setString(1, p.name());
          ps.setString(2, p.email());
          ps.setString(3, p.phone());
          ps.setString(4, p.country());
          ps.setString(5, p.locale());
          ps.setString(6, p.id());
        });
    long changedExisting = 0;
    for (MemberProfile p : changed) if (existing.containsKey(p.id()) && !freshMembers.contains(p.id())) changedExisting++;
    return changedExisting;
  }

  /** Inserts new products and updates changed ones ({@code same} tells an unchanged one). */
  public static Batch.Upserted upsertProducts(Connection c, List<Product> products, Map<String, Product> existing,
      java.util.function.BiPredicate<Product, Product> same) throws SQLException {
    List<Product> changed = changed(products, p -> existing.get(p.sku()) != null && same.test(existing.get(p.sku()), p));
    return Batch.upsert(c, "INSERT INTO product (name, price, pv, cv, kit, category, sku) VALUES (?, ?, ?, ?, ?, ?, ?)",
        "UPDATE product SET name = ?, price = ?, pv = ?, cv = ?, kit = ?, category = ? WHERE sku = ?",
        changed, p -> existing.containsKey(p.sku()), (ps, p) -> {
          ps.setString(1, p.name());
          ps.setBigDecimal(2, Decimals.toBigDecimal(p.price()));
          ps.setBigDecimal(3, Decimals.toBigDecimal(p.pv()));
          ps.setBigDecimal(4, Decimals.toBigDecimal(p.cv()));
          ps.setBoolean(5, p.kit());
          ps.setString(6, p.category());
          ps.setString(7, p.sku());
        });
  }

  /** Inserts new campaigns and updates changed ones, keyed by code. */
  public static Batch.Upserted upsertCampaigns(Connection c, List<Campaign> campaigns, Map<String, Campaign> existing)
      throws SQLException {
    List<Campaign> changed = changed(campaigns, k -> k.equals(existing.get(k.code())));
    return Batch.upsert(c, "INSERT INTO campaign (name, channel, code) VALUES (?, ?, ?)",
        "UPDATE campaign SET name = ?, channel = ? WHERE code = ?", changed, k -> existing.containsKey(k.code()), (ps, k) -> {
          ps.setString(1, k.name());
          ps.setString(2, k.channel());
          ps.setString(3, k.code());
        });
  }

  /**
   * Inserts new autoships and updates changed ones, keyed by id; a changed one's items are
   * replaced.
   */
  public static Batch.Upserted upsertAutoships(Connection c, List<Autoship> autoships, Map<String, Autoship> existing)
      throws SQLException {
    List<Autoship> changed = changed(autoships, a -> a.equals(existing.get(a.id())));
    Batch.write(c, "DELETE FROM autoship_item WHERE autoship_id = ?", changed(changed, a -> !existing.containsKey(a.id())),
        (ps, a) -> ps.setString(1, a.id()));
    Batch.Upserted upserted = Batch.upsert(c,
        "INSERT INTO autoship (member_id, interval_months, start_date, next_date, status, status_date, id) VALUES (?, ?, ?, ?, ?, ?, ?)",
        "UPDATE autoship SET member_id = ?, interval_months = ?, start_date = ?, next_date = ?, status = ?, status_date = ? WHERE id = ?",
        changed, a -> existing.containsKey(a.id()), (ps, a) -> {
          ps.setString(1, a.memberId());
          ps.setInt(2, a.intervalMonths());
          setDay(ps, 3, a.startDay());
          setDay(ps, 4, a.nextDay());
          ps.setString(5, a.status().code());
          setDay(ps, 6, a.statusDay());
          ps.setString(7, a.id());
        });
    List<Object[]> items = new ArrayList<>();
    for (Autoship a : changed) {
      int no = 0;
      for (Autoship.Item item : a.items()) items.add(new Object[] {a.id(), ++no, item});
    }
    Batch.write(c, "INSERT INTO autoship_item (autoship_id, line_no, sku, quantity) VALUES (?, ?, ?, ?)", items, (ps, r) -> {
      ps.setString(1, (String) r[0]);
      ps.setInt(2, (Integer) r[1]);
      ps.setString(3, ((Autoship.Item) r[2]).sku());
      ps.setInt(4, ((Autoship.Item) r[2]).quantity());
    });
    return upserted;
  }

  /** Inserts order lines (of orders stored already or in this transaction). */
  public static long insertLines(Connection c, Collection<OrderLine> lines, Progress progress) throws SQLException {
    return Bulk.insert(c, LINES, lines, (v, l) -> v.text(l.orderId()).integer(l.lineNo()).text(l.sku())
        .integer(l.quantity()).hundredths(l.unitPrice()).hundredths(l.pv()).hundredths(l.cv()), progress);
  }

  /** Records an import that changed something and returns its result; a re-import that changed nothing leaves no trace. */
  public static ImportResult log(Connection c, String kind, String file, long read, long inserted, long updated,
      long unchanged) throws SQLException {
    if (inserted != 0 || updated != 0) {
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
    return new ImportResult(kind, file, read, inserted, updated, unchanged);
  }

  private static <T> List<T> changed(Collection<T> rows, Predicate<T> unchanged) {
    List<T> out = new ArrayList<>();
    for (T r : rows) if (!unchanged.test(r)) out.add(r);
    return out;
  }

  static void setDay(PreparedStatement ps, int index, int epochDay) throws SQLException {
    if (epochDay == Integer.MIN_VALUE) ps.setNull(index, Types.DATE);
    else ps.setObject(index, LocalDate.ofEpochDay(epochDay));
  }
}
