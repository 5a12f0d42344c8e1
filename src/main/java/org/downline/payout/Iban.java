package org.downline.payout;

/** An IBAN's form and ISO 13616 check digits (mod 97 = 1), so a typo is refused before any bank sees it. */
public final class Iban {
  private Iban() {}

  /** The IBAN without spaces, upper case. */
  public static String normal(String iban) {
    return iban.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
  }

  public static boolean valid(String iban) {
    String s = normal(iban);
    if (s.length() < 15 || s.length() > 34) return false;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      boolean letter = ch >= 'A' && ch <= 'Z';
      boolean digit = ch >= '0' && ch <= '9';
      if (i < 2 ? !letter : i < 4 ? !digit : !(letter || digit)) return false;
    }
    String r = s.substring(4) + s.substring(0, 4);
    int mod = 0;
    for (int i = 0; i < r.length(); i++) {
      char ch = r.charAt(i);
      int v = ch <= '9' ? ch - '0' : ch - 'A' + 10;
      mod = v >= 10 ? (mod * 100 + v) % 97 : (mod * 10 + v) % 97;
    }
    return mod == 1;
  }

  /** The IBAN of a country and a domestic account number (BBAN, letters and digits), with its check digits. */
  public static String of(String country, String bban) {
    String r = bban + country + "00";
    int mod = 0;
    for (int i = 0; i < r.length(); i++) {
      char ch = r.charAt(i);
      int v = ch <= '9' ? ch - '0' : ch - 'A' + 10;
      mod = v >= 10 ? (mod * 100 + v) % 97 : (mod * 10 + v) % 97;
    }
    int check = 98 - mod;
    return country + (check < 10 ? "0" : "") + check + bban;
  }
}
