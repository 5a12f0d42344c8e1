package org.downline.app.prospect;

import static org.downline.csv.ProspectingCsvWriter.CHANNELS;
import static org.downline.csv.ProspectingCsvWriter.COMMUNITIES;
import static org.downline.csv.ProspectingCsvWriter.COMMUNITY_MEMBERS;
import static org.downline.csv.ProspectingCsvWriter.CONTACTS;
import static org.downline.csv.ProspectingCsvWriter.FOLLOW_UPS;
import static org.downline.csv.ProspectingCsvWriter.LINKS;
import static org.downline.csv.ProspectingCsvWriter.OPTIONS;
import static org.downline.csv.ProspectingCsvWriter.PROSPECTS;
import static org.downline.csv.ProspectingCsvWriter.STAGES;
import static org.downline.csv.ProspectingCsvWriter.TOUCHES;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.downline.core.InputErrors;
import org.downline.core.InvalidInputException;
import org.downline.core.Progress;
import org.downline.csv.CsvInput;
import org.downline.prospect.Cadence;
import org.downline.prospect.ChannelKind;
import org.downline.prospect.Coded;
import org.downline.prospect.Consent;
import org.downline.prospect.Duplicates;
import org.downline.prospect.Outcome;
import org.downline.prospect.Source;
import org.downline.prospect.Stage;
import org.downline.prospect.Tie;
import org.downline.prospect.TouchKind;
import org.downline.store.Database;
import org.downline.store.ProspectStore;
import org.downline.store.ProspectingWriter;
import org.downline.store.ProspectingWriter.ChannelRow;
import org.downline.store.ProspectingWriter.CommunityRow;
import org.downline.store.ProspectingWriter.ContactRow;
import org.downline.store.ProspectingWriter.FollowUpRow;
import org.downline.store.ProspectingWriter.Pair;
import org.downline.store.ProspectingWriter.ProspectDay;
import org.downline.store.ProspectingWriter.ProspectRow;
import org.downline.store.ProspectingWriter.TouchRow;

/**
 * Imports the prospecting files ({@code downline generate --contacts-per-distributor}, layout in
 * docs/generate.md) for many distributors at once. Every file is read twice: first checked whole
 * (owners are distributors, every number names a row of its file, contact and community of the same
 * owner, codes, days, lengths), refusing everything with file, line, column and reason; then
 * written in one transaction, a chunk at a time, in bulk ({@link ProspectingWriter}: COPY on
 * PostgreSQL). The files' numbers become ids above those stored. Reasons never quote a contact's
 * data, which stays out of logs.
 */
public final class ProspectingImport {
  /**
   * Rows held before a bulk write: few enough to keep memory flat at 20M contacts (a few hundred MB
   * at most). A table the import more than fills is written straight by every chunk
   * ({@link ProspectingWriter.Load}); into a larger table each chunk's staged keys are checked
   * against the whole table, which PostgreSQL may do by a scan of it: the fewer chunks, the fewer scans.
   */
  static final int CHUNK = 500_000;

  private final Database db;
  private final Progress progress;

  public ProspectingImport(Database db, Progress progress) {
    this.db = db;
    this.progress = progress;
  }

  /** Rows written per file, in {@link org.downline.csv.ProspectingCsvWriter#FILES}' order. */
  public record Report(long contacts, long channels, long communities, long communityMembers, long links, long prospects,
      long stageEntries, long options, long touches, long followUps) {
    @Override
    public String toString() {
      return String.format(java.util.Locale.ROOT, "Imported prospecting: %,d contacts, %,d channels, %,d communities (%,d memberships),"
          + " %,d links, %,d prospects (%,d stage entries, %,d options), %,d touches, %,d follow-ups.", contacts, channels,
          communities, communityMembers, links, prospects, stageEntries, options, touches, followUps);
    }
  }

  /** True when the directory holds prospecting files (contacts.csv). */
  public static boolean present(Path dir) {
    return Files.exists(dir.resolve(CONTACTS));
  }

  public Report importDirectory(Path dir) {
    if (!present(dir)) throw InvalidInputException.of(dir.toString(), 0, "", "no " + CONTACTS + " in the directory");
    Check check = db.inTransaction(c -> new Check(distributors(c), stageCodes(c)));
    InputErrors errors = new InputErrors();
    Reader reader = new Reader(dir, check, errors, true);
    reader.all(null);
    errors.throwIfAny();
    return db.inTransaction(c -> {
      long[] last = ProspectingWriter.lastIds(c);
      // The first reading's counts decide which tables load straight, their indexes and keys made once after.
      ProspectingWriter.Load load = ProspectingWriter.load(c, reader.count);
      Writer w = new Writer(c, last, load);
      Reader again = new Reader(dir, check, errors, false);
      again.all(w);
      errors.throwIfAny(); // unchanged files read the same; a file changed meanwhile rolls back
      load.finish(c);
      ProspectingWriter.restartIdentities(c, db.isPostgres());
      // Fresh statistics: planned on the empty tables' figures, the pipeline read scanned every prospect (1.3 s at 2M contacts, 40 ms after).
      if (db.isPostgres()) ProspectingWriter.analyze(c);
      return new Report(again.count[0], again.count[1], again.count[2], again.count[3], again.count[4], again.count[5],
          again.count[6], again.count[7], again.count[8], again.count[9]);
    });
  }

  private static Set<String> distributors(Connection c) throws SQLException {
    return new HashSet<>(ProspectStore.distributorIds(c));
  }

  private static Set<String> stageCodes(Connection c) throws SQLException {
    Set<String> out = new HashSet<>();
    for (Stage s : ProspectStore.stages(c).list()) out.add(s.code());
    return out;
  }

  /** What the first reading learns and the second relies on: who owns each numbered row. */
  private static final class Check {
    final Set<String> distributors;
    final Set<String> stages;
    final List<String> owners = new ArrayList<>();
    final Map<String, Integer> ownerIndex = new HashMap<>();
    int[] contactOwner = new int[1024];
    int contacts;
    int[] communityOwner = new int[64];
    int communities;
    int[] prospectContact = new int[1024];
    int prospects;

    Check(Set<String> distributors, Set<String> stages) {
      this.distributors = distributors;
      this.stages = stages;
    }

    int owner(String id) {
      return ownerIndex.computeIfAbsent(id, k -> {
        owners.add(k);
        return owners.size() - 1;
      });
    }

    static int[] put(int[] a, int at, int value) {
      int[] out = at < a.length ? a : Arrays.copyOf(a, Math.max(a.length * 2, at + 1));
      out[at] = value;
      return out;
    }
  }

  /** Unchecked carrier of a database error out of a row callback. */
  private static final class Failed extends RuntimeException {
    Failed(SQLException e) {
      super(e);
    }
  }

  /** The second reading's rows, written a chunk at a time, ids numbered above the stored ones. */
  private static final class Writer {
    final Connection c;
    final long[] last;
    final long[] next;
    final List<ContactRow> contacts = new ArrayList<>();
    final List<ChannelRow> channels = new ArrayList<>();
    final List<CommunityRow> communities = new ArrayList<>();
    final List<Pair> pairs = new ArrayList<>();
    final List<ProspectRow> prospects = new ArrayList<>();
    final List<ProspectDay> days = new ArrayList<>();
    final List<TouchRow> touches = new ArrayList<>();
    final List<FollowUpRow> followUps = new ArrayList<>();

    final ProspectingWriter.Load load;

    Writer(Connection c, long[] last, ProspectingWriter.Load load) {
      this.c = c;
      this.load = load;
      this.last = last;
      this.next = last.clone();
    }

    /** The id of the n-th row (from 1) of a numbered table: index into {@link ProspectingWriter#NUMBERED}. */
    long id(int table, long n) {
      return last[table] + n;
    }

    long nextId(int table) {
      return ++next[table];
    }

    <T> void add(List<T> rows, T row, SqlWrite<T> write) {
      rows.add(row);
      if (rows.size() >= CHUNK) flush(rows, write);
    }

    <T> void flush(List<T> rows, SqlWrite<T> write) {
      if (rows.isEmpty()) return;
      try {
        write.write(c, rows, load);
      } catch (SQLException e) {
        throw new Failed(e);
      }
      rows.clear();
    }
  }

  @FunctionalInterface
  private interface SqlWrite<T> {
    void write(Connection c, List<T> rows, ProspectingWriter.Load load) throws SQLException;
  }

  private static final int CONTACT = 0;
  private static final int CHANNEL = 1;
  private static final int CONSENT = 2;
  private static final int COMMUNITY = 3;
  private static final int PROSPECT = 4;
  private static final int STAGE_ENTRY = 5;
  private static final int OPTION = 6;
  private static final int TOUCH = 7;
  private static final int FOLLOW_UP = 8;

  /** One reading of every file: checking (first) or writing (second, {@code w} given). */
  private final class Reader {
    final Path dir;
    final Check k;
    final InputErrors errors;
    final boolean checking;
    final long[] count = new long[10];
    final BitSet prospected = new BitSet();

    Reader(Path dir, Check k, InputErrors errors, boolean checking) {
      this.dir = dir;
      this.k = k;
      this.errors = errors;
      this.checking = checking;
    }

    void all(Writer w) {
      try {
        contacts(w);
        communities(w);
        channels(w);
        communityMembers(w);
        links(w);
        prospects(w);
        prospectDays(w, STAGES, true);
        prospectDays(w, OPTIONS, false);
        touches(w);
        followUps(w);
      } catch (Failed e) {
        // The driver's message quotes the rows' values (names, addresses): personal data stays out of the message and logs.
        String state = ((SQLException) e.getCause()).getSQLState();
        throw new org.downline.store.StoreException(new SQLException("a bulk write of the prospecting files failed (SQLSTATE " + state
            + "); nothing was written", state));
      }
    }

    private boolean read(String file, String[] required, Consumer<CsvInput.Row> onRow) {
      Path path = dir.resolve(file);
      if (!Files.exists(path)) return false;
      new CsvInput(path, CsvInput.Rules.FILE, errors, progress).read((checking ? "checking " : "importing ") + file, required, onRow);
      return true;
    }

    private String text(CsvInput.Row r, String column, int max, boolean required) {
      String s = required ? r.required(column) : r.text(column);
      if (s != null && s.length() > max) r.error(column, "is " + s.length() + " characters long; at most " + max + " are allowed");
      return s;
    }

    private <E extends Enum<E> & Coded> E code(CsvInput.Row r, String column, Class<E> type, boolean required) {
      String s = required ? r.required(column) : r.text(column);
      if (s == null) return null;
      StringBuilder allowed = new StringBuilder();
      for (E e : type.getEnumConstants()) {
        if (e.code().equals(s)) return e;
        allowed.append(allowed.isEmpty() ? "" : ", ").append(e.code());
      }
      r.error(column, "is not one of " + allowed);
      return null;
    }

    /** A number naming row 1..n of another file. */
    private int ref(CsvInput.Row r, String column, int n, String file) {
      int v = r.integer(column, 0);
      if (r.text(column) == null) r.error(column, "is empty");
      else if (v < 1 || v > n) r.error(column, "names no row of " + file + " (1 to " + n + ")");
      return v;
    }

    /** The row's own number: 1, 2, 3... in order, so other files can name it. */
    private int own(CsvInput.Row r, long expected) {
      int v = r.integer("id", 0);
      if (v != expected) r.error("id", "must be " + expected + ": rows are numbered 1, 2, 3... in order");
      return v;
    }

    private void contacts(Writer w) {
      long[] n = {0};
      read(CONTACTS, new String[] {"id", "owner_id", "name", "created_on"}, r -> {
        int id = own(r, ++n[0]);
        String owner = r.required("owner_id");
        if (owner != null && !k.distributors.contains(owner)) r.error("owner_id", "is not a distributor");
        String name = text(r, "name", 200, true);
        String how = text(r, "how_we_know", 500, false);
        Tie tie = code(r, "tie", Tie.class, false);
        int cadence = r.integer("cadence_days", 0);
        if (cadence < 0 || (cadence == 0 && r.text("cadence_days") != null)) r.error("cadence_days", "must be a whole number of days above 0");
        int lastTouch = r.day("last_touch", Cadence.NONE);
        boolean dnc = r.flag("do_not_contact");
        int created = r.requiredDay("created_on");
        if (r.bad()) return;
        if (checking) {
          k.contactOwner = Check.put(k.contactOwner, id, k.owner(owner));
          k.contacts = id;
        } else {
          Integer days = cadence > 0 ? cadence : null;
          w.add(w.contacts, new ContactRow(w.id(CONTACT, id), owner, name, Duplicates.nameKey(name), how,
              (tie == null ? Tie.ACQUAINTANCE : tie).code(), days, lastTouch,
              days == null ? Cadence.NONE : Cadence.nextDue(lastTouch, created, days), dnc, created), ProspectingWriter::contacts);
        }
      });
      if (w != null) w.flush(w.contacts, ProspectingWriter::contacts);
      count[0] = n[0];
    }

    private void communities(Writer w) {
      long[] n = {0};
      read(COMMUNITIES, new String[] {"id", "owner_id", "name"}, r -> {
        int id = own(r, ++n[0]);
        String owner = r.required("owner_id");
        if (owner != null && !k.distributors.contains(owner)) r.error("owner_id", "is not a distributor");
        String name = text(r, "name", 200, true);
        String kind = text(r, "kind", 32, false);
        if (r.bad()) return;
        if (checking) {
          k.communityOwner = Check.put(k.communityOwner, id, k.owner(owner));
          k.communities = id;
        } else {
          w.add(w.communities, new CommunityRow(w.id(COMMUNITY, id), owner, name, kind), ProspectingWriter::communities);
        }
      });
      if (w != null) w.flush(w.communities, ProspectingWriter::communities);
      count[2] = n[0];
    }

    private void channels(Writer w) {
      long[] n = {0};
      read(CHANNELS, new String[] {"contact_id", "kind", "address"}, r -> {
        int contact = ref(r, "contact_id", k.contacts, CONTACTS);
        ChannelKind kind = code(r, "kind", ChannelKind.class, true);
        String label = text(r, "label", 64, false);
        String address = text(r, "address", 200, true);
        String normalised = null;
        if (kind != null && address != null) {
          try {
            normalised = Contacts.normalise(kind, address, null);
          } catch (InvalidInputException e) {
            r.error("address", "is not a " + kind.code() + " this import can read (a phone needs its +country code)");
          }
        }
        Consent consent = code(r, "consent", Consent.class, false);
        int on = r.day("consent_on", Integer.MIN_VALUE);
        if (consent != null && consent != Consent.UNKNOWN && on == Integer.MIN_VALUE) r.error("consent_on", "is empty; a given or refused consent needs its day");
        String how = text(r, "consent_how", 200, false);
        String words = text(r, "consent_words", 1000, false);
        if (r.bad()) return;
        n[0]++;
        if (!checking) {
          Consent c = consent == null ? Consent.UNKNOWN : consent;
          boolean recorded = c != Consent.UNKNOWN;
          w.add(w.channels, new ChannelRow(w.nextId(CHANNEL), w.id(CONTACT, contact), k.owners.get(k.contactOwner[contact]), kind.code(),
              label, address, normalised, c.code(), recorded ? on : Integer.MIN_VALUE, recorded ? how : null, recorded ? words : null,
              recorded ? w.nextId(CONSENT) : 0), ProspectingWriter::channels);
        }
      });
      if (w != null) w.flush(w.channels, ProspectingWriter::channels);
      count[1] = n[0];
    }

    private void communityMembers(Writer w) {
      long[] n = {0};
      read(COMMUNITY_MEMBERS, new String[] {"community_id", "contact_id"}, r -> {
        int community = ref(r, "community_id", k.communities, COMMUNITIES);
        int contact = ref(r, "contact_id", k.contacts, CONTACTS);
        if (r.bad()) return;
        if (k.communityOwner[community] != k.contactOwner[contact]) r.error("contact_id", "belongs to another owner than the community");
        if (r.bad()) return;
        n[0]++;
        if (!checking) w.add(w.pairs, new Pair(null, w.id(COMMUNITY, community), w.id(CONTACT, contact)), ProspectingWriter::communityMembers);
      });
      if (w != null) w.flush(w.pairs, ProspectingWriter::communityMembers);
      count[3] = n[0];
    }

    private void links(Writer w) {
      long[] n = {0};
      read(LINKS, new String[] {"contact_a", "contact_b"}, r -> {
        int a = ref(r, "contact_a", k.contacts, CONTACTS);
        int b = ref(r, "contact_b", k.contacts, CONTACTS);
        if (r.bad()) return;
        if (a == b) r.error("contact_b", "is contact_a: a contact is not linked to themselves");
        else if (k.contactOwner[a] != k.contactOwner[b]) r.error("contact_b", "belongs to another owner than contact_a");
        if (r.bad()) return;
        n[0]++;
        if (!checking) {
          w.add(w.pairs, new Pair(k.owners.get(k.contactOwner[a]), w.id(CONTACT, Math.min(a, b)), w.id(CONTACT, Math.max(a, b))),
              ProspectingWriter::links);
        }
      });
      if (w != null) w.flush(w.pairs, ProspectingWriter::links);
      count[4] = n[0];
    }

    private void prospects(Writer w) {
      long[] n = {0};
      read(PROSPECTS, new String[] {"id", "contact_id", "stage", "opened_on"}, r -> {
        int id = own(r, ++n[0]);
        int contact = ref(r, "contact_id", k.contacts, CONTACTS);
        if (!r.bad() && prospected.get(contact)) r.error("contact_id", "has a prospect already (one per contact)");
        String winWords = text(r, "win_words", 2000, false);
        String tags = text(r, "win_tags", 2000, false);
        String stage = r.required("stage");
        if (stage != null && !k.stages.contains(stage)) r.error("stage", "is not a stage (" + String.join(", ", new java.util.TreeSet<>(k.stages)) + ")");
        Outcome outcome = code(r, "outcome", Outcome.class, false);
        int outcomeOn = r.day("outcome_on", Integer.MIN_VALUE);
        if (outcome != null && outcomeOn == Integer.MIN_VALUE) r.error("outcome_on", "is empty; an outcome needs its day");
        int reconnect = r.day("reconnect_on", Integer.MIN_VALUE);
        if (outcome == Outcome.NOT_NOW && reconnect == Integer.MIN_VALUE) r.error("reconnect_on", "is empty; not now needs a day to reconnect");
        String fit = r.text("fit");
        if (fit != null && !fit.equals("yes") && !fit.equals("no")) r.error("fit", "is not yes or no");
        String fitWhy = text(r, "fit_why", 2000, false);
        boolean skipped = r.flag("stage2_skipped");
        Source source = code(r, "source", Source.class, false);
        String detail = text(r, "source_detail", 200, false);
        String campaign = text(r, "campaign_code", 64, false);
        int opened = r.requiredDay("opened_on");
        if (r.bad()) return;
        prospected.set(contact);
        if (checking) {
          k.prospectContact = Check.put(k.prospectContact, id, contact);
          k.prospects = id;
        } else {
          List<String> tagList = new ArrayList<>();
          if (tags != null) for (String t : tags.split(";")) if (!t.isBlank() && !tagList.contains(t.strip())) tagList.add(t.strip());
          w.add(w.prospects, new ProspectRow(w.id(PROSPECT, id), k.owners.get(k.contactOwner[contact]), w.id(CONTACT, contact), winWords,
              tagList, stage, outcome == null ? null : outcome.code(), outcomeOn, reconnect, fit, fitWhy, skipped,
              source == null ? null : source.code(), detail, campaign, opened), ProspectingWriter::prospects);
        }
      });
      if (w != null) w.flush(w.prospects, ProspectingWriter::prospects);
      count[5] = n[0];
    }

    /** Stage entries (stage codes) or options (descriptions) of the prospects. */
    private void prospectDays(Writer w, String file, boolean stages) {
      long[] n = {0};
      String column = stages ? "stage" : "description";
      String day = stages ? "entered_on" : "recorded_on";
      SqlWrite<ProspectDay> write = stages ? ProspectingWriter::stageEntries : ProspectingWriter::options;
      read(file, new String[] {"prospect_id", column, day}, r -> {
        int prospect = ref(r, "prospect_id", k.prospects, PROSPECTS);
        String text = text(r, column, 500, true);
        if (stages && text != null && !k.stages.contains(text)) r.error("stage", "is not a stage");
        int on = r.requiredDay(day);
        if (r.bad()) return;
        n[0]++;
        if (!checking) w.add(w.days, new ProspectDay(w.nextId(stages ? STAGE_ENTRY : OPTION), w.id(PROSPECT, prospect), text, on), write);
      });
      if (w != null) w.flush(w.days, write);
      count[stages ? 6 : 7] = n[0];
    }

    private void touches(Writer w) {
      long[] n = {0};
      read(TOUCHES, new String[] {"contact_id", "kind", "touched_on"}, r -> {
        int contact = ref(r, "contact_id", k.contacts, CONTACTS);
        TouchKind kind = code(r, "kind", TouchKind.class, true);
        String channel = r.text("channel");
        if (channel != null && !Touches.CHANNELS.contains(channel)) r.error("channel", "is not one of " + String.join(", ", new java.util.TreeSet<>(Touches.CHANNELS)));
        int on = r.requiredDay("touched_on");
        boolean opening = r.flag("opening");
        String message = text(r, "opening_message", 64, false);
        Boolean answered = r.text("answered") == null ? null : r.flag("answered");
        String asked = text(r, "asked", 2000, false);
        String heard = text(r, "heard", 2000, false);
        if (r.bad()) return;
        n[0]++;
        if (!checking) {
          w.add(w.touches, new TouchRow(w.nextId(TOUCH), k.owners.get(k.contactOwner[contact]), w.id(CONTACT, contact), kind.code(), channel,
              on, opening, message, answered, asked, heard), ProspectingWriter::touches);
        }
      });
      if (w != null) w.flush(w.touches, ProspectingWriter::touches);
      count[8] = n[0];
    }

    private void followUps(Writer w) {
      long[] n = {0};
      read(FOLLOW_UPS, new String[] {"contact_id", "due_on", "what"}, r -> {
        int contact = ref(r, "contact_id", k.contacts, CONTACTS);
        int due = r.requiredDay("due_on");
        String what = text(r, "what", 500, true);
        int done = r.day("done_on", Integer.MIN_VALUE);
        if (r.bad()) return;
        n[0]++;
        if (!checking) {
          w.add(w.followUps, new FollowUpRow(w.nextId(FOLLOW_UP), k.owners.get(k.contactOwner[contact]), w.id(CONTACT, contact), due, what,
              done), ProspectingWriter::followUps);
        }
      });
      if (w != null) w.flush(w.followUps, ProspectingWriter::followUps);
      count[9] = n[0];
    }
  }
}
