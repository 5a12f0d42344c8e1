package org.downline.csv;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.downline.core.InputErrors;
import org.downline.core.Progress;
import org.downline.core.Reason;
import org.downline.network.MemberKind;
import org.downline.network.MemberProfile;
import org.downline.network.MemberRow;
import org.downline.network.MemberStatus;
import org.downline.network.OrderLine;
import org.downline.network.OrderRow;
import org.downline.network.Product;

/**
 * Reads a shop's order history in the invoice-line layout of the UCI "Online Retail" data
 * ({@code InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country}) and
 * turns it into Downline's data: each customer a customer member under one house distributor, each
 * invoice an order with its lines, each stock code a product, each cancellation ({@code C} invoice)
 * a return of the customer's latest earlier purchase of that item.
 *
 * <p>The shop has no PV or CV: one unit of money counts as one PV and one CV. Lines that cannot be
 * placed honestly are skipped and counted, never guessed: guest checkouts (no customer id), stock
 * adjustments (negative quantity on a sale), and cancellations of purchases that are not in the file.
 */
public final class RetailCsv {
  public static final String[] REQUIRED =
      {"invoiceno", "stockcode", "description", "quantity", "invoicedate", "unitprice", "customerid"};
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("M/d/yy H:mm", Locale.ROOT);

  private RetailCsv() {}

  public record History(List<MemberRow> members, List<MemberProfile> profiles, List<Product> products,
      List<OrderRow> orders, List<OrderLine> lines, Skipped skipped) {}

  /** Lines left out, by reason. */
  public record Skipped(long guestLines, long adjustmentLines, long unmatchedCancellationLines) {
    @Override
    public String toString() {
      return guestLines + " lines without a customer (guest checkouts), " + adjustmentLines
          + " stock adjustments (negative quantity on a sale), " + unmatchedCancellationLines
          + " cancellation lines of purchases not in the file";
    }
  }

  private record Line(long line, String invoice, String sku, String description, int quantity, int day,
      long unitPrice, String customer, String country) {}

  public static History read(Path path, String houseId, InputErrors errors, Progress progress) {
    List<Line> lines = new ArrayList<>();
    long[] guests = new long[1];
    new CsvInput(path, errors, progress).read("shop history", REQUIRED, r -> {
      String invoice = r.required("invoiceno");
      String sku = r.required("stockcode");
      int quantity = r.integer("quantity", 0);
      if (r.text("quantity") == null) r.error("quantity", Reason.of("empty"));
      long price = r.requiredCents("unitprice");
      int day = 0;
      String date = r.required("invoicedate");
      if (date != null) {
        try {
          day = (int) LocalDate.parse(date, DATE).toEpochDay();
        } catch (DateTimeParseException e) {
          r.error("invoicedate", Reason.of("notRetailDate", date));
        }
      }
      String customer = r.text("customerid");
      if (r.bad()) return;
      if (customer == null) {
        guests[0]++;
        return;
      }
      if (customer.endsWith(".0")) customer = customer.substring(0, customer.length() - 2);
      String description = r.text("description");
      lines.add(new Line(r.line(), invoice, sku, description == null ? sku : description, quantity, day, price,
          "C" + customer, r.text("country")));
    });
    if (!errors.isEmpty()) return null;

    Map<String, Integer> firstDay = new HashMap<>();
    Map<String, String> country = new HashMap<>();
    Map<String, Product> products = new LinkedHashMap<>();
    Map<String, List<Line>> sales = new LinkedHashMap<>();
    List<Line> cancellations = new ArrayList<>();
    long adjustments = 0;
    int earliest = Integer.MAX_VALUE;
    for (Line l : lines) {
      firstDay.merge(l.customer, l.day, Math::min);
      if (l.country != null) country.putIfAbsent(l.customer, l.country);
      earliest = Math.min(earliest, l.day);
      if (l.invoice.startsWith("C")) {
        cancellations.add(l);
      } else if (l.quantity < 0) {
        adjustments++;
      } else {
        sales.computeIfAbsent(l.invoice, k -> new ArrayList<>()).add(l);
        products.putIfAbsent(l.sku, new Product(l.line, l.sku, l.description, l.unitPrice, l.unitPrice, l.unitPrice,
            false, null));
      }
    }

    List<MemberRow> members = new ArrayList<>();
    List<MemberProfile> profiles = new ArrayList<>();
    if (!lines.isEmpty()) {
      members.add(MemberRow.of(0, houseId, null, MemberKind.DISTRIBUTOR, earliest));
      firstDay.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
        members.add(new MemberRow(0, e.getKey(), houseId, MemberKind.CUSTOMER, false, e.getValue(),
            MemberStatus.ACTIVE, Integer.MIN_VALUE, null, -1));
        String c = country.get(e.getKey());
        if (c != null) profiles.add(new MemberProfile(e.getKey(), null, null, null, c, null));
      });
    }

    List<OrderRow> orders = new ArrayList<>();
    List<OrderLine> orderLines = new ArrayList<>();
    // What is left to return of each sale line, looked up by customer and item, latest sale first.
    Map<String, List<long[]>> returnable = new HashMap<>(); // customer|sku -> {saleIndex, day, qtyLeft, price}
    List<String> saleIds = new ArrayList<>();
    for (Map.Entry<String, List<Line>> sale : sales.entrySet()) {
      List<Line> ls = sale.getValue();
      Line first = ls.get(0);
      long total = 0;
      int no = 0;
      for (Line l : ls) {
        long amount = l.unitPrice * l.quantity;
        total += amount;
        orderLines.add(new OrderLine(sale.getKey(), ++no, l.sku, l.quantity, l.unitPrice, amount, amount));
        returnable.computeIfAbsent(l.customer + "|" + l.sku, k -> new ArrayList<>())
            .add(new long[] {saleIds.size(), l.day, l.quantity, l.unitPrice});
      }
      saleIds.add(sale.getKey());
      orders.add(new OrderRow(first.line, sale.getKey(), first.customer, first.day, total, total, total, null, false,
          null));
    }
    returnable.values().forEach(list -> list.sort(Comparator.comparingLong((long[] a) -> a[1]).reversed()));

    cancellations.sort(Comparator.comparingInt((Line l) -> l.day).thenComparingLong(l -> l.line));
    Map<String, long[]> returns = new LinkedHashMap<>(); // returnId -> {amount, line, day}
    Map<String, String[]> returnKeys = new HashMap<>(); // returnId -> {customer, saleId}
    long unmatched = 0;
    for (Line l : cancellations) {
      long want = -(long) l.quantity;
      long[] match = null;
      for (long[] candidate : returnable.getOrDefault(l.customer + "|" + l.sku, List.of())) {
        if (candidate[1] <= l.day && candidate[2] >= want) {
          match = candidate;
          break;
        }
      }
      if (match == null || want <= 0) {
        unmatched++;
        continue;
      }
      match[2] -= want;
      String saleId = saleIds.get((int) match[0]);
      String id = l.invoice + "-" + saleId;
      long[] r = returns.computeIfAbsent(id, k -> new long[] {0, l.line, l.day});
      r[0] += want * match[3];
      returnKeys.put(id, new String[] {l.customer, saleId});
    }
    returns.forEach((id, r) -> {
      String[] k = returnKeys.get(id);
      orders.add(new OrderRow(r[1], id, k[0], (int) r[2], -r[0], -r[0], -r[0], k[1], false, null));
    });
    return new History(members, profiles, new ArrayList<>(products.values()), orders, orderLines,
        new Skipped(guests[0], adjustments, unmatched));
  }
}
