package org.downline.app.prospect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.downline.core.InputErrors;

/**
 * Reads vCard 3.0 and 4.0 (RFC 2426, RFC 6350): folded lines unfolded (a line starting with a space
 * or tab continues the one before), property groups ({@code item1.EMAIL}) and parameters dropped,
 * values unescaped. Only FN, N, TEL, EMAIL, ORG and NOTE are kept; other properties are skipped.
 * Every problem is reported with file, line (of the card's first physical line of the property)
 * and reason; reasons never quote a value.
 */
final class VCard {
  private VCard() {}

  /** One card: line of its BEGIN, name (FN, else N as "given family"), phones, emails, organisation, note. */
  record Card(long line, String name, List<String> phones, List<String> emails, String organisation, String note) {}

  static List<Card> read(String file, Reader in, InputErrors errors) throws IOException {
    List<String> logical = new ArrayList<>();
    List<Long> lineOf = new ArrayList<>();
    BufferedReader r = new BufferedReader(in);
    String raw;
    long n = 0;
    while ((raw = r.readLine()) != null) {
      n++;
      if (n == 1 && raw.startsWith("\uFEFF")) raw = raw.substring(1);
      if ((raw.startsWith(" ") || raw.startsWith("\t")) && !logical.isEmpty()) {
        int last = logical.size() - 1;
        logical.set(last, logical.get(last) + raw.substring(1));
      } else if (!raw.isBlank()) {
        logical.add(raw);
        lineOf.add(n);
      }
    }
    List<Card> cards = new ArrayList<>();
    Builder card = null;
    for (int k = 0; k < logical.size(); k++) {
      String line = logical.get(k);
      long at = lineOf.get(k);
      int colon = line.indexOf(':');
      if (colon <= 0) {
        errors.add(file, at, null, Texts.reason("vcardProperty"));
        continue;
      }
      String head = line.substring(0, colon);
      String value = line.substring(colon + 1);
      String[] parts = head.split(";");
      String name = parts[0].toUpperCase(Locale.ROOT);
      int dot = name.lastIndexOf('.');
      if (dot >= 0) name = name.substring(dot + 1);
      if (name.equals("BEGIN")) {
        if (!value.equalsIgnoreCase("VCARD")) errors.add(file, at, null, Texts.reason("vcardBegin"));
        else if (card != null) errors.add(file, at, null, Texts.reason("vcardNested", card.line));
        else card = new Builder(at);
        continue;
      }
      if (card == null) {
        errors.add(file, at, null, Texts.reason("vcardOutside"));
        continue;
      }
      switch (name) {
        case "END" -> {
          if (card.version == null) errors.add(file, card.line, null, Texts.reason("vcardNoVersion"));
          String fullName = card.fn != null ? card.fn : card.n;
          if (fullName == null || fullName.isBlank()) errors.add(file, card.line, null, Texts.reason("vcardNoName"));
          else cards.add(new Card(card.line, fullName.strip(), card.phones, card.emails, card.org, card.note));
          card = null;
        }
        case "VERSION" -> {
          if (!value.equals("3.0") && !value.equals("4.0")) {
            errors.add(file, at, "VERSION", Texts.reason("vcardVersion", value));
          }
          card.version = value;
        }
        case "FN" -> card.fn = unescape(value);
        case "N" -> {
          String[] nn = splitStructured(value);
          String family = nn.length > 0 ? nn[0] : "";
          String given = nn.length > 1 ? nn[1] : "";
          card.n = (given + " " + family).strip();
        }
        case "TEL" -> {
          String v = value.regionMatches(true, 0, "tel:", 0, 4) ? value.substring(4) : value;
          int semi = v.indexOf(';'); // tel: URIs may carry ;ext=
          card.phones.add(unescape(semi >= 0 ? v.substring(0, semi) : v));
        }
        case "EMAIL" -> card.emails.add(unescape(value));
        case "ORG" -> card.org = unescape(splitStructured(value)[0]);
        case "NOTE" -> card.note = unescape(value);
        default -> { } // other properties are not kept
      }
    }
    if (card != null) errors.add(file, card.line, null, Texts.reason("vcardNotEnded"));
    return cards;
  }

  private static final class Builder {
    final long line;
    String version;
    String fn;
    String n;
    String org;
    String note;
    final List<String> phones = new ArrayList<>();
    final List<String> emails = new ArrayList<>();

    Builder(long line) {
      this.line = line;
    }
  }

  /** Splits a structured value on unescaped semicolons. */
  static String[] splitStructured(String value) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      if (ch == '\\' && i + 1 < value.length()) {
        cur.append(ch).append(value.charAt(++i));
      } else if (ch == ';') {
        out.add(unescape(cur.toString()));
        cur.setLength(0);
      } else {
        cur.append(ch);
      }
    }
    out.add(unescape(cur.toString()));
    return out.toArray(String[]::new);
  }

  static String unescape(String v) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < v.length(); i++) {
      char ch = v.charAt(i);
      if (ch == '\\' && i + 1 < v.length()) {
        char next = v.charAt(++i);
        b.append(next == 'n' || next == 'N' ? '\n' : next);
      } else {
        b.append(ch);
      }
    }
    return b.toString();
  }
}
