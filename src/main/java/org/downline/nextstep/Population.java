package org.downline.nextstep;

/**
 * The two populations every report keeps apart. Preferred customers are customers (kind
 * {@code customer} with the preferred flag), so they count with {@link #CUSTOMERS}.
 */
public enum Population {
  CUSTOMERS("customers"),
  DISTRIBUTORS("distributors");

  private final String code;

  Population(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Population ofCode(String code) {
    for (Population p : values()) if (p.code.equals(code)) return p;
    throw new IllegalArgumentException("'" + code + "' is not a population (customers, distributors)");
  }
}
