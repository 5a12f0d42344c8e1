package org.downline.web.api;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.downline.app.network.CreateOrder;
import org.downline.core.ConflictException;
import org.downline.core.Decimals;
import org.downline.core.InputError;
import org.downline.core.InvalidInputException;
import org.downline.core.Periods;
import org.downline.core.Reason;
import org.downline.core.RefusalTexts;
import org.downline.network.Network;
import org.downline.network.OrderKind;
import org.downline.network.OrderRow;
import org.downline.network.OrderRules;
import org.downline.store.Database;
import org.downline.store.StoreException;
import org.downline.web.CompanyData;
import org.downline.web.MemberDirectory;
import org.downline.web.Snapshot;
import org.downline.web.Visibility;
import org.downline.web.security.Account;
import org.downline.web.security.AuditLog;
import org.downline.web.security.Randomness;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The API's side of creating one order ({@link CreateOrder} holds the rules and the write): request
 * fields, who may order for whom, and the Idempotency-Key stored in the order's transaction: a retry with the same key and body gets the
 * first answer back, a second order is never made. A return locks its sale's row while its
 * returned total is checked, so two returns racing cannot together exceed the sale.
 */
@Service
public class OrderService {
  private static final int MAX_KEY = 200;

  private final Database db;
  private final CompanyData data;
  private final MemberDirectory directory;
  private final AuditLog audit;
  private final CreateOrder creating;

  public OrderService(Database db, CompanyData data, MemberDirectory directory, AuditLog audit) {
    this.db = db;
    this.data = data;
    this.directory = directory;
    this.audit = audit;
    this.creating = new CreateOrder(db);
  }

  /** The order made (or found again) and whether this answer replays an earlier request. */
  public record Created(MemberDirectory.OrderView order, boolean replayed) {}

  private record Checked(String id, String memberId, int day, long pv, long cv, long total, String returnOf,
      boolean autoship, String campaign) {}

  public Created create(Account account, String idempotencyKey, Json.NewOrder request) {
    if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY) {
      throw refused(HttpStatus.BAD_REQUEST, "idempotencyKey", MAX_KEY);
    }
    String key = idempotencyKey.strip();
    String hash = hash(request);
    Created replay = replay(account, key, hash);
    if (replay != null) return replay;

    Checked order = check(account, request);
    OrderRow row = new OrderRow(0, order.id(), order.memberId(), order.day(), order.pv(), order.cv(), order.total(),
        order.returnOf(), order.autoship(), order.campaign());
    try {
      creating.create(data.current().network(), row, c -> {
        try (PreparedStatement ps = c.prepareStatement(
            "INSERT INTO idempotency_key (username, key_value, request_hash, order_id, created_at) VALUES (?, ?, ?, ?, ?)")) {
          ps.setString(1, account.username());
          ps.setString(2, key);
          ps.setString(3, hash);
          ps.setString(4, order.id());
          ps.setTimestamp(5, Timestamp.from(Instant.now()));
          ps.executeUpdate();
        }
      });
    } catch (InvalidInputException e) {
      // The rules' problems are the body's fields, not a file's: the details name no file.
      throw invalid(e.errors().stream().map(err -> new InputError(null, 0, err.column(), err.reason(), err.key(), err.args())).toList());
    } catch (ConflictException e) {
      throw new ApiException(HttpStatus.CONFLICT, e.getMessage()).saying(e.key(), e.args());
    } catch (StoreException e) {
      // The same key committed by a concurrent twin: answer as its replay (no second order was made).
      Created twin = replay(account, key, hash);
      if (twin != null) return twin;
      throw e;
    }
    audit.write(account.username(), "order.create", "order " + order.id(),
        "member " + order.memberId() + ", pv " + Decimals.format(order.pv()));
    data.catchUp(); // the order is in this server's figures before the answer (and in the others' within a second)
    return new Created(new MemberDirectory.OrderView(order.id(), order.memberId(), LocalDate.ofEpochDay(order.day()),
        Periods.name(Periods.periodOfDay(order.day())), OrderKind.of(row).code(),
        order.pv(), order.cv(), order.total(), order.returnOf(), order.campaign()), false);
  }

  private Created replay(Account account, String key, String hash) {
    try (Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT request_hash, order_id FROM idempotency_key WHERE username = ? AND key_value = ?")) {
      ps.setString(1, account.username());
      ps.setString(2, key);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) return null;
        if (!rs.getString(1).equals(hash)) {
          throw refused(HttpStatus.UNPROCESSABLE_CONTENT, "keyReused");
        }
        return new Created(directory.order(rs.getString(2)).orElseThrow(), true);
      }
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  /** Field checks and the member rules, on the current snapshot (members change only by import). */
  private Checked check(Account account, Json.NewOrder r) {
    List<InputError> problems = new ArrayList<>();
    OrderRules.Problems sink = (field, reason) -> problems.add(new InputError(null, 0, field, reason));
    if (r == null) throw refused(HttpStatus.BAD_REQUEST, "orderBody");
    if (r.memberId() == null || r.memberId().isBlank()) sink.add("member_id", Reason.of("required"));
    Integer day = null;
    if (r.date() == null) sink.add("date", Reason.of("required"));
    else {
      try {
        day = Periods.parseDay(r.date());
      } catch (IllegalArgumentException e) {
        sink.add("date", Reason.of("notDate", r.date()));
      }
    }
    long pv = amount("pv", r.pv(), true, sink);
    long cv = amount("cv", r.cv(), true, sink);
    long total = amount("total", r.total(), false, sink);
    if (r.id() != null && !r.id().matches("[A-Za-z0-9._:-]{1,64}")) {
      sink.add("id", Reason.of("orderId"));
    }
    if (!problems.isEmpty()) throw invalid(problems);

    Snapshot s = data.current();
    Network n = s.network();
    String memberId = r.memberId().strip();
    int m = n.indexOf(memberId);
    if (!account.isAdmin()) {
      // A distributor orders for themselves or for the customers they own; others are not theirs to touch.
      int me = Visibility.root(account, s);
      if (!Visibility.canSee(account, s, m)) throw refused(HttpStatus.NOT_FOUND, "notInOrganisation", memberId);
      if (s.owners()[m] != me) {
        throw refused(HttpStatus.FORBIDDEN, "ownOrdersOnly");
      }
    }
    boolean isReturn = r.returnOf() != null && !r.returnOf().isBlank();
    String id = r.id() != null ? r.id() : "W-" + Randomness.uuid();
    Checked checked = new Checked(id, memberId, day, pv, cv, total, isReturn ? r.returnOf().strip() : null,
        Boolean.TRUE.equals(r.autoship()), r.campaign() == null || r.campaign().isBlank() ? null : r.campaign().strip());
    CreateOrder.checkFields(n, new OrderRow(0, id, memberId, day, pv, cv, total, checked.returnOf(), checked.autoship(),
        checked.campaign()), sink);
    if (!problems.isEmpty()) throw invalid(problems);
    return checked;
  }

  private static long amount(String field, BigDecimal value, boolean required, OrderRules.Problems sink) {
    if (value == null) {
      if (required) sink.add(field, Reason.of("required"));
      return 0;
    }
    try {
      return Decimals.fromBigDecimal(value);
    } catch (ArithmeticException e) {
      sink.add(field, Reason.of("decimals", value.toPlainString()));
      return 0;
    }
  }

  private static final RefusalTexts TEXTS = new RefusalTexts("i18n.reliability", "reliability.refusal.");

  /** A refusal of the order endpoint, told from the bundle (English here, the reader's language in the answer). */
  private static ApiException refused(HttpStatus status, String name, Object... args) {
    return ApiException.refused(status, TEXTS.reason(name, args));
  }

  private static ApiException invalid(List<InputError> problems) {
    Reason refused = Reason.of(problems.size() == 1 ? "orderRefusedOne" : "orderRefused", problems.size());
    return ApiException.fields(HttpStatus.UNPROCESSABLE_CONTENT, refused.english(), problems)
        .saying(refused.key(), refused.arguments());
  }

  /** Fingerprint of a request's content, so a reused key with another body is told apart from a retry. */
  static String hash(Json.NewOrder r) {
    String canonical = String.join("\u0000", Objects.toString(r.id()), Objects.toString(r.memberId()),
        Objects.toString(r.date()), plain(r.pv()), plain(r.cv()), plain(r.total()), Objects.toString(r.returnOf()),
        Objects.toString(r.autoship()), Objects.toString(r.campaign()));
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String plain(BigDecimal b) {
    return b == null ? "null" : b.stripTrailingZeros().toPlainString();
  }
}
