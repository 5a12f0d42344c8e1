package org.downline.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import org.downline.core.Decimals;
import org.downline.web.MemberDirectory;
import org.downline.web.Page;

/** The API's JSON bodies. Amounts are exact decimals with two places (never binary floating point). */
public final class Json {
  private Json() {}

  /** A page of a list: items, page (from 1), size and the total across pages. */
  public record PageBody<T>(List<T> items, int page, int size, long total) {
    static <S, T> PageBody<T> of(Page<S> page, List<T> items) {
      return new PageBody<>(items, page.page(), page.size(), page.total());
    }
  }

  /** A member with the period's tree figures. Email and phone only for staff and for oneself. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Member(String id, String name, String kind, String status, boolean preferred, String joinDate,
      String sponsorId, String period, BigDecimal pv, BigDecimal gv, int subtreeSize, int firstLevel, String email,
      String phone, String country) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Order(String id, String memberId, String date, String period, String kind, BigDecimal pv,
      BigDecimal cv, BigDecimal total, String returnOf, String campaign) {
    static Order of(MemberDirectory.OrderView o) {
      return new Order(o.id(), o.memberId(), o.date().toString(), o.period(), o.kind(), Decimals.toBigDecimal(o.pv()),
          Decimals.toBigDecimal(o.cv()), Decimals.toBigDecimal(o.total()), o.returnOf(), o.campaign());
    }
  }

  /**
   * A new order. {@code id} is optional (the server makes one); a return names the sale in
   * {@code returnOf} and carries negative amounts; {@code total} defaults to 0.
   */
  public record NewOrder(String id, String memberId, String date, BigDecimal pv, BigDecimal cv, BigDecimal total,
      String returnOf, Boolean autoship, String campaign) {}

  public record Product(String sku, String name, BigDecimal price, BigDecimal pv, BigDecimal cv, boolean kit,
      String category) {}

  public record Period(String name, String state) {}

  public record Me(String username, String role, String memberId) {}

  public record Import(String kind, String file, long read, long inserted, long updated, long unchanged) {}

  /** The company as the answering server holds it after a reload, and the change number it holds. */
  public record Reloaded(int members, int orders, long change) {}

  /** A long job running now, on whichever server of the database. */
  public record Job(String name, String server, String actor, String startedAt) {}
}
