package org.downline.csv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.downline.core.InputErrors;
import org.downline.core.Progress;
import org.downline.core.Reason;
import org.downline.generate.Autoship;

/**
 * Reads an autoship subscriptions file: {@code id,member_id,items,start_date} at least, where
 * {@code items} is {@code SKU:QTY;SKU:QTY}; {@code interval_months} (default 1), {@code next_date},
 * {@code status} ({@code active}, {@code cancelled}) and {@code status_date} optional.
 */
public final class AutoshipCsv {
  public static final String[] REQUIRED = {"id", "member_id", "items", "start_date"};

  private AutoshipCsv() {}

  /** An autoship with the file line it came from, so that later checks can name it. */
  public record Row(long line, Autoship autoship) {}

  /** Reads for file mode: the structural rules only (see {@link CsvInput.Rules}). */
  public static List<Row> read(Path path, InputErrors errors, Progress progress) {
    return read(path, CsvInput.Rules.FILE, errors, progress);
  }

  public static List<Row> read(Path path, CsvInput.Rules rules, InputErrors errors, Progress progress) {
    List<Row> rows = new ArrayList<>();
    Map<String, Long> seen = new HashMap<>();
    new CsvInput(path, rules, errors, progress).read("autoships", REQUIRED, r -> {
      String id = r.required("id");
      String member = r.required("member_id");
      List<Autoship.Item> items = new ArrayList<>();
      String itemsText = r.required("items");
      if (itemsText != null) {
        for (String part : itemsText.split(";")) {
          String[] skuQty = part.strip().split(":");
          int qty = 0;
          try {
            qty = skuQty.length == 2 ? Integer.parseInt(skuQty[1].strip()) : 0;
          } catch (NumberFormatException e) {
            qty = 0;
          }
          if (skuQty.length != 2 || skuQty[0].isBlank() || qty <= 0) {
            r.error("items", Reason.of("notItem", part));
          } else {
            items.add(new Autoship.Item(skuQty[0].strip(), qty));
          }
        }
      }
      int interval = r.integer("interval_months", 1);
      if (interval <= 0) r.error("interval_months", Reason.of("interval"));
      int start = r.requiredDay("start_date");
      int next = r.day("next_date", Integer.MIN_VALUE);
      Autoship.Status status = Autoship.Status.ACTIVE;
      String statusText = r.text("status");
      if (statusText != null) {
        try {
          status = Autoship.Status.ofCode(statusText.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          r.error("status", Reason.of("notAutoshipStatus", statusText.toLowerCase(Locale.ROOT)));
        }
      }
      int statusDay = r.day("status_date", Integer.MIN_VALUE);
      if (id != null) {
        Long first = seen.putIfAbsent(id, r.line());
        if (first != null) r.error("id", Reason.of("duplicateAutoship", id, first));
      }
      if (r.bad()) return;
      rows.add(new Row(r.line(), new Autoship(id, member, items, interval, start, next, status, statusDay)));
    });
    return rows;
  }
}
