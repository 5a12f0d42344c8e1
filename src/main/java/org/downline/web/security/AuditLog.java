package org.downline.web.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who wrote what, and when: one row per write by a signed-in user. Targets and details hold ids and
 * counts only, never personal data (names, emails, phones, tax ids).
 */
@Component
public final class AuditLog {
  private final JdbcClient jdbc;

  public AuditLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void write(String actor, String action, String target, String detail) {
    jdbc.sql("INSERT INTO audit_log (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)")
        .params(Timestamp.from(Instant.now()), actor, action, target,
            detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000))
        .update();
  }

  public record Entry(long id, Instant at, String actor, String action, String target, String detail) {}

  public List<Entry> latest(int limit) {
    return jdbc.sql("SELECT id, at, actor, action, target, detail FROM audit_log ORDER BY id DESC")
        .withMaxRows(limit)
        .query((rs, n) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6)))
        .list();
  }
}
