package org.downline.app.prospect;

import java.io.Reader;
import java.time.LocalDate;
import java.util.List;
import org.downline.store.Database;

/**
 * Importing contacts from a CSV file ({@link #CSV_HEADER}) or vCard 3.0/4.0 (FN, N, TEL, EMAIL,
 * ORG, NOTE; folded lines). The whole file is checked first: any bad row refuses the file with
 * file, line and reason, and nothing is written. A row that matches an existing contact (or an
 * earlier row) by email, phone or name is not added but reported, to merge by hand.
 */
public final class ContactImport {
  /**
   * The CSV header, exactly: tie is close, friend or acquaintance (empty: acquaintance); communities
   * are names separated by {@code ;} (made when new); email_consent and phone_consent are given,
   * refused or unknown (empty: unknown), recorded on consent_on (YYYY-MM-DD) in the way consent_how.
   */
  public static final String CSV_HEADER =
      "name,tie,how_we_know,email,phone,organisation,notes,cadence_days,communities,email_consent,phone_consent,consent_on,consent_how";

  private final Database db;

  public ContactImport(Database db) {
    this.db = db;
  }

  /** A row not added: its line, and the existing contact it matched (0: an earlier row) and by what. */
  public record Duplicate(long line, String name, long existingId, String by) {}

  public record Report(int read, int added, List<Duplicate> duplicates) {}

  /** callingCode: digits for national phone numbers (e.g. 40), null to refuse them. */
  public Report csv(Actor actor, String fileName, Reader in, String callingCode, LocalDate today) {
    throw new UnsupportedOperationException();
  }

  public Report vcard(Actor actor, String fileName, Reader in, String callingCode, LocalDate today) {
    throw new UnsupportedOperationException();
  }
}
