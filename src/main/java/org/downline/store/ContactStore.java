package org.downline.store;

import static org.downline.store.Rows.date;
import static org.downline.store.Rows.integer;
import static org.downline.store.Rows.longOrNull;
import static org.downline.store.Rows.one;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.downline.prospect.ChannelKind;
import org.downline.prospect.Consent;
import org.downline.prospect.Duplicates;
import org.downline.prospect.Tie;

/**
 * A distributor's contacts, channels with consent, communities and links (SQL only). Every read and
 * write names the owner: a row of another owner is never read, changed or removed, whatever id is
 * asked for. Indexes start with owner_id (V110).
 */
public final class ContactStore {
  private ContactStore() {}

  /** What is stored about a contact besides its channels. nameKey: {@link Duplicates#nameKey}. */
  public record Fields(String name, String nameKey, String howWeKnow, Tie tie, String organisation, String notes,
      Integer cadenceDays) {}

  public record Channel(long id, long contactId, ChannelKind kind, String label, String value, String normalised,
      Consent consent, LocalDate consentOn, String consentHow, String consentWords) {
    /** May this channel be used to reach them: consent not refused. */
    public boolean usable() {
      return consent != Consent.REFUSED;
    }
  }

  public record ConsentRecord(Consent consent, LocalDate on, String how, String words) {}

  public record CommunityRef(long id, String name) {}

  public record Community(long id, String name, String kind, int members) {}

  /** A contact as its page shows it. prospectId null: not a prospect. */
  public record Contact(long id, String name, String howWeKnow, Tie tie, String organisation, String notes,
      Integer cadenceDays, LocalDate lastTouch, LocalDate nextTouchDue, boolean doNotContact, String memberId,
      LocalDate createdOn, List<Channel> channels, List<CommunityRef> communities, Long prospectId) {}

  /** A line of the relationships list. stage and outcome are codes, null when not a prospect. */
  public record ContactRow(long id, String name, Tie tie, LocalDate lastTouch, LocalDate nextTouchDue,
      boolean doNotContact, Long prospectId, String stage, String outcome) {}

  public static long insert(Connection c, String owner, Fields f, LocalDate createdOn, LocalDate nextTouchDue) throws SQLException {
    return Rows.insert(c, "INSERT INTO contact (owner_id, name, name_key, how_we_know, tie, organisation, notes, cadence_days,"
        + " next_touch_due, created_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        owner, f.name(), f.nameKey(), f.howWeKnow(), f.tie().code(), f.organisation(), f.notes(), f.cadenceDays(),
        nextTouchDue, createdOn);
  }

  public static boolean update(Connection c, String owner, long id, Fields f, LocalDate nextTouchDue) throws SQLException {
    return Rows.update(c, "UPDATE contact SET name = ?, name_key = ?, how_we_know = ?, tie = ?, organisation = ?, notes = ?,"
        + " cadence_days = ?, next_touch_due = ? WHERE owner_id = ? AND id = ?",
        f.name(), f.nameKey(), f.howWeKnow(), f.tie().code(), f.organisation(), f.notes(), f.cadenceDays(), nextTouchDue,
        owner, id) == 1;
  }

  /** The last touch and the next due day it gives (the cadence restarted from it). */
  public static void setTouch(Connection c, String owner, long id, LocalDate lastTouch, LocalDate nextTouchDue) throws SQLException {
    Rows.update(c, "UPDATE contact SET last_touch = ?, next_touch_due = ? WHERE owner_id = ? AND id = ?",
        lastTouch, nextTouchDue, owner, id);
  }

  public static boolean setDoNotContact(Connection c, String owner, long id, boolean doNotContact) throws SQLException {
    return Rows.update(c, "UPDATE contact SET do_not_contact = ? WHERE owner_id = ? AND id = ?", doNotContact, owner, id) == 1;
  }

  public static void setMember(Connection c, String owner, long id, String memberId) throws SQLException {
    Rows.update(c, "UPDATE contact SET member_id = ? WHERE owner_id = ? AND id = ?", memberId, owner, id);
  }

  public static boolean exists(Connection c, String owner, long id) throws SQLException {
    return one(c, "SELECT id FROM contact WHERE owner_id = ? AND id = ?", rs -> rs.getLong(1), owner, id) != null;
  }

  /** The owner of a contact, or null: for staff erasing by id only. */
  public static String ownerOf(Connection c, long id) throws SQLException {
    return one(c, "SELECT owner_id FROM contact WHERE id = ?", rs -> rs.getString(1), id);
  }

  private static final String CONTACT_COLUMNS = "c.id, c.name, c.how_we_know, c.tie, c.organisation, c.notes, c.cadence_days,"
      + " c.last_touch, c.next_touch_due, c.do_not_contact, c.member_id, c.created_on, p.id AS prospect_id";

  public static Contact contact(Connection c, String owner, long id) throws SQLException {
    Contact bare = one(c, "SELECT " + CONTACT_COLUMNS + " FROM contact c LEFT JOIN prospect p ON p.contact_id = c.id"
        + " WHERE c.owner_id = ? AND c.id = ?", rs -> contact(rs, List.of(), List.of()), owner, id);
    if (bare == null) return null;
    List<Channel> channels = channels(c, owner, List.of(id)).getOrDefault(id, List.of());
    List<CommunityRef> communities = Rows.list(c, "SELECT m.id, m.name FROM community_member cm JOIN community m ON m.id = cm.community_id"
        + " WHERE m.owner_id = ? AND cm.contact_id = ? ORDER BY m.name, m.id", rs -> new CommunityRef(rs.getLong(1), rs.getString(2)), owner, id);
    return new Contact(bare.id(), bare.name(), bare.howWeKnow(), bare.tie(), bare.organisation(), bare.notes(), bare.cadenceDays(),
        bare.lastTouch(), bare.nextTouchDue(), bare.doNotContact(), bare.memberId(), bare.createdOn(), channels, communities,
        bare.prospectId());
  }

  private static Contact contact(ResultSet rs, List<Channel> channels, List<CommunityRef> communities) throws SQLException {
    return new Contact(rs.getLong("id"), rs.getString("name"), rs.getString("how_we_know"), Tie.ofCode(rs.getString("tie")),
        rs.getString("organisation"), rs.getString("notes"), integer(rs, "cadence_days"), date(rs, "last_touch"),
        date(rs, "next_touch_due"), rs.getBoolean("do_not_contact"), rs.getString("member_id"), date(rs, "created_on"),
        channels, communities, longOrNull(rs, "prospect_id"));
  }

  /** The owner's contacts by name; query (may be null) keeps those whose name contains it (any case). */
  public static List<ContactRow> list(Connection c, String owner, String query) throws SQLException {
    String like = query == null || query.isBlank() ? null : "%" + query.strip().toLowerCase(java.util.Locale.ROOT) + "%";
    return Rows.list(c, "SELECT c.id, c.name, c.tie, c.last_touch, c.next_touch_due, c.do_not_contact, p.id AS prospect_id,"
        + " p.stage, p.outcome FROM contact c LEFT JOIN prospect p ON p.contact_id = c.id WHERE c.owner_id = ?"
        + (like == null ? "" : " AND LOWER(c.name) LIKE ?") + " ORDER BY c.name_key, c.id",
        rs -> new ContactRow(rs.getLong("id"), rs.getString("name"), Tie.ofCode(rs.getString("tie")), date(rs, "last_touch"),
            date(rs, "next_touch_due"), rs.getBoolean("do_not_contact"), longOrNull(rs, "prospect_id"), rs.getString("stage"),
            rs.getString("outcome")),
        like == null ? new Object[] {owner} : new Object[] {owner, like});
  }

  /** Names of the given contacts of the owner, by id (another owner's ids are not found). */
  public static Map<Long, String> names(Connection c, String owner, List<Long> ids) throws SQLException {
    Map<Long, String> out = new HashMap<>();
    if (ids.isEmpty()) return out;
    java.util.Set<Long> wanted = new java.util.HashSet<>(ids);
    for (Object[] r : Rows.list(c, "SELECT id, name FROM contact WHERE owner_id = ?" + andIn("id", ids),
        rs -> new Object[] {rs.getLong(1), rs.getString(2)}, ownerAnd(owner, ids))) {
      if (wanted.contains((Long) r[0])) out.put((Long) r[0], (String) r[1]);
    }
    return out;
  }

  /**
   * Above this many ids a read of the owner's rows by id reads all of the owner's rows (an index
   * that starts with owner_id) and keeps the ids wanted: a list of thousands of ids gave a statement
   * whose generic plan PostgreSQL reuses once the driver prepares it on the server (its sixth run),
   * and the today list took 1.5 s instead of 120 ms (docs/benchmarks.md, "## Prospects").
   */
  static final int BY_OWNER_ABOVE = 32;

  /** The condition that keeps only the given ids, or none when they are many ({@link #BY_OWNER_ABOVE}): the caller filters then. */
  static String andIn(String column, List<?> ids) {
    return ids.size() > BY_OWNER_ABOVE ? "" : " AND " + column + " IN (" + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ")";
  }

  /** The parameters of {@link #andIn}'s query: the owner, then the ids when they are in it. */
  static Object[] ownerAnd(String owner, List<?> ids) {
    List<Object> params = new ArrayList<>();
    params.add(owner);
    if (ids.size() <= BY_OWNER_ABOVE) params.addAll(ids);
    return params.toArray();
  }

  /** Every contact of the owner with its channels and communities, by name: the export. */
  public static List<Contact> all(Connection c, String owner) throws SQLException {
    Map<Long, List<Channel>> channels = channels(c, owner, null);
    Map<Long, List<CommunityRef>> communities = new HashMap<>();
    for (long[] m : memberships(c, owner)) {
      communities.computeIfAbsent(m[1], k -> new ArrayList<>()).add(new CommunityRef(m[0], null));
    }
    Map<Long, String> names = new HashMap<>();
    for (Community m : communities(c, owner)) names.put(m.id(), m.name());
    return Rows.list(c, "SELECT " + CONTACT_COLUMNS + " FROM contact c LEFT JOIN prospect p ON p.contact_id = c.id"
        + " WHERE c.owner_id = ? ORDER BY c.name_key, c.id", rs -> {
          long id = rs.getLong("id");
          List<CommunityRef> refs = new ArrayList<>();
          for (CommunityRef r : communities.getOrDefault(id, List.of())) refs.add(new CommunityRef(r.id(), names.get(r.id())));
          return contact(rs, channels.getOrDefault(id, List.of()), refs);
        }, owner);
  }

  /** Channels of the owner's contacts (all of them when ids is null), by contact, in the order added. */
  public static Map<Long, List<Channel>> channels(Connection c, String owner, List<Long> ids) throws SQLException {
    Map<Long, List<Channel>> out = new LinkedHashMap<>();
    if (ids != null && ids.isEmpty()) return out;
    java.util.Set<Long> wanted = ids == null ? null : new java.util.HashSet<>(ids);
    for (Channel ch : Rows.list(c, "SELECT id, contact_id, kind, label, address, normalised, consent, consent_on, consent_how,"
        + " consent_words FROM contact_channel WHERE owner_id = ?" + (ids == null ? "" : andIn("contact_id", ids))
        + " ORDER BY contact_id, id", ContactStore::channel, ids == null ? new Object[] {owner} : ownerAnd(owner, ids))) {
      if (wanted == null || wanted.contains(ch.contactId())) out.computeIfAbsent(ch.contactId(), k -> new ArrayList<>()).add(ch);
    }
    return out;
  }

  private static Channel channel(ResultSet rs) throws SQLException {
    return new Channel(rs.getLong("id"), rs.getLong("contact_id"), ChannelKind.ofCode(rs.getString("kind")), rs.getString("label"),
        rs.getString("address"), rs.getString("normalised"), Consent.ofCode(rs.getString("consent")), date(rs, "consent_on"),
        rs.getString("consent_how"), rs.getString("consent_words"));
  }

  public static Channel channel(Connection c, String owner, long channelId) throws SQLException {
    return one(c, "SELECT id, contact_id, kind, label, address, normalised, consent, consent_on, consent_how, consent_words"
        + " FROM contact_channel WHERE owner_id = ? AND id = ?", ContactStore::channel, owner, channelId);
  }

  public static long insertChannel(Connection c, String owner, long contactId, ChannelKind kind, String label, String value,
      String normalised) throws SQLException {
    return Rows.insert(c, "INSERT INTO contact_channel (contact_id, owner_id, kind, label, address, normalised) VALUES (?, ?, ?, ?, ?, ?)",
        contactId, owner, kind.code(), label, value, normalised);
  }

  public static boolean deleteChannel(Connection c, String owner, long channelId) throws SQLException {
    if (channel(c, owner, channelId) == null) return false;
    Rows.update(c, "DELETE FROM channel_consent WHERE channel_id = ?", channelId);
    return Rows.update(c, "DELETE FROM contact_channel WHERE owner_id = ? AND id = ?", owner, channelId) == 1;
  }

  /** The channel's consent as it stands now, and one more row of its history. */
  public static void recordConsent(Connection c, String owner, long channelId, ConsentRecord r) throws SQLException {
    Rows.update(c, "UPDATE contact_channel SET consent = ?, consent_on = ?, consent_how = ?, consent_words = ? WHERE owner_id = ? AND id = ?",
        r.consent().code(), r.on(), r.how(), r.words(), owner, channelId);
    Rows.insert(c, "INSERT INTO channel_consent (channel_id, consent, consent_on, how, words) VALUES (?, ?, ?, ?, ?)",
        channelId, r.consent().code(), r.on(), r.how(), r.words());
  }

  /** Caller checks the channel is the owner's. */
  public static List<ConsentRecord> consentHistory(Connection c, long channelId) throws SQLException {
    return Rows.list(c, "SELECT consent, consent_on, how, words FROM channel_consent WHERE channel_id = ? ORDER BY id",
        rs -> new ConsentRecord(Consent.ofCode(rs.getString(1)), date(rs, "consent_on"), rs.getString(3), rs.getString(4)), channelId);
  }

  /** What the owner's contacts are matched by for duplicates. */
  public static List<Duplicates.Candidate> candidates(Connection c, String owner) throws SQLException {
    Map<Long, Set<String>> emails = new HashMap<>();
    Map<Long, Set<String>> phones = new HashMap<>();
    for (Channel ch : Rows.list(c, "SELECT id, contact_id, kind, label, address, normalised, consent, consent_on, consent_how,"
        + " consent_words FROM contact_channel WHERE owner_id = ? AND kind IN ('email', 'phone')", ContactStore::channel, owner)) {
      (ch.kind() == ChannelKind.EMAIL ? emails : phones).computeIfAbsent(ch.contactId(), k -> new TreeSet<>()).add(ch.normalised());
    }
    return Rows.list(c, "SELECT id, name_key FROM contact WHERE owner_id = ? ORDER BY id", rs -> {
      long id = rs.getLong(1);
      return new Duplicates.Candidate(id, rs.getString(2), emails.getOrDefault(id, Set.of()), phones.getOrDefault(id, Set.of()));
    }, owner);
  }

  /**
   * Moves everything recorded about {@code merged} to {@code kept} (both the owner's, checked by the
   * caller): channels, community memberships, links, touches and follow-ups; then removes merged and
   * records the merge. The prospect row, if any, is moved by the caller first.
   */
  public static void merge(Connection c, String owner, long kept, long merged) throws SQLException {
    Rows.update(c, "UPDATE contact_channel SET contact_id = ? WHERE owner_id = ? AND contact_id = ?", kept, owner, merged);
    Rows.update(c, "DELETE FROM community_member WHERE contact_id = ? AND community_id IN"
        + " (SELECT community_id FROM community_member WHERE contact_id = ?)", merged, kept);
    Rows.update(c, "UPDATE community_member SET contact_id = ? WHERE contact_id = ?", kept, merged);
    // Links: re-make each of merged's links from kept (a_id < b_id), once, never to itself.
    List<long[]> links = Rows.list(c, "SELECT a_id, b_id FROM contact_link WHERE owner_id = ? AND (a_id = ? OR b_id = ?)",
        rs -> new long[] {rs.getLong(1), rs.getLong(2)}, owner, merged, merged);
    Rows.update(c, "DELETE FROM contact_link WHERE owner_id = ? AND (a_id = ? OR b_id = ?)", owner, merged, merged);
    for (long[] l : links) {
      long other = l[0] == merged ? l[1] : l[0];
      if (other != kept) insertLink(c, owner, kept, other);
    }
    Rows.update(c, "UPDATE touch SET contact_id = ? WHERE owner_id = ? AND contact_id = ?", kept, owner, merged);
    Rows.update(c, "UPDATE follow_up SET contact_id = ? WHERE owner_id = ? AND contact_id = ?", kept, owner, merged);
    Rows.update(c, "DELETE FROM contact WHERE owner_id = ? AND id = ?", owner, merged);
    Rows.insert(c, "INSERT INTO contact_merge (owner_id, kept_id, merged_id, merged_at) VALUES (?, ?, ?, ?)", owner, kept, merged, Instant.now());
  }

  /** Removes a contact of the owner and everything recorded about it (its prospect too). */
  public static boolean delete(Connection c, String owner, long id) throws SQLException {
    if (!exists(c, owner, id)) return false;
    Long prospect = one(c, "SELECT id FROM prospect WHERE owner_id = ? AND contact_id = ?", rs -> rs.getLong(1), owner, id);
    if (prospect != null) {
      for (String t : List.of("prospect_win_tag", "prospect_stage_entry", "prospect_option")) {
        Rows.update(c, "DELETE FROM " + t + " WHERE prospect_id = ?", prospect);
      }
      Rows.update(c, "DELETE FROM prospect WHERE id = ?", prospect);
    }
    Rows.update(c, "DELETE FROM channel_consent WHERE channel_id IN (SELECT id FROM contact_channel WHERE owner_id = ? AND contact_id = ?)", owner, id);
    Rows.update(c, "DELETE FROM contact_channel WHERE owner_id = ? AND contact_id = ?", owner, id);
    Rows.update(c, "DELETE FROM community_member WHERE contact_id = ?", id);
    Rows.update(c, "DELETE FROM contact_link WHERE owner_id = ? AND (a_id = ? OR b_id = ?)", owner, id, id);
    Rows.update(c, "DELETE FROM touch WHERE owner_id = ? AND contact_id = ?", owner, id);
    Rows.update(c, "DELETE FROM follow_up WHERE owner_id = ? AND contact_id = ?", owner, id);
    return Rows.update(c, "DELETE FROM contact WHERE owner_id = ? AND id = ?", owner, id) == 1;
  }

  /** The erasure's audit row: who, when, which contact: ids only. */
  public static void recordErasure(Connection c, long contactId, String owner, String actor) throws SQLException {
    Rows.insert(c, "INSERT INTO contact_erasure (contact_id, owner_id, actor, erased_at) VALUES (?, ?, ?, ?)", contactId, owner, actor, Instant.now());
  }

  public record Erasure(long contactId, String ownerId, String actor, Instant at) {}

  public static List<Erasure> erasures(Connection c) throws SQLException {
    return Rows.list(c, "SELECT contact_id, owner_id, actor, erased_at FROM contact_erasure ORDER BY id",
        rs -> new Erasure(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()));
  }

  // Communities and links.

  public static long insertCommunity(Connection c, String owner, String name, String kind) throws SQLException {
    return Rows.insert(c, "INSERT INTO community (owner_id, name, kind) VALUES (?, ?, ?)", owner, name, kind);
  }

  public static Community community(Connection c, String owner, long id) throws SQLException {
    return one(c, "SELECT m.id, m.name, m.kind, (SELECT COUNT(*) FROM community_member cm WHERE cm.community_id = m.id)"
        + " FROM community m WHERE m.owner_id = ? AND m.id = ?", ContactStore::community, owner, id);
  }

  private static Community community(ResultSet rs) throws SQLException {
    return new Community(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4));
  }

  public static List<Community> communities(Connection c, String owner) throws SQLException {
    return Rows.list(c, "SELECT m.id, m.name, m.kind, COUNT(cm.contact_id) FROM community m"
        + " LEFT JOIN community_member cm ON cm.community_id = m.id WHERE m.owner_id = ?"
        + " GROUP BY m.id, m.name, m.kind ORDER BY m.name, m.id", ContactStore::community, owner);
  }

  /** Caller checks both are the owner's. Adding twice changes nothing. */
  public static void addMember(Connection c, long communityId, long contactId) throws SQLException {
    if (one(c, "SELECT 1 FROM community_member WHERE community_id = ? AND contact_id = ?", rs -> 1, communityId, contactId) == null) {
      Rows.update(c, "INSERT INTO community_member (community_id, contact_id) VALUES (?, ?)", communityId, contactId);
    }
  }

  public static void removeMember(Connection c, long communityId, long contactId) throws SQLException {
    Rows.update(c, "DELETE FROM community_member WHERE community_id = ? AND contact_id = ?", communityId, contactId);
  }

  /** (community id, contact id) of every membership in the owner's communities. */
  public static List<long[]> memberships(Connection c, String owner) throws SQLException {
    return Rows.list(c, "SELECT cm.community_id, cm.contact_id FROM community_member cm JOIN community m ON m.id = cm.community_id"
        + " WHERE m.owner_id = ? ORDER BY cm.community_id, cm.contact_id", rs -> new long[] {rs.getLong(1), rs.getLong(2)}, owner);
  }

  /** Caller checks both are the owner's and differ. Linking twice changes nothing. */
  public static void insertLink(Connection c, String owner, long x, long y) throws SQLException {
    long a = Math.min(x, y);
    long b = Math.max(x, y);
    if (one(c, "SELECT 1 FROM contact_link WHERE a_id = ? AND b_id = ?", rs -> 1, a, b) == null) {
      Rows.update(c, "INSERT INTO contact_link (owner_id, a_id, b_id) VALUES (?, ?, ?)", owner, a, b);
    }
  }

  public static void deleteLink(Connection c, String owner, long x, long y) throws SQLException {
    Rows.update(c, "DELETE FROM contact_link WHERE owner_id = ? AND a_id = ? AND b_id = ?", owner, Math.min(x, y), Math.max(x, y));
  }

  public static List<long[]> links(Connection c, String owner) throws SQLException {
    return Rows.list(c, "SELECT a_id, b_id FROM contact_link WHERE owner_id = ? ORDER BY a_id, b_id",
        rs -> new long[] {rs.getLong(1), rs.getLong(2)}, owner);
  }

  /** Contacts with a prospect row, for the network picture. */
  public static Set<Long> prospectContacts(Connection c, String owner) throws SQLException {
    return new TreeSet<>(Rows.list(c, "SELECT contact_id FROM prospect WHERE owner_id = ?", rs -> rs.getLong(1), owner));
  }

}
