package org.downline.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.downline.core.Progress;

/**
 * Prospecting rows written in bulk (the prospecting files' import, docs/generate.md): COPY on
 * PostgreSQL, batched inserts on H2 ({@link Bulk}), inside the caller's transaction. Contacts,
 * and every other row with an identity come with their ids (the caller numbers them above
 * {@link #lastIds}); the identities are moved past them afterwards ({@link #restartIdentities}).
 */
public final class ProspectingWriter {
  private static final Bulk.Table CONTACTS = new Bulk.Table("contact", "id, owner_id, name, name_key, how_we_know, tie, cadence_days,"
      + " last_touch, next_touch_due, do_not_contact, created_on", "id");
  private static final Bulk.Table CHANNELS = new Bulk.Table("contact_channel", "id, contact_id, owner_id, kind, label, address,"
      + " normalised, consent, consent_on, consent_how, consent_words", "id");
  private static final Bulk.Table CONSENTS = new Bulk.Table("channel_consent", "id, channel_id, consent, consent_on, how, words", "id");
  private static final Bulk.Table COMMUNITIES = new Bulk.Table("community", "id, owner_id, name, kind", "id");
  private static final Bulk.Table COMMUNITY_MEMBERS = new Bulk.Table("community_member", "community_id, contact_id",
      "community_id, contact_id");
  private static final Bulk.Table LINKS = new Bulk.Table("contact_link", "owner_id, a_id, b_id", "a_id, b_id");
  private static final Bulk.Table PROSPECTS = new Bulk.Table("prospect", "id, owner_id, contact_id, win_words, stage, outcome,"
      + " outcome_on, reconnect_on, fit, fit_why, stage2_skipped, source, source_detail, campaign_code, opened_on", "id");
  private static final Bulk.Table TAGS = new Bulk.Table("prospect_win_tag", "prospect_id, owner_id, tag", "prospect_id, tag");
  private static final Bulk.Table STAGES = new Bulk.Table("prospect_stage_entry", "id, prospect_id, stage, entered_on", "id");
  private static final Bulk.Table OPTIONS = new Bulk.Table("prospect_option", "id, prospect_id, description, recorded_on", "id");
  private static final Bulk.Table TOUCHES = new Bulk.Table("touch", "id, owner_id, contact_id, kind, channel, touched_on, opening,"
      + " opening_message, answered, asked, heard", "id");
  private static final Bulk.Table FOLLOW_UPS = new Bulk.Table("follow_up", "id, owner_id, contact_id, due_on, what, done_on", "id");
  /**
   * Every table with an identity, in {@link #lastIds}'s order: the caller gives every row its id, so
   * each bulk write is checked on its key and a file may be written in chunks.
   */
  public static final List<String> NUMBERED = List.of("contact", "contact_channel", "channel_consent", "community", "prospect",
      "prospect_stage_entry", "prospect_option", "touch", "follow_up");

  private ProspectingWriter() {}

  /**
   * One import's bulk writes, chunk after chunk in one transaction: a table that gets more rows than
   * it holds (the first import of 20 M contacts) is written straight, its secondary indexes and
   * foreign keys made once at the end by {@link #finish} (Bulk.Load, ADR 24).
   */
  public static final class Load {
    private final Bulk.Load bulk;

    private Load(Bulk.Load bulk) {
      this.bulk = bulk;
    }

    /** Makes the dropped indexes and foreign keys again (which checks every row written against its keys). */
    public void finish(Connection c) throws SQLException {
      bulk.finish(c);
    }
  }

  /**
   * Starts a load of the rows each prospecting file brings, in
   * {@link org.downline.csv.ProspectingCsvWriter#FILES}' order (contacts, channels, communities,
   * community members, links, prospects, stage entries, options, touches, follow-ups); consents and
   * win tags are counted as their channels and prospects.
   */
  public static Load load(Connection c, long[] rows) throws SQLException {
    java.util.Map<Bulk.Table, Long> in = new java.util.LinkedHashMap<>();
    Bulk.Table[] tables = {CONTACTS, CHANNELS, COMMUNITIES, COMMUNITY_MEMBERS, LINKS, PROSPECTS, STAGES, OPTIONS, TOUCHES, FOLLOW_UPS};
    for (int i = 0; i < tables.length; i++) in.put(tables[i], rows[i]);
    in.put(CONSENTS, rows[1]);
    in.put(TAGS, rows[5]);
    return new Load(Bulk.load(c, in));
  }

  /** Days are epoch days, {@link Integer#MIN_VALUE} for none; codes as stored. */
  public record ContactRow(long id, String owner, String name, String nameKey, String howWeKnow, String tie, Integer cadenceDays,
      int lastTouch, int nextTouchDue, boolean doNotContact, int createdOn) {}

  public record ChannelRow(long id, long contactId, String owner, String kind, String label, String address, String normalised,
      String consent, int consentOn, String how, String words, long consentId) {}

  public record CommunityRow(long id, String owner, String name, String kind) {}

  /** A community membership (community, contact) or a link (a &lt; b) of {@code owner}. */
  public record Pair(String owner, long a, long b) {}

  public record ProspectRow(long id, String owner, long contactId, String winWords, List<String> winTags, String stage, String outcome,
      int outcomeOn, int reconnectOn, String fit, String fitWhy, boolean stage2Skipped, String source, String sourceDetail,
      String campaignCode, int openedOn) {}

  /** A stage entry or an option of a prospect (text: the stage code or the option's description). */
  public record ProspectDay(long id, long prospectId, String text, int on) {}

  public record TouchRow(long id, String owner, long contactId, String kind, String channel, int on, boolean opening, String openingMessage,
      Boolean answered, String asked, String heard) {}

  public record FollowUpRow(long id, String owner, long contactId, int dueOn, String what, int doneOn) {}

  /** The highest id stored in each of {@link #NUMBERED} (0 when empty). */
  public static long[] lastIds(Connection c) throws SQLException {
    long[] out = new long[NUMBERED.size()];
    for (int i = 0; i < out.length; i++) out[i] = Rows.one(c, "SELECT COALESCE(MAX(id), 0) FROM " + NUMBERED.get(i), rs -> rs.getLong(1));
    return out;
  }

  /** After ids were given: the next row any page adds gets an id above them. */
  public static void restartIdentities(Connection c, boolean postgres) throws SQLException {
    for (String t : NUMBERED) {
      long next = Rows.one(c, "SELECT COALESCE(MAX(id), 0) + 1 FROM " + t, rs -> rs.getLong(1));
      if (postgres) Rows.one(c, "SELECT setval(pg_get_serial_sequence('" + t + "', 'id'), ?, false)", rs -> 1, next);
      else Rows.update(c, "ALTER TABLE " + t + " ALTER COLUMN id RESTART WITH " + next);
    }
  }

  /**
   * An id as the bulk path's int (the COPY text and the batch's parameter alike; PostgreSQL widens it
   * to the BIGINT column): ids past 2^31 are refused rather than cut.
   */
  /** PostgreSQL: fresh planner statistics for every table written (after a bulk load they describe the tables before it). */
  public static void analyze(Connection c) throws SQLException {
    for (String t : List.of("contact", "contact_channel", "channel_consent", "community", "community_member", "contact_link",
        "prospect", "prospect_win_tag", "prospect_stage_entry", "prospect_option", "touch", "follow_up")) {
      Rows.update(c, "ANALYZE " + t);
    }
  }

  private static int id(long id) {
    return Math.toIntExact(id);
  }

  public static void contacts(Connection c, List<ContactRow> rows, Load load) throws SQLException {
    Bulk.insert(c, load.bulk, CONTACTS, rows, (v, r) -> {
      v.integer(id(r.id())).text(r.owner()).text(r.name()).text(r.nameKey()).text(r.howWeKnow()).text(r.tie());
      if (r.cadenceDays() == null) v.nullInteger();
      else v.integer(r.cadenceDays());
      v.day(r.lastTouch()).day(r.nextTouchDue()).bool(r.doNotContact()).day(r.createdOn());
    }, Progress.NONE);
  }

  /** The channels, and the consent each was recorded with (its history's first row) when given or refused. */
  public static void channels(Connection c, List<ChannelRow> rows, Load load) throws SQLException {
    Bulk.insert(c, load.bulk, CHANNELS, rows, (v, r) -> v.integer(id(r.id())).integer(id(r.contactId())).text(r.owner()).text(r.kind()).text(r.label())
        .text(r.address()).text(r.normalised()).text(r.consent()).day(r.consentOn()).text(r.how()).text(r.words()), Progress.NONE);
    List<ChannelRow> recorded = new ArrayList<>();
    for (ChannelRow r : rows) if (r.consentOn() != Integer.MIN_VALUE) recorded.add(r);
    Bulk.insert(c, load.bulk, CONSENTS, recorded, (v, r) -> v.integer(id(r.consentId())).integer(id(r.id())).text(r.consent()).day(r.consentOn()).text(r.how()).text(r.words()),
        Progress.NONE);
  }

  public static void communities(Connection c, List<CommunityRow> rows, Load load) throws SQLException {
    Bulk.insert(c, load.bulk, COMMUNITIES, rows, (v, r) -> v.integer(id(r.id())).text(r.owner()).text(r.name()).text(r.kind()), Progress.NONE);
  }

  public static void communityMembers(Connection c, List<Pair> rows, Load load) throws SQLException {
    Bulk.insert(c, load.bulk, COMMUNITY_MEMBERS, rows, (v, r) -> v.integer(id(r.a())).integer(id(r.b())), Progress.NONE);
  }

  public static void links(Connection c, List<Pair> rows, Load load) throws SQLException {
    Bulk.insert(c, load.bulk, LINKS, rows, (v, r) -> v.text(r.owner()).integer(id(r.a())).integer(id(r.b())), Progress.NONE);
  }

  public static void prospects(Connection c, List<ProspectRow> rows, Load load) throws SQLException {
    Bulk.insert(c, load.bulk, PROSPECTS, rows, (v, r) -> v.integer(id(r.id())).text(r.owner()).integer(id(r.contactId())).text(r.winWords())
        .text(r.stage()).text(r.outcome()).day(r.outcomeOn()).day(r.reconnectOn()).text(r.fit()).text(r.fitWhy())
        .bool(r.stage2Skipped()).text(r.source()).text(r.sourceDetail()).text(r.campaignCode()).day(r.openedOn()), Progress.NONE);
    List<String[]> tags = new ArrayList<>();
    for (ProspectRow r : rows) for (String t : r.winTags()) tags.add(new String[] {Integer.toString(id(r.id())), r.owner(), t});
    Bulk.insert(c, load.bulk, TAGS, tags, (v, t) -> v.integer(Integer.parseInt(t[0])).text(t[1]).text(t[2]), Progress.NONE);
  }

  public static void stageEntries(Connection c, List<ProspectDay> rows, Load load) throws SQLException {
    Bulk.insert(c, load.bulk, STAGES, rows, (v, r) -> v.integer(id(r.id())).integer(id(r.prospectId())).text(r.text()).day(r.on()), Progress.NONE);
  }

  public static void options(Connection c, List<ProspectDay> rows, Load load) throws SQLException {
    Bulk.insert(c, load.bulk, OPTIONS, rows, (v, r) -> v.integer(id(r.id())).integer(id(r.prospectId())).text(r.text()).day(r.on()), Progress.NONE);
  }

  /** Touches; an answer not known (answered null) is written false, then set to NULL, as the bulk path has no null boolean. */
  public static void touches(Connection c, List<TouchRow> rows, Load load) throws SQLException {
    Bulk.insert(c, load.bulk, TOUCHES, rows, (v, r) -> v.integer(id(r.id())).text(r.owner()).integer(id(r.contactId())).text(r.kind())
        .text(r.channel()).day(r.on()).bool(r.opening()).text(r.openingMessage()).bool(Boolean.TRUE.equals(r.answered()))
        .text(r.asked()).text(r.heard()), Progress.NONE);
    List<Long> unknown = new ArrayList<>();
    for (TouchRow r : rows) if (r.answered() == null) unknown.add(r.id());
    Batch.write(c, "UPDATE touch SET answered = NULL WHERE id = ?", unknown, (ps, id) -> ps.setLong(1, id));
  }

  public static void followUps(Connection c, List<FollowUpRow> rows, Load load) throws SQLException {
    Bulk.insert(c, load.bulk, FOLLOW_UPS, rows, (v, r) -> v.integer(id(r.id())).text(r.owner()).integer(id(r.contactId())).day(r.dueOn()).text(r.what()).day(r.doneOn()),
        Progress.NONE);
  }
}
