package org.downline.web;

import org.downline.core.InvalidInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.downline.core.Decimals;
import org.downline.core.Periods;
import org.downline.network.MemberProfile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL side of members and orders: personal data for the members on a page (fetched for those
 * ids only), the searchable member list and order lists. Tree figures come from the {@link Snapshot}.
 */
@Component
public final class MemberDirectory {
  private static final int IN_CHUNK = 500;

  private final JdbcClient jdbc;

  public MemberDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Names of the given members (absent when they have none). */
  public Map<String, String> names(Collection<String> ids) {
    Map<String, String> names = new HashMap<>();
    List<String> all = new ArrayList<>(ids);
    for (int from = 0; from < all.size(); from += IN_CHUNK) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
      jdbc.sql("SELECT member_id, name FROM member_profile WHERE member_id IN (:ids)")
          .param("ids", chunk)
          .query((rs, n) -> names.put(rs.getString(1), rs.getString(2)))
          .list();
    }
    return names;
  }

  public MemberProfile profile(String id) {
    return jdbc.sql("SELECT member_id, name, email, phone, country, locale FROM member_profile WHERE member_id = ?")
        .param(id)
        .query((rs, n) -> new MemberProfile(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6)))
        .optional()
        .orElse(new MemberProfile(id, null, null, null, null, null));
  }

  /** Filters of the member list; null or blank means "any". */
  public record MemberFilter(String q, String kind, String status, String joined) {}

  /** A member list row (SQL columns; the caller adds tree figures). */
  public record MemberRow(String id, String name, String kind, String status, LocalDate joinDate, String sponsorId,
      String country) {}

  public Page<MemberRow> search(MemberFilter f, int page, int size) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    Map<String, Object> params = new LinkedHashMap<>();
    if (f.q() != null && !f.q().isBlank()) {
      where.append(" AND (LOWER(m.id) LIKE :q OR LOWER(p.name) LIKE :q)");
      params.put("q", "%" + f.q().strip().toLowerCase(java.util.Locale.ROOT) + "%");
    }
    if (f.kind() != null && !f.kind().isBlank()) {
      where.append(" AND m.kind = :kind");
      params.put("kind", f.kind());
    }
    if (f.status() != null && !f.status().isBlank()) {
      where.append(" AND m.status = :status");
      params.put("status", f.status());
    }
    if (f.joined() != null && !f.joined().isBlank()) {
      int period = Periods.index(InvalidInputException.period("joined", f.joined().strip()));
      where.append(" AND m.join_date >= :from AND m.join_date < :to");
      params.put("from", LocalDate.ofEpochDay(Periods.firstDay(period)));
      params.put("to", LocalDate.ofEpochDay(Periods.firstDay(period + 1)));
    }
    String from = " FROM member m LEFT JOIN member_profile p ON p.member_id = m.id";
    long total = jdbc.sql("SELECT COUNT(*)" + from + where).params(params).query(Long.class).single();
    params.put("limit", size);
    params.put("offset", Page.offset(page, size));
    List<MemberRow> rows = jdbc.sql("SELECT m.id, p.name, m.kind, m.status, m.join_date, m.sponsor_id, p.country"
            + from + where + " ORDER BY m.id LIMIT :limit OFFSET :offset")
        .params(params)
        .query((rs, n) -> new MemberRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7)))
        .list();
    return new Page<>(rows, page, size, total);
  }

  /** An order as stored. Amounts are hundredths. */
  public record OrderView(String id, String memberId, LocalDate date, String period, String kind, long pv, long cv,
      long total, String returnOf, String campaign) {
  }

  private static final String ORDER_COLUMNS =
      "SELECT id, member_id, order_date, period, kind, pv, cv, total, return_of, campaign FROM orders";

  private static OrderView order(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new OrderView(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4),
        rs.getString(5), Decimals.fromBigDecimal(rs.getBigDecimal(6)), Decimals.fromBigDecimal(rs.getBigDecimal(7)),
        Decimals.fromBigDecimal(rs.getBigDecimal(8)), rs.getString(9), rs.getString(10));
  }

  public java.util.Optional<OrderView> order(String id) {
    return jdbc.sql(ORDER_COLUMNS + " WHERE id = ?").param(id).query((rs, n) -> order(rs)).optional();
  }

  /** Orders, newest first, optionally of one member and/or one period. */
  public Page<OrderView> orders(String memberId, String period, int page, int size) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    Map<String, Object> params = new LinkedHashMap<>();
    if (memberId != null) {
      where.append(" AND member_id = :member");
      params.put("member", memberId);
    }
    if (period != null && !period.isBlank()) {
      java.time.YearMonth month = InvalidInputException.period("period", period.strip());
      if (memberId != null) {
        // An order's period is its date's month (OrderStore): as dates, the member's orders of the month are
        // one range of (member_id, order_date); by period, PostgreSQL without fresh statistics also read the
        // whole month's period index (6 ms at 200,000 orders on my month, growing with the company).
        where.append(" AND order_date >= :from AND order_date < :to");
        params.put("from", month.atDay(1));
        params.put("to", month.plusMonths(1).atDay(1));
      } else {
        where.append(" AND period = :period");
        params.put("period", month.toString());
      }
    }
    long total = jdbc.sql("SELECT COUNT(*) FROM orders" + where).params(params).query(Long.class).single();
    params.put("limit", size);
    params.put("offset", Page.offset(page, size));
    List<OrderView> rows = jdbc.sql(ORDER_COLUMNS + where + " ORDER BY order_date DESC, id DESC LIMIT :limit OFFSET :offset")
        .params(params)
        .query((rs, n) -> order(rs))
        .list();
    return new Page<>(rows, page, size, total);
  }
}
