package org.downline.app.prospect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.downline.app.prospect.ContactsTest.ANA;
import static org.downline.app.prospect.ContactsTest.form;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.downline.core.InputError;
import org.downline.core.InvalidInputException;
import org.downline.core.Progress;
import org.downline.csv.ProspectingCsvWriter;
import org.downline.generate.ProspectingGenerator;
import org.downline.prospect.Tie;
import org.downline.store.BothDatabases;
import org.downline.store.ContactStore;
import org.downline.store.Database;
import org.junit.jupiter.api.io.TempDir;

/** The prospecting files into the database: counts as written, and a bad row changes nothing. */
class ProspectingImportTest {
  static final java.time.LocalDate TODAY = java.time.LocalDate.of(2026, 10, 31);
  @TempDir Path tmp;

  static final List<String> TABLES = List.of("contact", "contact_channel", "channel_consent", "community", "community_member",
      "contact_link", "prospect", "prospect_win_tag", "prospect_stage_entry", "prospect_option", "touch", "follow_up");

  private Path files() throws IOException {
    // Ana (D1) with the 30 contacts counted by hand in ProspectingGeneratorTest.
    Path dir = tmp.resolve("prospecting");
    try (ProspectingCsvWriter w = new ProspectingCsvWriter(dir)) {
      new ProspectingGenerator(7, TODAY).forDistributor("D1", 30, w);
    }
    return dir;
  }

  private static List<Long> counts(Database db) {
    List<Long> out = new ArrayList<>();
    for (String t : TABLES) out.add(Seed.count(db, "SELECT COUNT(*) FROM " + t));
    return out;
  }

  @BothDatabases
  void theFilesGoInWithTheirCountsAndNewRowsGetIdsAboveThem(Database db) throws IOException {
    ContactsTest.twoDistributors(db);
    Path dir = files();
    // The first touch's answer left empty: not known, stored as NULL (not as "not answered").
    Path touches = dir.resolve(ProspectingCsvWriter.TOUCHES);
    List<String> lines = new ArrayList<>(Files.readAllLines(touches));
    lines.set(1, lines.get(1).replaceFirst("(,true,[^,]*,)(true|false),", "$1,"));
    Files.write(touches, lines);
    ProspectingImport.Report r = new ProspectingImport(db, Progress.NONE).importDirectory(dir);
    assertThat(r).isEqualTo(new ProspectingImport.Report(30, 30, 3, 30, 42, 22, 53, 17, 45, 22));
    // Each channel's consent (25 given, 5 refused) has its history row; every prospect one win tag.
    assertThat(counts(db)).containsExactly(30L, 30L, 30L, 3L, 30L, 42L, 22L, 22L, 53L, 17L, 45L, 22L);
    assertThat(Seed.count(db, "SELECT COUNT(*) FROM contact_channel WHERE consent = 'refused'")).isEqualTo(5);
    assertThat(Seed.count(db, "SELECT COUNT(*) FROM touch WHERE answered IS NULL")).isEqualTo(1);
    assertThat(Seed.count(db, "SELECT COUNT(*) FROM contact WHERE owner_id = 'D1' AND do_not_contact = TRUE")).isEqualTo(1);
    // A 30-day cadence (i mod 3 = 0) restarts from the last touch, as a logged touch would.
    List<ContactStore.ContactRow> close = new Contacts(db).list(ANA, null).stream().filter(c -> c.tie() == Tie.CLOSE).toList();
    assertThat(close).hasSize(10).allSatisfy(c -> assertThat(c.nextTouchDue()).isEqualTo(c.lastTouch().plusDays(30)));
    // The pipeline reads them: 12 open (4 in each stage) and 10 with an outcome.
    Prospects.Pipeline p = new Prospects(db).pipeline(ANA);
    assertThat(p.byStage().values().stream().mapToInt(List::size).sum()).isEqualTo(12);
    assertThat(p.byOutcome().values().stream().mapToInt(List::size).sum()).isEqualTo(10);
    // The identity moved past the imported ids: the next contact a page adds is 31.
    assertThat(new Contacts(db).create(ANA, form("New One", Tie.FRIEND, null), TODAY).id()).isEqualTo(31);
  }

  @BothDatabases
  void aBadRowNamesFileLineAndReasonAndChangesNothing(Database db) throws IOException {
    ContactsTest.twoDistributors(db);
    Path dir = files();
    Path touches = dir.resolve(ProspectingCsvWriter.TOUCHES);
    List<String> lines = new ArrayList<>(Files.readAllLines(touches));
    lines.set(4, lines.get(4).replaceFirst(",(message|call),", ",shout,")); // line 5 of the file
    Files.write(touches, lines);
    Path contacts = dir.resolve(ProspectingCsvWriter.CONTACTS);
    List<String> people = new ArrayList<>(Files.readAllLines(contacts));
    people.set(2, people.get(2).replace(",D1,", ",NOBODY,")); // line 3: an owner who is no distributor
    Files.write(contacts, people);
    assertThatThrownBy(() -> new ProspectingImport(db, Progress.NONE).importDirectory(dir))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
            .extracting(InputError::file, InputError::line, InputError::column, InputError::reason)
            .contains(org.assertj.core.groups.Tuple.tuple("contacts.csv", 3L, "owner_id", "is not a distributor"),
                org.assertj.core.groups.Tuple.tuple("touches.csv", 5L, "kind", "is not one of call, meeting, message, chat, event")));
    assertThat(counts(db)).containsOnly(0L);
  }

  /** PostgreSQL: every index and foreign key of the prospecting tables, by definition (empty on H2). */
  private static List<String> indexesAndKeys(Database db) {
    if (!db.isPostgres()) return List.of();
    return db.inTransaction(c -> {
      List<String> out = new ArrayList<>();
      try (var ps = c.prepareStatement("SELECT indexdef FROM pg_indexes WHERE tablename = ANY(?) UNION ALL"
          + " SELECT conrelid::regclass || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'f'"
          + " AND conrelid::regclass::text = ANY(?) ORDER BY 1")) {
        var tables = c.createArrayOf("text", TABLES.toArray());
        ps.setArray(1, tables);
        ps.setArray(2, tables);
        try (var rs = ps.executeQuery()) {
          while (rs.next()) out.add(rs.getString(1));
        }
      }
      return out;
    });
  }

  @BothDatabases
  void aFirstLargeImportLoadsStraightAndGetsEveryIndexAndKeyBackAndASecondOneGoesThroughTheCheck(Database db) throws IOException {
    // 150 contacts: above the bulk path's 100 rows, so on PostgreSQL the first import drops the tables'
    // indexes and foreign keys once (it brings more rows than they hold) and makes them again after.
    ContactsTest.twoDistributors(db);
    Path dir = tmp.resolve("large");
    try (ProspectingCsvWriter w = new ProspectingCsvWriter(dir)) {
      new ProspectingGenerator(7, TODAY).forDistributor("D1", 150, w);
    }
    List<String> schema = indexesAndKeys(db);
    ProspectingImport.Report r = new ProspectingImport(db, Progress.NONE).importDirectory(dir);
    List<Long> once = counts(db);
    assertThat(r.contacts()).isEqualTo(150);
    assertThat(once.get(0)).isEqualTo(150L);
    assertThat(List.of(once.get(1), once.get(3), once.get(4), once.get(5), once.get(6), once.get(8), once.get(9), once.get(10),
        once.get(11))).containsExactly(r.channels(), r.communities(), r.communityMembers(), r.links(), r.prospects(), r.stageEntries(),
        r.options(), r.touches(), r.followUps());
    assertThat(indexesAndKeys(db)).isEqualTo(schema);
    // The same files again: the tables hold as many rows as come, so each chunk is staged and checked; every count doubles.
    new ProspectingImport(db, Progress.NONE).importDirectory(dir);
    assertThat(counts(db)).containsExactlyElementsOf(once.stream().map(n -> 2 * n).toList());
    assertThat(indexesAndKeys(db)).isEqualTo(schema);
    if (db.isPostgres()) assertThat(schema).contains("CREATE INDEX prospect_win_tag_owner ON public.prospect_win_tag USING btree (owner_id, prospect_id, tag)");
    // Win tags carry their prospect's owner.
    assertThat(Seed.count(db, "SELECT COUNT(*) FROM prospect_win_tag t JOIN prospect p ON p.id = t.prospect_id"
        + " WHERE t.owner_id = p.owner_id")).isEqualTo(once.get(7) * 2);
  }
}
