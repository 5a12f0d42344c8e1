package org.downline.prospect;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Duplicate detection: the same email (trimmed, lower case), the same phone (in E.164) or the same
 * name (lower case, accents and punctuation gone, words in order: "Pop, Ana" is "Ana Pop").
 */
public final class Duplicates {
  private Duplicates() {}

  /** What a contact is matched by: its id, name key, and normalised emails and phones. */
  public record Candidate(long id, String nameKey, Set<String> emails, Set<String> phones) {}

  /** An existing contact that looks like the new one, and why (email, phone or name). */
  public record Match(long id, String by) {}

  public static String email(String raw) {
    String e = raw.strip().toLowerCase(Locale.ROOT);
    int at = e.indexOf('@');
    if (at <= 0 || at != e.lastIndexOf('@') || at == e.length() - 1 || e.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("'" + raw + "' is not an email address");
    }
    return e;
  }

  /**
   * A phone number in E.164 ({@code +40721234567}). Spaces, dots, dashes, slashes and brackets are
   * dropped; {@code 00} starts an international number like {@code +}; a national number (leading
   * {@code 0}) takes {@code callingCode} (digits, e.g. {@code 40}), refused when there is none.
   * E.164 allows 8 to 15 digits after the plus.
   */
  public static String phone(String raw, String callingCode) {
    StringBuilder d = new StringBuilder();
    String s = raw.strip();
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c >= '0' && c <= '9') d.append(c);
      else if (c == '+' && k == 0) continue;
      else if (" .-/()".indexOf(c) < 0) throw new IllegalArgumentException("'" + raw + "' is not a phone number");
    }
    String digits;
    if (s.startsWith("+")) digits = d.toString();
    else if (d.toString().startsWith("00")) digits = d.substring(2);
    else if (d.toString().startsWith("0") && callingCode != null) digits = callingCode + d.substring(1);
    else {
      throw new IllegalArgumentException("'" + raw + "' has no country code: write it as +<country code><number>");
    }
    if (digits.length() < 8 || digits.length() > 15 || digits.startsWith("0")) {
      throw new IllegalArgumentException("'" + raw + "' is not a phone number in international form (8 to 15 digits after +)");
    }
    return "+" + digits;
  }

  public static String nameKey(String name) {
    String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    plain = plain.replace('ł', 'l').replace('Ł', 'L').toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    if (plain.isEmpty()) return "";
    String[] words = plain.split(" ");
    Arrays.sort(words);
    return String.join(" ", words);
  }

  /** The existing contacts that match, each once, by the strongest reason (email, then phone, then name). */
  public static List<Match> find(Candidate added, List<Candidate> existing) {
    List<Match> matches = new ArrayList<>();
    for (Candidate c : existing) {
      if (c.id() == added.id()) continue;
      if (intersects(added.emails(), c.emails())) matches.add(new Match(c.id(), "email"));
      else if (intersects(added.phones(), c.phones())) matches.add(new Match(c.id(), "phone"));
      else if (!added.nameKey().isEmpty() && added.nameKey().equals(c.nameKey())) matches.add(new Match(c.id(), "name"));
    }
    return matches;
  }

  private static boolean intersects(Set<String> a, Set<String> b) {
    for (String x : a) if (b.contains(x)) return true;
    return false;
  }
}
