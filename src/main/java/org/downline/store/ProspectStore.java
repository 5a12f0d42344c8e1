package org.downline.store;

import static org.downline.store.Rows.bool;
import static org.downline.store.Rows.date;
import static org.downline.store.Rows.one;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.downline.prospect.Outcome;
import org.downline.prospect.Source;
import org.downline.prospect.Stage;
import org.downline.prospect.Stages;
import org.downline.prospect.TouchKind;

/**
 * Prospects, their stages, options and win tags; touches and follow-ups; customer-care reads (SQL
 * only). Every distributor read and write names the owner; the company-wide reads used for the
 * staff figures return no contact data, only codes, days and counts.
 */
public final class ProspectStore {
  private ProspectStore() {}

  public record Option(long id, String description, LocalDate recordedOn) {}

  public record StageEntry(String stage, LocalDate enteredOn) {}

  /** stage: a stage code; fit null until assessed. */
  public record Prospect(long id, long contactId, String name, String winWords, List<String> winTags, String stage,
      Outcome outcome, LocalDate outcomeOn, LocalDate reconnectOn, Boolean fit, String fitWhy, boolean stage2Skipped,
      Source source, String sourceMemberId, String sourceDetail, String campaignCode, LocalDate openedOn,
      String memberId, List<Option> options, List<StageEntry> stages) {}

  /** A card on the pipeline: since = the day it entered its stage (or its outcome). */
  public record Card(long id, long contactId, String name, String stage, Outcome outcome, LocalDate since,
      List<String> winTags, LocalDate reconnectOn) {}

  public record Touch(long id, long contactId, TouchKind kind, String channel, LocalDate on, boolean opening,
      String openingMessage, Boolean answered, String asked, String heard) {}

  public record FollowUp(long id, long contactId, String name, LocalDate dueOn, String what, LocalDate doneOn) {}

  /** What a prospect says and where they came from. */
  public record Fields(String winWords, Source source, String sourceMemberId, String sourceDetail, String campaignCode) {}

  public static Stages stages(Connection c) throws SQLException {
    return new Stages(Rows.list(c, "SELECT code, place, name, options FROM prospect_stage ORDER BY place",
        rs -> new Stage(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getBoolean(4))));
  }

  public static long insert(Connection c, String owner, long contactId, Fields f, String stage, LocalDate openedOn) throws SQLException {
    long id = Rows.insert(c, "INSERT INTO prospect (owner_id, contact_id, win_words, stage, source, source_member_id, source_detail,"
        + " campaign_code, opened_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", owner, contactId, f.winWords(), stage,
        f.source() == null ? null : f.source().code(), f.sourceMemberId(), f.sourceDetail(), f.campaignCode(), openedOn);
    insertStageEntry(c, id, stage, openedOn);
    return id;
  }

  public static void update(Connection c, String owner, long id, Fields f) throws SQLException {
    Rows.update(c, "UPDATE prospect SET win_words = ?, source = ?, source_member_id = ?, source_detail = ?, campaign_code = ?"
        + " WHERE owner_id = ? AND id = ?", f.winWords(), f.source() == null ? null : f.source().code(), f.sourceMemberId(),
        f.sourceDetail(), f.campaignCode(), owner, id);
  }

  public static void setTags(Connection c, long id, List<String> tags) throws SQLException {
    Rows.update(c, "DELETE FROM prospect_win_tag WHERE prospect_id = ?", id);
    // The owner comes from the prospect: the pipeline reads the tags by owner (index prospect_win_tag_owner, V210).
    for (String t : tags) {
      Rows.update(c, "INSERT INTO prospect_win_tag (prospect_id, owner_id, tag) SELECT id, owner_id, ? FROM prospect WHERE id = ?", t, id);
    }
  }

  public static void insertStageEntry(Connection c, long id, String stage, LocalDate on) throws SQLException {
    Rows.insert(c, "INSERT INTO prospect_stage_entry (prospect_id, stage, entered_on) VALUES (?, ?, ?)", id, stage, on);
  }

  /** Moves to a stage and clears an outcome (a "not now" prospect taken up again). */
  public static void setStage(Connection c, String owner, long id, String stage, LocalDate on) throws SQLException {
    Rows.update(c, "UPDATE prospect SET stage = ?, outcome = NULL, outcome_on = NULL, reconnect_on = NULL WHERE owner_id = ? AND id = ?",
        stage, owner, id);
    insertStageEntry(c, id, stage, on);
  }

  public static void setOutcome(Connection c, String owner, long id, Outcome outcome, LocalDate on, LocalDate reconnectOn,
      boolean stage2Skipped, String memberId) throws SQLException {
    Rows.update(c, "UPDATE prospect SET outcome = ?, outcome_on = ?, reconnect_on = ?, stage2_skipped = ?, member_id = ?"
        + " WHERE owner_id = ? AND id = ?", outcome.code(), on, reconnectOn, stage2Skipped, memberId, owner, id);
  }

  public static void setFit(Connection c, String owner, long id, boolean fit, String why) throws SQLException {
    Rows.update(c, "UPDATE prospect SET fit = ?, fit_why = ? WHERE owner_id = ? AND id = ?", fit ? "yes" : "no", why, owner, id);
  }

  public static long insertOption(Connection c, long id, String description, LocalDate on) throws SQLException {
    return Rows.insert(c, "INSERT INTO prospect_option (prospect_id, description, recorded_on) VALUES (?, ?, ?)", id, description, on);
  }

  /** Moves a merged contact's prospect to the kept contact. */
  public static void moveToContact(Connection c, String owner, long prospectId, long contactId) throws SQLException {
    Rows.update(c, "UPDATE prospect SET contact_id = ? WHERE owner_id = ? AND id = ?", contactId, owner, prospectId);
  }

  private static final String PROSPECT_COLUMNS = "p.id, p.contact_id, c.name, p.win_words, p.stage, p.outcome, p.outcome_on,"
      + " p.reconnect_on, p.fit, p.fit_why, p.stage2_skipped, p.source, p.source_member_id, p.source_detail, p.campaign_code,"
      + " p.opened_on, p.member_id";

  public static Prospect prospect(Connection c, String owner, long id) throws SQLException {
    Prospect bare = one(c, "SELECT " + PROSPECT_COLUMNS + " FROM prospect p JOIN contact c ON c.id = p.contact_id"
        + " WHERE p.owner_id = ? AND p.id = ?", rs -> prospect(rs, List.of(), List.of(), List.of()), owner, id);
    if (bare == null) return null;
    List<String> tags = Rows.list(c, "SELECT tag FROM prospect_win_tag WHERE prospect_id = ? ORDER BY tag", rs -> rs.getString(1), id);
    List<Option> options = Rows.list(c, "SELECT id, description, recorded_on FROM prospect_option WHERE prospect_id = ? ORDER BY recorded_on, id",
        rs -> new Option(rs.getLong(1), rs.getString(2), date(rs, "recorded_on")), id);
    List<StageEntry> stages = Rows.list(c, "SELECT stage, entered_on FROM prospect_stage_entry WHERE prospect_id = ? ORDER BY entered_on, id",
        rs -> new StageEntry(rs.getString(1), date(rs, "entered_on")), id);
    return prospect(bare, tags, options, stages);
  }

  private static Prospect prospect(Prospect p, List<String> tags, List<Option> options, List<StageEntry> stages) {
    return new Prospect(p.id(), p.contactId(), p.name(), p.winWords(), tags, p.stage(), p.outcome(), p.outcomeOn(), p.reconnectOn(),
        p.fit(), p.fitWhy(), p.stage2Skipped(), p.source(), p.sourceMemberId(), p.sourceDetail(), p.campaignCode(), p.openedOn(),
        p.memberId(), options, stages);
  }

  private static Prospect prospect(ResultSet rs, List<String> tags, List<Option> options, List<StageEntry> stages) throws SQLException {
    String outcome = rs.getString("outcome");
    String source = rs.getString("source");
    String fit = rs.getString("fit");
    return new Prospect(rs.getLong("id"), rs.getLong("contact_id"), rs.getString("name"), rs.getString("win_words"), tags,
        rs.getString("stage"), outcome == null ? null : Outcome.ofCode(outcome), date(rs, "outcome_on"), date(rs, "reconnect_on"),
        fit == null ? null : fit.equals("yes"), rs.getString("fit_why"), rs.getBoolean("stage2_skipped"),
        source == null ? null : Source.ofCode(source), rs.getString("source_member_id"), rs.getString("source_detail"),
        rs.getString("campaign_code"), date(rs, "opened_on"), rs.getString("member_id"), options, stages);
  }

  public static Long prospectOfContact(Connection c, String owner, long contactId) throws SQLException {
    return one(c, "SELECT id FROM prospect WHERE owner_id = ? AND contact_id = ?", rs -> rs.getLong(1), owner, contactId);
  }

  public static int optionCount(Connection c, long prospectId) throws SQLException {
    return one(c, "SELECT COUNT(*) FROM prospect_option WHERE prospect_id = ?", rs -> rs.getInt(1), prospectId);
  }

  /**
   * Every prospect of the owner as a card, by stage then by the day it got there: one query over
   * the owner's prospects (index prospect_owner_stage) with their latest stage entry, and one over
   * the owner's win tags (index prospect_win_tag_owner, V210).
   */
  public static List<Card> cards(Connection c, String owner) throws SQLException {
    Map<Long, List<String>> tags = new HashMap<>();
    for (String[] t : Rows.list(c, "SELECT prospect_id, tag FROM prospect_win_tag WHERE owner_id = ?"
        + " ORDER BY prospect_id, tag", rs -> new String[] {rs.getString(1), rs.getString(2)}, owner)) {
      tags.computeIfAbsent(Long.parseLong(t[0]), k -> new ArrayList<>()).add(t[1]);
    }
    return Rows.list(c, "SELECT p.id, p.contact_id, c.name, p.stage, p.outcome, p.outcome_on, p.reconnect_on,"
        + " (SELECT MAX(e.entered_on) FROM prospect_stage_entry e WHERE e.prospect_id = p.id) AS entered"
        + " FROM prospect p JOIN contact c ON c.id = p.contact_id WHERE p.owner_id = ? ORDER BY p.id", rs -> {
          String outcome = rs.getString("outcome");
          LocalDate since = outcome == null ? date(rs, "entered") : date(rs, "outcome_on");
          long id = rs.getLong("id");
          return new Card(id, rs.getLong("contact_id"), rs.getString("name"), rs.getString("stage"),
              outcome == null ? null : Outcome.ofCode(outcome), since, tags.getOrDefault(id, List.of()), date(rs, "reconnect_on"));
        }, owner);
  }

  // Touches and follow-ups.

  public static long insertTouch(Connection c, String owner, Touch t) throws SQLException {
    return Rows.insert(c, "INSERT INTO touch (owner_id, contact_id, kind, channel, touched_on, opening, opening_message, answered,"
        + " asked, heard) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", owner, t.contactId(), t.kind().code(), t.channel(), t.on(),
        t.opening(), t.openingMessage(), t.answered(), t.asked(), t.heard());
  }

  private static final String TOUCH_COLUMNS = "id, contact_id, kind, channel, touched_on, opening, opening_message, answered, asked, heard";

  private static Touch touch(ResultSet rs) throws SQLException {
    return new Touch(rs.getLong("id"), rs.getLong("contact_id"), TouchKind.ofCode(rs.getString("kind")), rs.getString("channel"),
        date(rs, "touched_on"), rs.getBoolean("opening"), rs.getString("opening_message"), bool(rs, "answered"),
        rs.getString("asked"), rs.getString("heard"));
  }

  public static Touch touch(Connection c, String owner, long id) throws SQLException {
    return one(c, "SELECT " + TOUCH_COLUMNS + " FROM touch WHERE owner_id = ? AND id = ?", ProspectStore::touch, owner, id);
  }

  public static void setAnswered(Connection c, String owner, long id, boolean answered) throws SQLException {
    Rows.update(c, "UPDATE touch SET answered = ? WHERE owner_id = ? AND id = ?", answered, owner, id);
  }

  /** A contact's touches, newest first. */
  public static List<Touch> touches(Connection c, String owner, long contactId) throws SQLException {
    return Rows.list(c, "SELECT " + TOUCH_COLUMNS + " FROM touch WHERE owner_id = ? AND contact_id = ? ORDER BY touched_on DESC, id DESC",
        ProspectStore::touch, owner, contactId);
  }

  /** The latest touch day of a contact, or null. */
  public static LocalDate lastTouch(Connection c, String owner, long contactId) throws SQLException {
    return one(c, "SELECT MAX(touched_on) FROM touch WHERE owner_id = ? AND contact_id = ?", rs -> {
      java.sql.Date d = rs.getDate(1);
      return d == null ? null : d.toLocalDate();
    }, owner, contactId);
  }

  public static long insertFollowUp(Connection c, String owner, long contactId, LocalDate dueOn, String what) throws SQLException {
    return Rows.insert(c, "INSERT INTO follow_up (owner_id, contact_id, due_on, what) VALUES (?, ?, ?, ?)", owner, contactId, dueOn, what);
  }

  private static final String FOLLOW_UP_SELECT = "SELECT f.id, f.contact_id, c.name, f.due_on, f.what, f.done_on"
      + " FROM follow_up f JOIN contact c ON c.id = f.contact_id WHERE f.owner_id = ?";

  private static FollowUp followUp(ResultSet rs) throws SQLException {
    return new FollowUp(rs.getLong(1), rs.getLong(2), rs.getString(3), date(rs, "due_on"), rs.getString(5), date(rs, "done_on"));
  }

  public static FollowUp followUp(Connection c, String owner, long id) throws SQLException {
    return one(c, FOLLOW_UP_SELECT + " AND f.id = ?", ProspectStore::followUp, owner, id);
  }

  public static void setDone(Connection c, String owner, long id, LocalDate on) throws SQLException {
    Rows.update(c, "UPDATE follow_up SET done_on = ? WHERE owner_id = ? AND id = ?", on, owner, id);
  }

  public static List<FollowUp> followUps(Connection c, String owner, long contactId) throws SQLException {
    return Rows.list(c, FOLLOW_UP_SELECT + " AND f.contact_id = ? ORDER BY f.due_on, f.id", ProspectStore::followUp, owner, contactId);
  }

  /** Open follow-ups due on or before {@code through} (null: all open), by due date (index follow_up_owner_due). */
  public static List<FollowUp> openFollowUps(Connection c, String owner, LocalDate through) throws SQLException {
    return through == null
        ? Rows.list(c, FOLLOW_UP_SELECT + " AND f.done_on IS NULL ORDER BY f.due_on, f.id", ProspectStore::followUp, owner)
        : Rows.list(c, FOLLOW_UP_SELECT + " AND f.done_on IS NULL AND f.due_on <= ? ORDER BY f.due_on, f.id", ProspectStore::followUp, owner, through);
  }

  // The today list's reads (each on an index starting with owner_id).

  /** A "not now" prospect whose reconnect day has come. */
  public record Reconnect(long prospectId, long contactId, LocalDate reconnectOn, boolean doNotContact) {}

  public static List<Reconnect> reconnectsDue(Connection c, String owner, LocalDate through) throws SQLException {
    return Rows.list(c, "SELECT p.id, p.contact_id, p.reconnect_on, c.do_not_contact FROM prospect p JOIN contact c ON c.id = p.contact_id"
        + " WHERE p.owner_id = ? AND p.reconnect_on <= ? AND p.outcome = 'not-now' ORDER BY p.reconnect_on, p.id",
        rs -> new Reconnect(rs.getLong(1), rs.getLong(2), date(rs, "reconnect_on"), rs.getBoolean(4)), owner, through);
  }

  /** A contact whose stay-in-touch cadence has run out. */
  public record CadenceDue(long contactId, LocalDate due, boolean doNotContact) {}

  public static List<CadenceDue> cadencesDue(Connection c, String owner, LocalDate through) throws SQLException {
    return Rows.list(c, "SELECT id, next_touch_due, do_not_contact FROM contact WHERE owner_id = ? AND next_touch_due <= ?"
        + " ORDER BY next_touch_due, id", rs -> new CadenceDue(rs.getLong(1), date(rs, "next_touch_due"), rs.getBoolean(3)), owner, through);
  }

  /** Do-not-contact flag per contact id of the owner, for the given ids (many: read by owner, {@link ContactStore#andIn}). */
  public static Map<Long, Boolean> doNotContact(Connection c, String owner, List<Long> ids) throws SQLException {
    Map<Long, Boolean> out = new HashMap<>();
    if (ids.isEmpty()) return out;
    java.util.Set<Long> wanted = new java.util.HashSet<>(ids);
    for (Object[] r : Rows.list(c, "SELECT id, do_not_contact FROM contact WHERE owner_id = ?" + ContactStore.andIn("id", ids),
        rs -> new Object[] {rs.getLong(1), rs.getBoolean(2)}, ContactStore.ownerAnd(owner, ids))) {
      if (wanted.contains((Long) r[0])) out.put((Long) r[0], (Boolean) r[1]);
    }
    return out;
  }

  /** A member the distributor cares for: id, name, and the contact that is them (0: none). */
  public record CareMember(String memberId, String name, long contactId, boolean doNotContact, int[] saleDays) {}

  /**
   * The distributor's personally sponsored active customers, with their sale days in order: one
   * query for the sale days (index member_sponsor, then orders_member) and one for their names and
   * contacts ({@link #careMembers}), however many customers there are.
   */
  public static List<CareMember> customers(Connection c, String owner) throws SQLException {
    Map<String, List<Integer>> days = new java.util.LinkedHashMap<>();
    for (Object[] r : Rows.list(c, "SELECT o.member_id, o.order_date FROM member m JOIN orders o ON o.member_id = m.id"
        + " WHERE m.sponsor_id = ? AND m.kind = 'customer' AND m.status = 'active' AND o.kind <> 'return'"
        + " ORDER BY o.member_id, o.order_date", rs -> new Object[] {rs.getString(1), (int) date(rs, "order_date").toEpochDay()}, owner)) {
      days.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add((Integer) r[1]);
    }
    Map<String, String> names = new HashMap<>();
    for (String[] r : Rows.list(c, "SELECT m.id, p.name FROM member m LEFT JOIN member_profile p ON p.member_id = m.id"
        + " WHERE m.sponsor_id = ? AND m.kind = 'customer' AND m.status = 'active'", rs -> new String[] {rs.getString(1), rs.getString(2)},
        owner)) {
      names.put(r[0], r[1]);
    }
    return careMembers(c, owner, new ArrayList<>(days.keySet()), days, names);
  }

  /**
   * Care details of the members in order (a member may come twice): name from the profile (null if
   * no such member), the owner's lowest contact id that is them (0: none) and whether any such
   * contact is do-not-contact: one read of the owner's contacts that are members (index
   * contact_owner_member, V160).
   */
  private static List<CareMember> careMembers(Connection c, String owner, List<String> memberIds, Map<String, List<Integer>> days,
      Map<String, String> names) throws SQLException {
    Map<String, Object[]> contacts = new HashMap<>();
    for (Object[] r : Rows.list(c, "SELECT member_id, MIN(id), MAX(CASE WHEN do_not_contact THEN 1 ELSE 0 END) FROM contact"
        + " WHERE owner_id = ? AND member_id IS NOT NULL GROUP BY member_id",
        rs -> new Object[] {rs.getString(1), rs.getLong(2), rs.getInt(3) == 1}, owner)) {
      contacts.put((String) r[0], r);
    }
    List<CareMember> out = new ArrayList<>();
    for (String id : memberIds) {
      Object[] k = contacts.get(id);
      int[] d = days.getOrDefault(id, List.of()).stream().mapToInt(Integer::intValue).toArray();
      out.add(new CareMember(id, names.get(id), k == null ? 0 : (Long) k[1], k != null && (Boolean) k[2], d));
    }
    return out;
  }

  /** A referral that joined: the referring member and the day the prospect joined. */
  public record Referral(String memberId, LocalDate joinedOn) {}

  public static List<Referral> referralsJoined(Connection c, String owner, LocalDate from) throws SQLException {
    return Rows.list(c, "SELECT source_member_id, outcome_on FROM prospect WHERE owner_id = ? AND source = 'referral'"
        + " AND source_member_id IS NOT NULL AND outcome IN ('joined-distributor', 'became-customer') AND outcome_on >= ?"
        + " ORDER BY outcome_on, id", rs -> new Referral(rs.getString(1), date(rs, "outcome_on")), owner, from);
  }

  /**
   * Sale days and care details of the given members, in the order given (duplicates kept): one
   * query for the sale days (index orders_member), one for the names, one for the owner's contacts.
   */
  public static List<CareMember> members(Connection c, String owner, List<String> memberIds) throws SQLException {
    if (memberIds.isEmpty()) return List.of();
    List<String> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(memberIds));
    String in = String.join(", ", java.util.Collections.nCopies(distinct.size(), "?"));
    Map<String, List<Integer>> days = new HashMap<>();
    for (Object[] r : Rows.list(c, "SELECT member_id, order_date FROM orders WHERE member_id IN (" + in + ") AND kind <> 'return'"
        + " ORDER BY member_id, order_date", rs -> new Object[] {rs.getString(1), (int) date(rs, "order_date").toEpochDay()},
        distinct.toArray())) {
      days.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add((Integer) r[1]);
    }
    Map<String, String> names = new HashMap<>();
    for (String[] r : Rows.list(c, "SELECT m.id, p.name FROM member m LEFT JOIN member_profile p ON p.member_id = m.id"
        + " WHERE m.id IN (" + in + ")", rs -> new String[] {rs.getString(1), rs.getString(2)}, distinct.toArray())) {
      names.put(r[0], r[1]);
    }
    return careMembers(c, owner, memberIds, days, names);
  }

  /** Care items dealt with, as "kind/member/day" keys. */
  public static java.util.Set<String> careDone(Connection c, String owner) throws SQLException {
    return new java.util.HashSet<>(Rows.list(c, "SELECT kind, member_id, due_on FROM care_done WHERE owner_id = ?",
        rs -> rs.getString(1) + "/" + rs.getString(2) + "/" + date(rs, "due_on"), owner));
  }

  public static void insertCareDone(Connection c, String owner, String kind, String memberId, LocalDate dueOn, LocalDate doneOn)
      throws SQLException {
    if (one(c, "SELECT 1 FROM care_done WHERE owner_id = ? AND member_id = ? AND kind = ? AND due_on = ?", rs -> 1,
        owner, memberId, kind, dueOn) == null) {
      Rows.update(c, "INSERT INTO care_done (owner_id, member_id, kind, due_on, done_on) VALUES (?, ?, ?, ?, ?)", owner, memberId, kind, dueOn, doneOn);
    }
  }

  /** Every distributor's member id: the owners a prospecting import may name. */
  public static List<String> distributorIds(Connection c) throws SQLException {
    return Rows.list(c, "SELECT id FROM member WHERE kind = 'distributor'", rs -> rs.getString(1));
  }

  public static boolean memberExists(Connection c, String memberId) throws SQLException {
    return one(c, "SELECT 1 FROM member WHERE id = ?", rs -> 1, memberId) != null;
  }

  // Joining.

  /** A member with a profile email or phone, its sponsor, and the raw phone to compare in E.164 by the caller. */
  public record MemberContact(String memberId, String sponsorId, String email, String phone) {}

  /**
   * Members whose email is this one (any case), or whose phone ends with the same last nine digits
   * (the caller compares in E.164). A full scan of member_profile: joining is rare, and a phone is
   * stored as typed, so no index can hold its normal form.
   */
  public static List<MemberContact> membersLike(Connection c, String email, String phoneDigitsTail) throws SQLException {
    // PostgreSQL replaces the first match only unless told 'g'; H2 replaces every match and knows no 'g'.
    boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
    String digits = postgres ? "REGEXP_REPLACE(p.phone, '[^0-9]', '', 'g')" : "REGEXP_REPLACE(p.phone, '[^0-9]', '')";
    return Rows.list(c, "SELECT m.id, m.sponsor_id, p.email, p.phone FROM member_profile p JOIN member m ON m.id = p.member_id"
        + " WHERE LOWER(TRIM(p.email)) = ? OR " + digits + " LIKE ? ORDER BY m.id",
        rs -> new MemberContact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
        email == null ? "" : email, phoneDigitsTail == null ? "-" : "%" + phoneDigitsTail);
  }

  /** Another owner holds a contact with this normalised email or phone as an open prospect (no outcome, or not now). */
  public static boolean openProspectElsewhere(Connection c, String owner, String normalised) throws SQLException {
    return one(c, "SELECT 1 FROM contact_channel ch JOIN prospect p ON p.contact_id = ch.contact_id WHERE ch.normalised = ?"
        + " AND ch.owner_id <> ? AND (p.outcome IS NULL OR p.outcome = 'not-now')", rs -> 1, normalised, owner) != null;
  }

  /** The new member: sponsored by the distributor, joined on the day, active; personal data in member_profile. */
  public static void insertMember(Connection c, String id, String sponsor, String kind, LocalDate joined, String name, String email,
      String phone) throws SQLException {
    Rows.update(c, "INSERT INTO member (id, sponsor_id, kind, join_date, status) VALUES (?, ?, ?, ?, 'active')", id, sponsor, kind, joined);
    Rows.update(c, "INSERT INTO member_profile (member_id, name, email, phone) VALUES (?, ?, ?, ?)", id, name, email, phone);
  }

  /** The member a joined prospect became, found from the member id: the link's other way. */
  public static Long prospectOfMember(Connection c, String memberId) throws SQLException {
    return one(c, "SELECT id FROM prospect WHERE member_id = ?", rs -> rs.getLong(1), memberId);
  }

  // The figures' reads: codes, days and flags only, of one owner (owner given) or of all owners.

  public record Opening(String channel, String openingMessage, boolean answered) {}

  public static List<Opening> openings(Connection c, String owner) throws SQLException {
    return Rows.list(c, "SELECT channel, opening_message, answered FROM touch WHERE opening = TRUE"
        + (owner == null ? "" : " AND owner_id = ?") + " ORDER BY id",
        rs -> new Opening(rs.getString(1), rs.getString(2), Boolean.TRUE.equals(bool(rs, "answered"))),
        owner == null ? new Object[0] : new Object[] {owner});
  }

  /** A prospect for the figures: its outcome, the member it became, whether stage 2 had options. */
  public record FigureProspect(long id, String owner, Outcome outcome, LocalDate outcomeOn, String memberId, boolean optionsRecorded,
      boolean stage2Skipped) {}

  public static List<FigureProspect> figureProspects(Connection c, String owner) throws SQLException {
    return Rows.list(c, "SELECT p.id, p.owner_id, p.outcome, p.outcome_on, p.member_id, p.stage2_skipped,"
        + " (SELECT COUNT(*) FROM prospect_option o WHERE o.prospect_id = p.id) AS options FROM prospect p"
        + (owner == null ? "" : " WHERE p.owner_id = ?") + " ORDER BY p.id", rs -> {
          String outcome = rs.getString("outcome");
          return new FigureProspect(rs.getLong("id"), rs.getString("owner_id"), outcome == null ? null : Outcome.ofCode(outcome),
              date(rs, "outcome_on"), rs.getString("member_id"), rs.getInt("options") > 0, rs.getBoolean("stage2_skipped"));
        }, owner == null ? new Object[0] : new Object[] {owner});
  }

  /** Stage entries (prospect id, stage code, day), by prospect then day. */
  public record Entry(long prospectId, String stage, LocalDate on) {}

  public static List<Entry> stageEntries(Connection c, String owner) throws SQLException {
    return Rows.list(c, "SELECT e.prospect_id, e.stage, e.entered_on FROM prospect_stage_entry e JOIN prospect p ON p.id = e.prospect_id"
        + (owner == null ? "" : " WHERE p.owner_id = ?") + " ORDER BY e.prospect_id, e.entered_on, e.id",
        rs -> new Entry(rs.getLong(1), rs.getString(2), date(rs, "entered_on")), owner == null ? new Object[0] : new Object[] {owner});
  }
}
