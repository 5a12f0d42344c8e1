package org.downline.csv;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import org.downline.core.InputErrors;
import org.downline.core.Progress;
import org.downline.core.Reason;
import org.downline.network.OrderKind;
import org.downline.network.OrderRow;

/**
 * Streams an orders file: {@code id,member_id,date,pv,cv,return_of} at least; known further
 * columns are {@code total} (the money amount), {@code kind} ({@code sale}, {@code return},
 * {@code autoship}), {@code campaign} and {@code currency}.
 */
public final class OrderCsv {
  public static final String[] REQUIRED = {"id", "member_id", "date", "pv", "cv", "return_of"};

  private OrderCsv() {}

  /** Reads for file mode: the structural rules only (see {@link CsvInput.Rules}). */
  public static void read(Path path, InputErrors errors, Progress progress, Consumer<OrderRow> onRow) {
    read(path, CsvInput.Rules.FILE, errors, progress, onRow);
  }

  public static void read(Path path, CsvInput.Rules rules, InputErrors errors, Progress progress, Consumer<OrderRow> onRow) {
    new CsvInput(path, rules, errors, progress).read("orders", REQUIRED, r -> {
      String id = r.required("id");
      String member = r.required("member_id");
      int day = r.requiredDay("date");
      long pv = r.requiredCents("pv");
      long cv = r.requiredCents("cv");
      long total = r.cents("total", 0);
      String returnOf = r.text("return_of");
      boolean autoship = false;
      String kind = r.text("kind");
      if (kind != null) {
        OrderKind k = OrderKind.ofCode(kind.toLowerCase(Locale.ROOT));
        if (k == null) r.error("kind", Reason.of("notOrderKind", kind, OrderKind.codes()));
        else if (k == OrderKind.AUTOSHIP) autoship = true;
        else if (k == OrderKind.RETURN && returnOf == null) r.error("return_of", Reason.of("returnWithoutSale"));
      }
      if (r.bad()) return;
      onRow.accept(new OrderRow(r.line(), id, member, day, pv, cv, total, returnOf, autoship, r.text("campaign")));
    });
  }
}
