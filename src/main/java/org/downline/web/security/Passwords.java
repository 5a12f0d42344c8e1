package org.downline.web.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The password policy of NIST SP 800-63B: length, not composition. A password is at least
 * {@link #MIN} and at most {@link #MAX} characters, not blank, not one character repeated nor a run
 * of consecutive characters, does not contain the username, and is not on the list of common
 * passwords. Any characters are allowed, spaces included.
 */
public final class Passwords {
  public static final int MIN = 10;
  public static final int MAX = 128;
  private static final Set<String> COMMON = load();

  private Passwords() {}

  /** Why the password may not be used, or null when it may. Never repeats the password. */
  public static String refusal(String password, String username) {
    if (password == null || password.length() < MIN) return "a password needs at least " + MIN + " characters";
    if (password.length() > MAX) return "a password has at most " + MAX + " characters";
    if (password.isBlank()) return "a password cannot be only spaces";
    String lower = password.toLowerCase(Locale.ROOT);
    if (lower.chars().distinct().count() == 1) return "a password cannot be one character repeated";
    if (consecutive(lower)) return "a password cannot be a run of consecutive characters";
    if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
      return "a password cannot contain the username";
    }
    if (COMMON.contains(lower)) return "this password is on the list of common passwords; choose another";
    return null;
  }

  private static boolean consecutive(String s) {
    boolean up = true;
    boolean down = true;
    for (int i = 1; i < s.length(); i++) {
      int d = s.charAt(i) - s.charAt(i - 1);
      up &= d == 1;
      down &= d == -1;
    }
    return up || down;
  }

  private static Set<String> load() {
    Set<String> out = new HashSet<>();
    try (InputStream in = Passwords.class.getResourceAsStream("/security/common-passwords.txt");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (!line.isBlank() && !line.startsWith("#")) out.add(line.strip().toLowerCase(Locale.ROOT));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(out);
  }
}
