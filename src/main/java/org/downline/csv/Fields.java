package org.downline.csv;

import java.util.Map;
import java.util.Set;
import org.downline.core.Reason;

/**
 * The rules every field of every input file obeys, by column name, so that files, the API and the
 * database agree: no control characters anywhere; ids of a documented character set and length;
 * text no longer than its column. Reasons never quote the value: it may be personal data.
 */
public final class Fields {
  private Fields() {}

  /** The length of every id column (the database's VARCHAR(64)). */
  public static final int ID_LENGTH = 64;

  /** Columns that hold an id or a code: a letter or digit first, then letters, digits and {@code -_.:}. */
  public static final Set<String> ID_COLUMNS = Set.of("id", "sponsor_id", "member_id", "placement_id", "return_of",
      "order_id", "sku", "code", "campaign", "autoship_id", "tactic");

  /** The longest text each text column may hold (the database column's length). */
  public static final Map<String, Integer> TEXT_LENGTH = Map.ofEntries(
      Map.entry("name", 200), Map.entry("email", 200), Map.entry("phone", 50), Map.entry("country", 100),
      Map.entry("locale", 20), Map.entry("tax_id", 50), Map.entry("category", 100), Map.entry("channel", 64),
      Map.entry("kind", 32), Map.entry("status", 16), Map.entry("currency", 3), Map.entry("description", 200));

  /** Any text no column names a length for. */
  public static final int OTHER_LENGTH = 4000;

  /**
   * Why a field may not be stored, or null when it may. {@code value} is the field as read
   * (unstripped); the reason names the position and the length, never the text.
   */
  public static Reason refusal(String column, String value) {
    Reason structural = structuralRefusal(value);
    if (structural != null) return structural;
    String s = value.strip();
    if (s.isEmpty()) return null;
    if (ID_COLUMNS.contains(column)) return idRefusal(s);
    if ("currency".equals(column)) {
      return s.length() == 3 && s.chars().allMatch(ch -> ch >= 'A' && ch <= 'Z') && knownCurrency(s) ? null
          : Reason.of("currency");
    }
    int max = column == null ? OTHER_LENGTH : TEXT_LENGTH.getOrDefault(column, OTHER_LENGTH);
    if (s.length() > max) return Reason.of("tooLong", s.length(), max);
    return null;
  }

  /** The rule every file obeys, file mode included: no control characters (line breaks in quotes too). */
  public static Reason structuralRefusal(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (isControl(c)) {
        String code = String.format("U+%04X", (int) c);
        String what = c == '\n' || c == '\r' ? "lineBreak" : c == 0 ? "nul" : "control";
        return Reason.of(what, code, i + 1);
      }
    }
    return null;
  }

  /** Why an id may not be used, or null. */
  public static Reason idRefusal(String id) {
    if (id.length() > ID_LENGTH) return Reason.of("idTooLong", id.length(), ID_LENGTH);
    char first = id.charAt(0);
    if (!isLetterOrDigit(first)) return Reason.of("idStart");
    for (int i = 1; i < id.length(); i++) {
      char c = id.charAt(i);
      if (!isLetterOrDigit(c) && c != '-' && c != '_' && c != '.' && c != ':') return Reason.of("idCharacter", i + 1);
    }
    return null;
  }

  /** C0 controls (tab included), DEL and the C1 controls. */
  static boolean isControl(char c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F);
  }

  private static boolean isLetterOrDigit(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  private static boolean knownCurrency(String code) {
    try {
      java.util.Currency.getInstance(code);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * A text cell as written to a CSV file that a spreadsheet may open: a cell a spreadsheet would run
   * as a formula (a leading {@code = + - @}, tab or carriage return, after any apostrophes) gets one
   * more leading apostrophe, which {@link #fromCell} takes off again, so export and import round-trip.
   */
  public static String toCell(String s) {
    return s != null && formulaLike(s) ? "'" + s : s;
  }

  /** The inverse of {@link #toCell}. */
  public static String fromCell(String s) {
    return s != null && s.length() > 1 && s.charAt(0) == '\'' && formulaLike(s) ? s.substring(1) : s;
  }

  private static boolean formulaLike(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) == '\'') i++;
    if (i == s.length()) return false;
    char c = s.charAt(i);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  }
}
