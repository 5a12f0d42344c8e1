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
}
