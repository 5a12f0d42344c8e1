package org.downline.web.security;

import org.downline.core.NotFoundException;
import org.downline.core.InvalidInputException;
import org.downline.core.ConflictException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.downline.store.Database;
import org.downline.store.StoreException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Logins and invitation codes in the database, with plain JDBC so that the command line
 * ({@code downline users add}) and the web app share it. Passwords are stored as bcrypt hashes only.
 */
public final class UserStore {
  public static final int MIN_PASSWORD = Passwords.MIN;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

  private final Database db;
  private final PasswordEncoder encoder;

  public UserStore(Database db) {
    this(db, new BCryptPasswordEncoder());
  }

  public UserStore(Database db, PasswordEncoder encoder) {
    this.db = db;
    this.encoder = encoder;
  }

  public PasswordEncoder encoder() {
    return encoder;
  }

  /** A random password (or invitation code) that is easy to read out: no 0/O, 1/l/I. */
  public static String randomSecret(int length) {
    char[] c = new char[length];
    for (int i = 0; i < length; i++) c[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    return new String(c);
  }

  /**
   * The login of a username, found without regard to case. A distributor's login counts as
   * disabled while their member is cancelled or terminated: they can no longer sign in or order.
   */
  public Optional<Account> find(String username) {
    if (username == null) return Optional.empty();
    try (Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement("SELECT u.username, u.password_hash, u.role, u.member_id, u.enabled,"
            + " m.status FROM users u LEFT JOIN member m ON m.id = u.member_id WHERE u.username_key = ?")) {
      ps.setString(1, key(username));
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) return Optional.empty();
        String memberStatus = rs.getString(6);
        boolean enabled = rs.getBoolean(5) && (memberStatus == null || memberStatus.equals("active"));
        return Optional.of(new Account(rs.getString(1), rs.getString(2), Account.Role.ofCode(rs.getString(3)),
            rs.getString(4), enabled));
      }
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  /** A login and when it was made, for the admin's list. */
  public record Listed(String username, String role, String memberId, boolean enabled, Instant createdAt) {}

  public List<Listed> list() {
    try (Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT username, role, member_id, enabled, created_at FROM users ORDER BY role, username");
        ResultSet rs = ps.executeQuery()) {
      List<Listed> out = new ArrayList<>();
      while (rs.next()) {
        out.add(new Listed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
            rs.getTimestamp(5).toInstant()));
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  /**
   * Adds a login; refuses a taken username, a short password, an unknown member, a member that is
   * not a distributor or already has a login.
   */
  public Account add(String username, String password, Account.Role role, String memberId) {
    return db.inTransaction(c -> add(c, username, password, role, memberId));
  }

  Account add(Connection c, String username, String password, Account.Role role, String memberId)
      throws SQLException {
    if (username == null || !username.matches("[A-Za-z0-9._@-]{1,100}")) {
      throw InvalidInputException.parameter("username", "a username is 1 to 100 letters, digits or . _ @ -");
    }
    String weak = Passwords.refusal(password, username);
    if (weak != null) throw InvalidInputException.parameter("password", weak);
    if (exists(c, "SELECT 1 FROM users WHERE username_key = ?", key(username))) {
      throw new ConflictException("username '" + username + "' is taken");
    }
    if (role == Account.Role.DISTRIBUTOR) {
      String kind = single(c, "SELECT kind FROM member WHERE id = ?", memberId);
      if (kind == null) throw InvalidInputException.parameter("member", "unknown member '" + memberId + "'");
      if (!"distributor".equals(kind)) {
        throw InvalidInputException.parameter("member", "member '" + memberId + "' is a customer; only distributors get a login");
      }
      if (exists(c, "SELECT 1 FROM users WHERE member_id = ?", memberId)) {
        throw new ConflictException("member '" + memberId + "' already has a login");
      }
    } else {
      memberId = null;
    }
    String hash = encoder.encode(password);
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO users (username, username_key, password_hash, role, member_id, enabled, created_at)"
            + " VALUES (?, ?, ?, ?, ?, TRUE, ?)")) {
      ps.setString(1, username);
      ps.setString(2, key(username));
      ps.setString(3, hash);
      ps.setString(4, role.code());
      ps.setString(5, memberId);
      ps.setTimestamp(6, Timestamp.from(Instant.now()));
      ps.executeUpdate();
    } catch (SQLException e) {
      // Two sign-ups of one name at once: the unique index decides, the loser is told plainly.
      if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
        throw new ConflictException("username '" + username + "' is taken");
      }
      throw e;
    }
    return new Account(username, hash, role, memberId, true);
  }

  /** A fresh invitation code for a distributor member, valid for {@code validFor}. */
  public String invite(String memberId, String createdBy, Duration validFor) {
    return db.inTransaction(c -> {
      String kind = single(c, "SELECT kind FROM member WHERE id = ?", memberId);
      if (!"distributor".equals(kind)) {
        throw InvalidInputException.parameter("member", kind == null ? "unknown member '" + memberId + "'"
            : "member '" + memberId + "' is a customer; only distributors get a login");
      }
      if (exists(c, "SELECT 1 FROM users WHERE member_id = ?", memberId)) {
        throw new ConflictException("member '" + memberId + "' already has a login");
      }
      String code = randomSecret(16);
      Instant now = Instant.now();
      // Only a digest is stored: a copy of the table does not hand out logins.
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO invitation (code, member_id, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
        ps.setString(1, digest(code));
        ps.setString(2, memberId);
        ps.setString(3, createdBy);
        ps.setTimestamp(4, Timestamp.from(now));
        ps.setTimestamp(5, Timestamp.from(now.plus(validFor)));
        ps.executeUpdate();
      }
      return code;
    });
  }

  /**
   * Turns an unused, unexpired invitation into a distributor login; the code works once. The code is
   * claimed first, with one conditional update, so of parallel activations exactly one proceeds and
   * the others are told the code is used; the claim rolls back if the login cannot be made.
   */
  public Account activate(String code, String username, String password) {
    String digest = digest(code == null ? "" : code.strip());
    try {
      return db.inTransaction(c -> {
        try (PreparedStatement ps = c.prepareStatement(
            "UPDATE invitation SET used_at = ?, used_by = ? WHERE code = ? AND used_at IS NULL AND expires_at > ?")) {
          Timestamp now = Timestamp.from(Instant.now());
          ps.setTimestamp(1, now);
          ps.setString(2, username == null ? "" : username);
          ps.setString(3, digest);
          ps.setTimestamp(4, now);
          if (ps.executeUpdate() != 1) throw new NotFoundException("this invitation code is unknown, used or expired");
        }
        String memberId = single(c, "SELECT member_id FROM invitation WHERE code = ?", digest);
        return add(c, username, password, Account.Role.DISTRIBUTOR, memberId);
      });
    } catch (StoreException e) {
      // H2 answers a second writer of the claimed row with a lock error rather than waiting.
      if (e.getCause() instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("40") || sql.getSQLState().equals("HYT00") || sql.getSQLState().equals("90131"))) {
        throw new ConflictException("this invitation code was just used");
      }
      throw e;
    }
  }

  /**
   * Disables or enables a login; false when there is no such login. Disabling ends the login's open
   * sessions on every server at once: they are rows of the session store (Spring Session JDBC, V120),
   * found by their principal.
   */
  public boolean setEnabled(String username, boolean enabled) {
    return db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE users SET enabled = ? WHERE username_key = ?")) {
        ps.setBoolean(1, enabled);
        ps.setString(2, key(username));
        if (ps.executeUpdate() != 1) return false;
      }
      if (!enabled) {
        try (PreparedStatement ps = c.prepareStatement(
            "DELETE FROM SPRING_SESSION WHERE PRINCIPAL_NAME IN (SELECT username FROM users WHERE username_key = ?)")) {
          ps.setString(1, key(username));
          ps.executeUpdate();
        }
      }
      return true;
    });
  }

  /** Usernames are unique without regard to case: {@code Admin} and {@code admin} are one login. */
  static String key(String username) {
    return username.strip().toLowerCase(java.util.Locale.ROOT);
  }

  /** SHA-256 of an invitation code, hex: codes are random and single-use, so no slow hash is needed. */
  static String digest(String code) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(code.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean exists(Connection c, String sql, String arg) throws SQLException {
    return single(c, sql, arg) != null;
  }

  private static String single(Connection c, String sql, String arg) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, arg);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  /**
   * The language of a login for the web app: the one it chose ({@link #chooseLanguage}), else its
   * member's locale from the member's profile, else null. A BCP 47 tag as stored ({@code pl-PL}).
   */
  public String language(String username) {
    try (Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement("SELECT u.locale, p.locale FROM users u"
            + " LEFT JOIN member_profile p ON p.member_id = u.member_id WHERE u.username = ?")) {
      ps.setString(1, username);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) return null;
        String chosen = rs.getString(1);
        return chosen != null ? chosen : rs.getString(2);
      }
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  /** Remembers the language a login chose (a BCP 47 tag). */
  public void chooseLanguage(String username, String tag) {
    try (Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement("UPDATE users SET locale = ? WHERE username = ?")) {
      ps.setString(1, tag);
      ps.setString(2, username);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }
}
