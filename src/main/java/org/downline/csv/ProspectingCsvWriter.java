package org.downline.csv;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.downline.generate.ProspectingSink;
import org.downline.prospect.ChannelKind;
import org.downline.prospect.Consent;
import org.downline.prospect.Outcome;
import org.downline.prospect.Source;
import org.downline.prospect.Tie;
import org.downline.prospect.TouchKind;

/**
 * Generated prospecting as the files {@code downline generate --contacts-per-distributor} writes
 * (layout in docs/generate.md, "Prospecting files"). Contacts, communities and prospects are
 * numbered 1, 2, 3... in their files, and the other files name them by those numbers; the importer
 * gives them database ids. A distributor's contacts and prospects are held until the distributor is
 * complete, since a later touch, do-not-contact or outcome changes their row.
 */
public final class ProspectingCsvWriter implements ProspectingSink, Closeable {
  public static final String CONTACTS = "contacts.csv";
  public static final String CHANNELS = "contact_channels.csv";
  public static final String COMMUNITIES = "communities.csv";
  public static final String COMMUNITY_MEMBERS = "community_members.csv";
  public static final String LINKS = "contact_links.csv";
  public static final String PROSPECTS = "prospects.csv";
  public static final String STAGES = "prospect_stages.csv";
  public static final String OPTIONS = "prospect_options.csv";
  public static final String TOUCHES = "touches.csv";
  public static final String FOLLOW_UPS = "follow_ups.csv";
  public static final List<String> FILES =
      List.of(CONTACTS, CHANNELS, COMMUNITIES, COMMUNITY_MEMBERS, LINKS, PROSPECTS, STAGES, OPTIONS, TOUCHES, FOLLOW_UPS);

  public static final String[] CONTACT_COLUMNS =
      {"id", "owner_id", "name", "how_we_know", "tie", "cadence_days", "last_touch", "do_not_contact", "created_on"};
  public static final String[] CHANNEL_COLUMNS =
      {"contact_id", "kind", "label", "address", "consent", "consent_on", "consent_how", "consent_words"};
  public static final String[] COMMUNITY_COLUMNS = {"id", "owner_id", "name", "kind"};
  public static final String[] COMMUNITY_MEMBER_COLUMNS = {"community_id", "contact_id"};
  public static final String[] LINK_COLUMNS = {"contact_a", "contact_b"};
  public static final String[] PROSPECT_COLUMNS = {"id", "contact_id", "win_words", "win_tags", "stage", "outcome", "outcome_on",
      "reconnect_on", "fit", "fit_why", "stage2_skipped", "source", "source_detail", "campaign_code", "opened_on"};
  public static final String[] STAGE_COLUMNS = {"prospect_id", "stage", "entered_on"};
  public static final String[] OPTION_COLUMNS = {"prospect_id", "description", "recorded_on"};
  public static final String[] TOUCH_COLUMNS =
      {"contact_id", "kind", "channel", "touched_on", "opening", "opening_message", "answered", "asked", "heard"};
  public static final String[] FOLLOW_UP_COLUMNS = {"contact_id", "due_on", "what", "done_on"};

  private final List<CsvWriter> open = new ArrayList<>();
  private final CsvWriter contacts;
  private final CsvWriter channels;
  private final CsvWriter communities;
  private final CsvWriter members;
  private final CsvWriter links;
  private final CsvWriter prospects;
  private final CsvWriter stages;
  private final CsvWriter options;
  private final CsvWriter touches;
  private final CsvWriter followUps;
  private long contactIds;
  private long communityIds;
  private long prospectIds;
  // The current distributor's rows still open to change, by id.
  private final Map<Long, String[]> heldContacts = new LinkedHashMap<>();
  private final Map<Long, String[]> heldProspects = new LinkedHashMap<>();
  private final Map<Long, Boolean> optionsRecorded = new LinkedHashMap<>();

  public ProspectingCsvWriter(Path dir) throws IOException {
    Files.createDirectories(dir);
    try {
      contacts = open(dir.resolve(CONTACTS), CONTACT_COLUMNS);
      channels = open(dir.resolve(CHANNELS), CHANNEL_COLUMNS);
      communities = open(dir.resolve(COMMUNITIES), COMMUNITY_COLUMNS);
      members = open(dir.resolve(COMMUNITY_MEMBERS), COMMUNITY_MEMBER_COLUMNS);
      links = open(dir.resolve(LINKS), LINK_COLUMNS);
      prospects = open(dir.resolve(PROSPECTS), PROSPECT_COLUMNS);
      stages = open(dir.resolve(STAGES), STAGE_COLUMNS);
      options = open(dir.resolve(OPTIONS), OPTION_COLUMNS);
      touches = open(dir.resolve(TOUCHES), TOUCH_COLUMNS);
      followUps = open(dir.resolve(FOLLOW_UPS), FOLLOW_UP_COLUMNS);
    } catch (IOException | UncheckedIOException e) {
      close();
      throw e;
    }
  }

  private CsvWriter open(Path path, String[] header) throws IOException {
    CsvWriter w = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).bufferSize(1 << 16).build(path, StandardCharsets.UTF_8);
    open.add(w);
    w.writeRecord(header);
    return w;
  }

  private static String day(LocalDate d) {
    return d == null ? "" : d.toString();
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }

  @Override
  public long community(String owner, String name, String kind) {
    long id = ++communityIds;
    communities.writeRecord(Long.toString(id), owner, name, text(kind));
    return id;
  }

  @Override
  public long contact(String owner, String name, String howWeKnow, Tie tie, Integer cadenceDays, LocalDate created) {
    long id = ++contactIds;
    heldContacts.put(id, new String[] {Long.toString(id), owner, name, text(howWeKnow), tie.code(),
        cadenceDays == null ? "" : cadenceDays.toString(), "", "false", day(created)});
    return id;
  }

  @Override
  public void channel(String owner, long contact, ChannelKind kind, String label, String address, Consent consent, LocalDate on,
      String how, String words) {
    channels.writeRecord(Long.toString(contact), kind.code(), text(label), address, consent.code(), day(on), text(how), text(words));
  }

  @Override
  public void inCommunity(String owner, long community, long contact) {
    members.writeRecord(Long.toString(community), Long.toString(contact));
  }

  @Override
  public void touch(String owner, long contact, TouchKind kind, String channel, LocalDate on, boolean opening, String openingMessage,
      boolean answered, String asked, String heard) {
    touches.writeRecord(Long.toString(contact), kind.code(), text(channel), day(on), Boolean.toString(opening), text(openingMessage),
        Boolean.toString(answered), text(asked), text(heard));
    String[] c = heldContacts.get(contact);
    if (c[6].isEmpty() || c[6].compareTo(day(on)) < 0) c[6] = day(on); // the last touch, which the cadence restarts from
  }

  @Override
  public void doNotContact(String owner, long contact) {
    heldContacts.get(contact)[7] = "true";
  }

  @Override
  public void link(String owner, long a, long b) {
    links.writeRecord(Long.toString(a), Long.toString(b));
  }

  @Override
  public long prospect(String owner, long contact, String winWords, String winTag, Source source, String sourceDetail,
      String campaignCode, LocalDate opened) {
    long id = ++prospectIds;
    String first = "understanding"; // a prospect opens in the first default stage, as Prospects.open does
    heldProspects.put(id, new String[] {Long.toString(id), Long.toString(contact), text(winWords), text(winTag), first, "", "", "",
        "", "", "false", source == null ? "" : source.code(), text(sourceDetail), text(campaignCode), day(opened)});
    stages.writeRecord(Long.toString(id), first, day(opened));
    return id;
  }

  @Override
  public void stage(String owner, long prospect, String stage, LocalDate on) {
    heldProspects.get(prospect)[4] = stage;
    stages.writeRecord(Long.toString(prospect), stage, day(on));
  }

  @Override
  public void option(String owner, long prospect, String description, LocalDate on) {
    optionsRecorded.put(prospect, true);
    options.writeRecord(Long.toString(prospect), description, day(on));
  }

  @Override
  public void followUp(String owner, long contact, LocalDate due, String what) {
    followUps.writeRecord(Long.toString(contact), day(due), what, "");
  }

  @Override
  public void fit(String owner, long prospect, boolean fit, String why) {
    String[] p = heldProspects.get(prospect);
    p[8] = fit ? "yes" : "no";
    p[9] = text(why);
  }

  @Override
  public void letGo(String owner, long prospect, LocalDate on) {
    outcome(prospect, Outcome.NOT_A_FIT, on, null);
  }

  @Override
  public void notNow(String owner, long prospect, LocalDate on, LocalDate reconnect) {
    outcome(prospect, Outcome.NOT_NOW, on, reconnect);
  }

  @Override
  public void joined(String owner, long prospect, Outcome outcome, LocalDate on) {
    outcome(prospect, outcome, on, null);
    // Joining with no options weighed is recorded as stage 2 skipped (the distributor confirmed it).
    if (!optionsRecorded.containsKey(prospect)) heldProspects.get(prospect)[10] = "true";
  }

  private void outcome(long prospect, Outcome outcome, LocalDate on, LocalDate reconnect) {
    String[] p = heldProspects.get(prospect);
    p[5] = outcome.code();
    p[6] = day(on);
    p[7] = day(reconnect);
  }

  @Override
  public void endDistributor(String owner) {
    for (String[] c : heldContacts.values()) contacts.writeRecord(c);
    for (String[] p : heldProspects.values()) prospects.writeRecord(p);
    heldContacts.clear();
    heldProspects.clear();
    optionsRecorded.clear();
  }

  @Override
  public void close() throws IOException {
    IOException failed = null;
    for (CsvWriter w : open) {
      try {
        w.close();
      } catch (IOException e) {
        if (failed == null) failed = e;
      }
    }
    if (failed != null) throw failed;
  }
}
