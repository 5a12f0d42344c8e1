package org.downline.csv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.downline.core.InputErrors;
import org.downline.core.Progress;
import org.downline.core.Reason;
import org.downline.network.Product;

/** Reads a products file: {@code sku,name,price,pv,cv} at least; {@code kit} and {@code category} optional. */
public final class ProductCsv {
  public static final String[] REQUIRED = {"sku", "name", "price", "pv", "cv"};

  private ProductCsv() {}

  /** Reads for file mode: the structural rules only (see {@link CsvInput.Rules}). */
  public static List<Product> read(Path path, InputErrors errors, Progress progress) {
    return read(path, CsvInput.Rules.FILE, errors, progress);
  }

  public static List<Product> read(Path path, CsvInput.Rules rules, InputErrors errors, Progress progress) {
    List<Product> products = new ArrayList<>();
    Map<String, Long> seen = new HashMap<>();
    new CsvInput(path, rules, errors, progress).read("products", REQUIRED, r -> {
      String sku = r.required("sku");
      String name = r.required("name");
      long price = r.requiredCents("price");
      long pv = r.requiredCents("pv");
      long cv = r.requiredCents("cv");
      boolean kit = r.flag("kit");
      if (price < 0) r.error("price", Reason.of("negative"));
      if (pv < 0) r.error("pv", Reason.of("negative"));
      if (cv < 0) r.error("cv", Reason.of("negative"));
      if (sku != null) {
        Long first = seen.putIfAbsent(sku, r.line());
        if (first != null) r.error("sku", Reason.of("duplicateSku", sku, first));
      }
      if (r.bad()) return;
      products.add(new Product(r.line(), sku, name, price, pv, cv, kit, r.text("category")));
    });
    return products;
  }
}
