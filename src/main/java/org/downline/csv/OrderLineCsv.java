package org.downline.csv;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.downline.core.InputErrors;
import org.downline.core.Progress;
import org.downline.core.Reason;
import org.downline.network.OrderLine;

/** Streams an order lines file: {@code order_id,line_no,sku,quantity,unit_price,pv,cv}. */
public final class OrderLineCsv {
  public static final String[] REQUIRED = {"order_id", "line_no", "sku", "quantity", "unit_price", "pv", "cv"};

  private OrderLineCsv() {}

  /** An order line with the file line it came from. */
  public record Row(long line, OrderLine orderLine) {}

  /** Reads for file mode: the structural rules only (see {@link CsvInput.Rules}). */
  public static void read(Path path, InputErrors errors, Progress progress, Consumer<Row> onRow) {
    read(path, CsvInput.Rules.FILE, errors, progress, onRow);
  }

  public static void read(Path path, CsvInput.Rules rules, InputErrors errors, Progress progress, Consumer<Row> onRow) {
    new CsvInput(path, rules, errors, progress).read("order lines", REQUIRED, r -> {
      String order = r.required("order_id");
      int lineNo = r.integer("line_no", 0);
      String sku = r.required("sku");
      int quantity = r.integer("quantity", 0);
      long unitPrice = r.requiredCents("unit_price");
      long pv = r.requiredCents("pv");
      long cv = r.requiredCents("cv");
      if (lineNo <= 0) r.error("line_no", Reason.of("positiveWhole"));
      if (quantity == 0) r.error("quantity", Reason.of("nonZeroWhole"));
      if (r.bad()) return;
      onRow.accept(new Row(r.line(), new OrderLine(order, lineNo, sku, quantity, unitPrice, pv, cv)));
    });
  }
}
