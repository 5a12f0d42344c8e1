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
  public static final int MIN_PASSWORD = 10;
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

  public Optional<Account> find(String username) {
    try (Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT username, password_hash, role, member_id, enabled FROM users WHERE username = ?")) {
      ps.setString(1, username);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) return Optional.empty();
        return Optional.of(new Account(rs.getString(1), rs.getString(2), Account.Role.ofCode(rs.getString(3)),
            rs.getString(4), rs.getBoolean(5)));
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
    if (password == null || password.length() < MIN_PASSWORD) {
      throw InvalidInputException.parameter("password", "a password needs at least " + MIN_PASSWORD + " characters");
    }
    if (exists(c, "SELECT 1 FROM users WHERE username = ?", username)) {
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
        "INSERT INTO users (username, password_hash, role, member_id, enabled, created_at) VALUES (?, ?, ?, ?, TRUE, ?)")) {
      ps.setString(1, username);
      ps.setString(2, hash);
      ps.setString(3, role.code());
      ps.setString(4, memberId);
      ps.setTimestamp(5, Timestamp.from(Instant.now()));
      ps.executeUpdate();
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

  /** Turns an unused, unexpired invitation into a distributor login; the code works once. */
  public Account activate(String code, String username, String password) {
    return db.inTransaction(c -> {
      String memberId;
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT member_id FROM invitation WHERE code = ? AND used_at IS NULL AND expires_at > ?")) {
        ps.setString(1, digest(code == null ? "" : code.strip()));
        ps.setTimestamp(2, Timestamp.from(Instant.now()));
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) throw new NotFoundException("this invitation code is unknown, used or expired");
          memberId = rs.getString(1);
        }
      }
      Account account = add(c, username, password, Account.Role.DISTRIBUTOR, memberId);
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE invitation SET used_at = ?, used_by = ? WHERE code = ? AND used_at IS NULL")) {
        ps.setTimestamp(1, Timestamp.from(Instant.now()));
        ps.setString(2, username);
        ps.setString(3, digest(code.strip()));
        if (ps.executeUpdate() != 1) throw new ConflictException("this invitation code was just used");
      }
      return account;
    });
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
}
