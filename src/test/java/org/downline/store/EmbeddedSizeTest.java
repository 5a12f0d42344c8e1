package org.downline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.downline.app.network.ImportFile;
import org.downline.cli.ConsoleProgress;
import org.downline.core.Progress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A company that outgrows the embedded database is told so before its import writes (ADR 45), once
 * per import, and pointed at PostgreSQL; one within the size is told nothing. The size is set low
 * here ({@code downline.embedded-members}) so a test-sized company crosses it.
 */
class EmbeddedSizeTest {
  @TempDir Path dir;
  private Database db;

  @BeforeEach
  void open() {
    System.setProperty("downline.embedded-members", "3");
    db = Database.open("jdbc:h2:file:" + dir.resolve("db"));
  }

  @AfterEach
  void close() {
    db.close();
    System.clearProperty("downline.embedded-members");
  }

  @Test
  void anImportPastTheSizeIsToldOnceAndOneWithinItNothing() throws Exception {
    Notes three = new Notes();
    new ImportFile(db, three).importMembers(Files.writeString(dir.resolve("a.csv"), """
        id,sponsor_id,kind,join_date,status
        M1,,distributor,2026-01-01,active
        M2,M1,distributor,2026-01-02,active
        M3,M1,customer,2026-01-02,active
        """));
    assertThat(three.lines).isEmpty();

    Notes four = new Notes();
    ImportFile importer = new ImportFile(db, four);
    importer.importMembers(Files.writeString(dir.resolve("b.csv"), """
        id,sponsor_id,kind,join_date,status
        M4,M2,customer,2026-01-03,active
        """));
    importer.importOrders(Files.writeString(dir.resolve("orders.csv"), """
        id,member_id,date,pv,cv,return_of,total
        O1,M4,2026-02-01,10.00,8.00,,12.00
        """));
    assertThat(four.lines).containsExactly("The embedded database is sized for companies of up to 3 members; this one"
        + " has 4, so storing it here takes minutes where PostgreSQL takes seconds. To move the company: downline copy"
        + " --to jdbc:postgresql://HOST:5432/NAME (docs/data.md, \"Moving to PostgreSQL\").");
    assertThat(ImporterTest.count(db, "member")).isEqualTo(4); // told, and stored all the same
    assertThat(ImporterTest.count(db, "orders")).isEqualTo(1);

    Notes again = new Notes();
    new ImportFile(db, again).importMembers(dir.resolve("b.csv")); // nothing new to write: nothing to tell
    assertThat(again.lines).isEmpty();
  }

  @Test
  void theSizeIsWrittenWithThousandsSeparatorsAndTheCommandLinePrintsTheNoteOnItsOwnLine() {
    System.setProperty("downline.embedded-members", "250000");
    assertThat(db.sizeNote(250_000)).isNull();
    assertThat(db.sizeNote(1_000_000)).startsWith(
        "The embedded database is sized for companies of up to 250,000 members; this one has 1,000,000, so");

    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Progress console = new ConsoleProgress(new PrintStream(err, true, StandardCharsets.UTF_8), false);
    console.note("Read this first.");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("Read this first." + System.lineSeparator());
  }

  private static final class Notes implements Progress {
    final List<String> lines = new ArrayList<>();

    @Override
    public void start(String task, long total, String unit) {}

    @Override
    public void update(long done) {}

    @Override
    public void finish() {}

    @Override
    public void note(String line) {
      lines.add(line);
    }
  }
}
