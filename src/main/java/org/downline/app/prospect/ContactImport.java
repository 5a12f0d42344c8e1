package org.downline.app.prospect;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.downline.core.InputErrors;
import org.downline.core.InvalidInputException;
import org.downline.core.Progress;
import org.downline.csv.CsvInput;
import org.downline.prospect.ChannelKind;
import org.downline.prospect.Consent;
import org.downline.prospect.Duplicates;
import org.downline.prospect.Tie;
import org.downline.store.Audit;
import org.downline.store.ContactStore;
import org.downline.store.Database;

/**
 * Importing contacts from a CSV file ({@link #CSV_HEADER}) or vCard 3.0/4.0 (FN, N, TEL, EMAIL,
 * ORG, NOTE; folded lines). The whole file is checked first: any bad row refuses the file with
 * file, line and reason, and nothing is written. A row that matches an existing contact (or an
 * earlier row) by email, phone or name is not added but reported, to merge by hand.
 */
public final class ContactImport {
  /**
   * The CSV header: name is required, every other column may be left out. tie is close, friend or
   * acquaintance (empty: acquaintance); cadence_days a whole number of days; communities are names
   * separated by {@code ;} (made when new); email_consent and phone_consent are given, refused or
   * unknown (empty: unknown), and a given or refused one needs consent_on (YYYY-MM-DD) and may say
   * consent_how.
   */
  public static final String CSV_HEADER =
      "name,tie,how_we_know,email,phone,organisation,notes,cadence_days,communities,email_consent,phone_consent,consent_on,consent_how";

  private final Database db;

  public ContactImport(Database db) {
    this.db = db;
  }

  /** A row not added: its line, and the contact it matched (stored before, or added from an earlier row) and by what. */
  public record Duplicate(long line, long existingId, String by) {}

  public record Report(int read, int added, List<Duplicate> duplicates) {}

  private record ChannelIn(ChannelKind kind, String value, String normalised, Consent consent) {}

  private record Parsed(long line, Contacts.ContactForm form, List<ChannelIn> channels, List<String> communities,
      LocalDate consentOn, String consentHow) {}

  /** A file ending .vcf or .vcard is read as vCard, any other as CSV (as the command line and the pages decide). */
  public static boolean isVCard(String fileName) {
    return fileName.toLowerCase(java.util.Locale.ROOT).matches(".*\\.(vcf|vcard)");
  }

  /** Imports one file, vCard or CSV by its name ({@link #isVCard}). */
  public Report file(Actor actor, Path file, String callingCode, LocalDate today, Progress progress) {
    return isVCard(file.getFileName().toString()) ? vcard(actor, file, callingCode, today)
        : csv(actor, file, callingCode, today, progress);
  }

  /**
   * Imports an upload under its own name {@code fileName} (already safe as a file name), so refusals
   * name the file the distributor chose; the copy lives in a temporary directory only while it is read.
   */
  public Report upload(Actor actor, String fileName, java.io.InputStream content, String callingCode, LocalDate today) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("downline-contacts");
      Path file = dir.resolve(fileName);
      Files.copy(content, file);
      return file(actor, file, callingCode, today, Progress.NONE);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot store the upload", e); // the server's disk, not the user's file
    } finally {
      if (dir != null) {
        try (var files = Files.list(dir)) {
          for (Path f : files.toList()) Files.deleteIfExists(f);
          Files.deleteIfExists(dir);
        } catch (IOException ignored) {
          // a temporary file left behind is harmless; the next boot's temp cleaning removes it
        }
      }
    }
  }

  /** callingCode: digits given to national phone numbers (e.g. 40), null to refuse them. */
  public Report csv(Actor actor, Path file, String callingCode, LocalDate today, Progress progress) {
    String owner = actor.owner();
    InputErrors errors = new InputErrors();
    CsvInput in = new CsvInput(file, CsvInput.Rules.STORE, errors, progress);
    String name = in.file();
    List<Parsed> rows = new ArrayList<>();
    in.read("contacts", new String[] {"name"}, row -> {
      String n = row.required("name");
      Tie tie = null;
      String t = row.text("tie");
      if (t != null) {
        try {
          tie = Tie.ofCode(t.toLowerCase(java.util.Locale.ROOT));
        } catch (InvalidInputException e) {
          row.error("tie", Texts.reason("importTie"));
        }
      }
      int cadence = row.integer("cadence_days", 0);
      if (row.text("cadence_days") != null && (cadence < 1 || cadence > 3660)) row.error("cadence_days", Texts.reason("importCadence"));
      List<ChannelIn> channels = new ArrayList<>();
      Consent ec = consent(row, "email_consent");
      Consent pc = consent(row, "phone_consent");
      channel(row, ChannelKind.EMAIL, row.text("email"), ec, callingCode, channels);
      channel(row, ChannelKind.PHONE, row.text("phone"), pc, callingCode, channels);
      int on = row.day("consent_on", Integer.MIN_VALUE);
      if ((ec != Consent.UNKNOWN || pc != Consent.UNKNOWN) && row.text("consent_on") == null) {
        row.error("consent_on", Texts.reason("importConsentOn"));
      }
      List<String> communities = new ArrayList<>();
      String cs = row.text("communities");
      if (cs != null) {
        for (String c : cs.split(";")) {
          String s = c.strip();
          if (s.length() > 200) row.error("communities", Texts.reason("importCommunity", 200));
          else if (!s.isEmpty() && !communities.contains(s)) communities.add(s);
        }
      }
      if (n != null && n.length() > 200) row.error("name", Texts.reason("atMost", 200));
      check(row, "how_we_know", 500);
      check(row, "organisation", 200);
      if (row.bad()) return;
      rows.add(new Parsed(row.line(), new Contacts.ContactForm(n, row.text("how_we_know"), tie, row.text("organisation"), row.text("notes"),
          row.text("cadence_days") == null ? null : cadence), channels, communities,
          on == Integer.MIN_VALUE ? null : LocalDate.ofEpochDay(on), row.text("consent_how")));
    });
    errors.throwIfAny();
    return write(actor, owner, name, rows, today);
  }

  private static void check(CsvInput.Row row, String column, int max) {
    String s = row.text(column);
    if (s != null && s.length() > max) row.error(column, Texts.reason("atMost", max));
  }

  private static Consent consent(CsvInput.Row row, String column) {
    String s = row.text(column);
    if (s == null) return Consent.UNKNOWN;
    try {
      return Consent.ofCode(s.toLowerCase(java.util.Locale.ROOT));
    } catch (InvalidInputException e) {
      row.error(column, Texts.reason("importConsent"));
      return Consent.UNKNOWN;
    }
  }

  private static void channel(CsvInput.Row row, ChannelKind kind, String value, Consent consent, String callingCode, List<ChannelIn> out) {
    if (value == null) return;
    try {
      String normal = kind == ChannelKind.EMAIL ? Duplicates.email(value) : Duplicates.phone(value, callingCode);
      out.add(new ChannelIn(kind, value, normal, consent));
    } catch (IllegalArgumentException e) {
      row.error(kind.code(), Contacts.reasonWithoutValue(kind));
    }
  }

  public Report vcard(Actor actor, Path file, String callingCode, LocalDate today) {
    String owner = actor.owner();
    String name = file.getFileName().toString();
    InputErrors errors = new InputErrors();
    List<VCard.Card> cards;
    var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try (Reader in = new java.io.InputStreamReader(Files.newInputStream(file), decoder)) {
      cards = VCard.read(name, in, errors);
    } catch (CharacterCodingException e) {
      throw InvalidInputException.of(name, 0, null, Texts.reason("importNotUtf8"));
    } catch (IOException e) {
      throw InvalidInputException.of(name, 0, null, "cannot read file: " + e.getMessage());
    }
    List<Parsed> rows = new ArrayList<>();
    for (VCard.Card c : cards) {
      boolean bad = false;
      List<ChannelIn> channels = new ArrayList<>();
      for (String e : c.emails()) {
        try {
          channels.add(new ChannelIn(ChannelKind.EMAIL, e.strip(), Duplicates.email(e), Consent.UNKNOWN));
        } catch (IllegalArgumentException x) {
          errors.add(name, c.line(), "EMAIL", Contacts.reasonWithoutValue(ChannelKind.EMAIL));
          bad = true;
        }
      }
      for (String p : c.phones()) {
        try {
          channels.add(new ChannelIn(ChannelKind.PHONE, p.strip(), Duplicates.phone(p, callingCode), Consent.UNKNOWN));
        } catch (IllegalArgumentException x) {
          errors.add(name, c.line(), "TEL", Contacts.reasonWithoutValue(ChannelKind.PHONE));
          bad = true;
        }
      }
      String reason = length(c.name(), 200, "FN") + length(c.organisation(), 200, "ORG") + length(c.note(), 4000, "NOTE");
      if (!reason.isEmpty()) {
        errors.add(name, c.line(), null, reason.strip());
        bad = true;
      }
      for (ChannelIn ch : channels) {
        if (ch.value().length() > 200) {
          errors.add(name, c.line(), ch.kind() == ChannelKind.EMAIL ? "EMAIL" : "TEL", Texts.reason("atMost", 200));
          bad = true;
        }
      }
      if (!bad) {
        rows.add(new Parsed(c.line(), new Contacts.ContactForm(c.name(), null, null, c.organisation(), c.note(), null), channels,
            List.of(), null, null));
      }
    }
    errors.throwIfAny();
    return write(actor, owner, name, rows, today);
  }

  private static String length(String s, int max, String what) {
    return s != null && s.length() > max ? what + " has at most " + max + " characters. " : "";
  }

  /** Checks every row against the stored contacts and the earlier rows, then writes the new ones in one transaction. */
  private Report write(Actor actor, String owner, String file, List<Parsed> rows, LocalDate today) {
    return db.inTransaction(c -> {
      if (!org.downline.store.ProspectStore.memberExists(c, owner)) throw Texts.notFound("noMember", owner);
      List<Duplicates.Candidate> known = new ArrayList<>(ContactStore.candidates(c, owner));
      List<Duplicate> duplicates = new ArrayList<>();
      Map<String, Long> communityIds = new HashMap<>();
      for (ContactStore.Community m : ContactStore.communities(c, owner)) communityIds.putIfAbsent(m.name(), m.id());
      int added = 0;
      for (Parsed p : rows) {
        ContactStore.Fields f = Contacts.fields(p.form());
        Set<String> emails = new LinkedHashSet<>();
        Set<String> phones = new LinkedHashSet<>();
        for (ChannelIn ch : p.channels()) (ch.kind() == ChannelKind.EMAIL ? emails : phones).add(ch.normalised());
        Duplicates.Candidate cand = new Duplicates.Candidate(Long.MIN_VALUE, f.nameKey(), emails, phones);
        List<Duplicates.Match> m = Duplicates.find(cand, known);
        if (!m.isEmpty()) {
          long existing = m.getFirst().id();
          duplicates.add(new Duplicate(p.line(), existing, m.getFirst().by()));
          continue;
        }
        long id = ContactStore.insert(c, owner, f, today, Contacts.nextDue(null, today, f.cadenceDays()));
        for (ChannelIn ch : p.channels()) {
          long chId = ContactStore.insertChannel(c, owner, id, ch.kind(), null, ch.value(), ch.normalised());
          if (ch.consent() != Consent.UNKNOWN) {
            ContactStore.recordConsent(c, owner, chId, new ContactStore.ConsentRecord(ch.consent(), p.consentOn(), p.consentHow(), null));
          }
        }
        for (String community : p.communities()) {
          Long cid = communityIds.get(community);
          if (cid == null) {
            cid = ContactStore.insertCommunity(c, owner, community, null);
            communityIds.put(community, cid);
          }
          ContactStore.addMember(c, cid, id);
        }
        known.add(new Duplicates.Candidate(id, f.nameKey(), emails, phones));
        added++;
      }
      Audit.write(c, actor.username(), "contacts.import", "file " + file, rows.size() + " read, " + added + " added, "
          + duplicates.size() + " duplicates");
      return new Report(rows.size(), added, duplicates);
    });
  }
}
