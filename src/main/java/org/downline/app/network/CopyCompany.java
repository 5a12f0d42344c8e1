package org.downline.app.network;

import java.sql.SQLException;
import java.util.List;
import org.downline.commission.Fingerprint;
import org.downline.core.ConflictException;
import org.downline.core.InvalidInputException;
import org.downline.core.Progress;
import org.downline.store.CompanyCopy;
import org.downline.store.Database;

/**
 * Moves a company from the embedded database into an empty PostgreSQL database ({@code downline
 * copy}, ADR 44): its whole history, every table but the target's own and what is rebuilt there
 * ({@link CompanyCopy#NOT_COPIED}), in one transaction that commits only when every table's rows
 * were counted alike on both sides and every run's lines, read back from the target, give the
 * fingerprint they were stored with.
 */
public final class CopyCompany {
  private CopyCompany() {}

  /**
   * Copies {@code source} into the database at {@code targetUrl}, which is migrated first. Refused
   * ({@link InvalidInputException}) for a source that is PostgreSQL already, a target that is not
   * PostgreSQL or cannot be reached; ({@link ConflictException}) for a target at another schema
   * version, or not empty, or a copy whose counts or fingerprints differ, nothing written.
   */
  public static CompanyCopy.Result copy(Database source, String targetUrl, Progress progress) {
    if (source.isPostgres()) {
      throw InvalidInputException.parameter("--db", "the source is a PostgreSQL database already; copy moves a company"
          + " from the embedded database to PostgreSQL");
    }
    if (!targetUrl.startsWith("jdbc:postgresql:")) {
      throw InvalidInputException.parameter("--to", "the target must be a PostgreSQL database"
          + " (jdbc:postgresql://HOST:5432/NAME?user=USER)");
    }
    try (Database target = open(targetUrl)) {
      List<String> from = source.sharedMigrations();
      List<String> to = target.sharedMigrations();
      if (!from.equals(to)) {
        throw new ConflictException("the source database is at schema version " + last(from) + " and the target at "
            + last(to) + "; open both with the same downline version (nothing was written)");
      }
      return new CompanyCopy(source, target).copy(progress, CopyCompany::sameFingerprints);
    }
  }

  private static Database open(String url) {
    try {
      return Database.open(url);
    } catch (RuntimeException e) {
      // The driver's reason (refused, unknown host, no such database, authentication), never the URL.
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof SQLException sql) {
          throw InvalidInputException.parameter("--to", "cannot open the target database: " + sql.getMessage());
        }
      }
      throw e;
    }
  }

  private static String last(List<String> versions) {
    return versions.isEmpty() ? "none" : versions.getLast();
  }

  /**
   * Each run's lines as the target now holds them give the fingerprint the run was stored with (the
   * SHA-256 of its lines as lines.csv has them). A run whose stored fingerprint its own source lines
   * do not give (stored by other means than a run's computation) must at least give the same
   * fingerprint on both sides.
   */
  static void sameFingerprints(CompanyCopy.Result copied, CompanyCopy.Lines source, CompanyCopy.Lines target) {
    for (CompanyCopy.StoredRun run : copied.runs()) {
      String copiedLines = fingerprint(target, run.id());
      if (copiedLines.equals(run.linesSha256())) continue;
      if (!copiedLines.equals(fingerprint(source, run.id()))) {
        throw new ConflictException("run " + run.id() + " (" + run.period() + "): its lines on the target differ from the"
            + " source's (fingerprint " + copiedLines + "); nothing was written");
      }
    }
  }

  private static String fingerprint(CompanyCopy.Lines lines, long runId) {
    Fingerprint.Rows rows = new Fingerprint.Rows();
    lines.forEach(runId, rows::add);
    return rows.hex();
  }
}
