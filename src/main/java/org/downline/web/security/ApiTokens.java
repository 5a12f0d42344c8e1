package org.downline.web.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.downline.store.Database;
import org.downline.store.StoreException;

/**
 * Tokens that staff issue to API clients ({@code Authorization: Bearer dl_...}) and revoke. Only a
 * SHA-256 of each token is kept: tokens are long and random, so a slow hash adds nothing, and a copy
 * of the table hands out no access. A token acts as its login, and stops when the login is disabled.
 */
public final class ApiTokens {
  public static final String PREFIX = "dl_";

  private final Database db;
  private final UserStore users;

  public ApiTokens(Database db, UserStore users) {
    this.db = db;
    this.users = users;
  }

  /** A token as listed: never the token itself. */
  public record Listed(long id, String username, String label, String createdBy, Instant createdAt, Instant revokedAt) {}

  /** Issues a token for a login and returns it; it is shown this once. */
  public String issue(String username, String label, String issuedBy) {
    Account account = users.find(username).orElseThrow(() -> new org.downline.core.NotFoundException(
        "no login '" + username + "'"));
    String token = PREFIX + UserStore.randomSecret(40);
    db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO api_token (token_hash, username, label, created_by,"
          + " created_at) VALUES (?, ?, ?, ?, ?)")) {
        ps.setString(1, digest(token));
        ps.setString(2, account.username());
        ps.setString(3, label == null ? null : label.strip());
        ps.setString(4, issuedBy);
        ps.setTimestamp(5, Timestamp.from(Instant.now()));
        ps.executeUpdate();
      }
      return null;
    });
    return token;
  }

  /** Revokes a token by its id; false when there is no such token or it was revoked already. */
  public boolean revoke(long id, String revokedBy) {
    return db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE api_token SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL")) {
        ps.setTimestamp(1, Timestamp.from(Instant.now()));
        ps.setString(2, revokedBy);
        ps.setLong(3, id);
        return ps.executeUpdate() == 1;
      }
    });
  }

  public List<Listed> list() {
    try (Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement("SELECT id, username, label, created_by, created_at, revoked_at"
            + " FROM api_token ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      List<Listed> out = new ArrayList<>();
      while (rs.next()) {
        Timestamp revoked = rs.getTimestamp(6);
        out.add(new Listed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getTimestamp(5).toInstant(), revoked == null ? null : revoked.toInstant()));
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  /** The enabled login a live token stands for; empty for an unknown or revoked token or a disabled login. */
  public Optional<Account> account(String token) {
    if (token == null || !token.startsWith(PREFIX) || token.length() > 200) return Optional.empty();
    String username;
    try (Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT username FROM api_token WHERE token_hash = ? AND revoked_at IS NULL")) {
      ps.setString(1, digest(token));
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) return Optional.empty();
        username = rs.getString(1);
      }
    } catch (SQLException e) {
      throw new StoreException(e);
    }
    return users.find(username).filter(Account::enabled);
  }

  static String digest(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
