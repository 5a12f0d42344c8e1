package org.downline.network;

/**
 * A product of the catalogue. Price, PV and CV per unit are hundredths. A kit (a starter pack)
 * earns no CV, whatever the file says.
 */
public record Product(long line, String sku, String name, long price, long pv, long cv, boolean kit, String category) {
  public Product {
    if (kit) cv = 0;
  }
}
