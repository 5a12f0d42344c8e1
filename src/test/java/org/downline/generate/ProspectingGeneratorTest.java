package org.downline.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.downline.csv.ProspectingCsvWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One distributor with 30 contacts, counted by hand from the pattern of 24 (contact i plays contact
 * i mod 24): contacts 0-23 are the demo's, 24-29 repeat contacts 0-5.
 */
class ProspectingGeneratorTest {
  static final LocalDate TODAY = LocalDate.of(2026, 10, 31);
  @TempDir Path tmp;

  static Path write(Path dir, long seed, int contacts) throws IOException {
    try (ProspectingCsvWriter w = new ProspectingCsvWriter(dir)) {
      new ProspectingGenerator(seed, TODAY).forDistributor("D1", contacts, w);
    }
    return dir;
  }

  static List<String> rows(Path dir, String file) throws IOException {
    List<String> lines = Files.readAllLines(dir.resolve(file));
    return lines.subList(1, lines.size());
  }

  static long count(List<String> rows, String part) {
    return rows.stream().filter(r -> r.contains(part)).count();
  }

  @Test
  void thirtyContactsMakeTheCountsWorkedByHand() throws IOException {
    Path dir = write(tmp.resolve("a"), 7, 30);
    // Every contact has one email; i mod 6 = 5 refused: 5, 11, 17, 23, 29.
    assertThat(rows(dir, ProspectingCsvWriter.CONTACTS)).hasSize(30);
    List<String> channels = rows(dir, ProspectingCsvWriter.CHANNELS);
    assertThat(channels).hasSize(30);
    assertThat(count(channels, ",refused,")).isEqualTo(5);
    // Do-not-contact: i mod 24 = 23, contact 23 alone.
    assertThat(count(rows(dir, ProspectingCsvWriter.CONTACTS), ",true,")).isEqualTo(1);
    assertThat(rows(dir, ProspectingCsvWriter.COMMUNITIES)).hasSize(3);
    assertThat(rows(dir, ProspectingCsvWriter.COMMUNITY_MEMBERS)).hasSize(30);
    // Running club 0, 3, ..., 27 (10 members), each linked to the next 7 at most: 7+7+7+6+5+4+3+2+1+0.
    assertThat(rows(dir, ProspectingCsvWriter.LINKS)).hasSize(42);
    // Touches: one opening each, and a call for every even contact: 30 + 15.
    assertThat(rows(dir, ProspectingCsvWriter.TOUCHES)).hasSize(45);
    // Prospects: 0-15 of the first 24, and 24-29 (as 0-5): 22, each with one follow-up.
    List<String> prospects = rows(dir, ProspectingCsvWriter.PROSPECTS);
    assertThat(prospects).hasSize(22);
    assertThat(ProspectingGenerator.prospects(30)).isEqualTo(22);
    assertThat(rows(dir, ProspectingCsvWriter.FOLLOW_UPS)).hasSize(22);
    // Outcomes of 6-15 by i mod 5: 0 let go (10, 15), 1 not now (6, 11), 2 joined as distributor (7, 12),
    // 3 and 4 became customer (8, 9, 13, 14); 14 skipped stage 2.
    assertThat(count(prospects, ",not-a-fit,")).isEqualTo(2);
    assertThat(count(prospects, ",not-now,")).isEqualTo(2);
    assertThat(count(prospects, ",joined-distributor,")).isEqualTo(2);
    assertThat(count(prospects, ",became-customer,")).isEqualTo(4);
    assertThat(count(prospects, ",true,")).isEqualTo(1);
    // Open: 0-5 and 24-29 in stage i/2 (i mod 24): two of each stage in each run of six.
    assertThat(prospects.stream().filter(p -> p.contains(",understanding,,")).count()).isEqualTo(4);
    assertThat(prospects.stream().filter(p -> p.contains(",exploring,,")).count()).isEqualTo(4);
    assertThat(prospects.stream().filter(p -> p.contains(",choosing,,")).count()).isEqualTo(4);
    // Stage entries: the opening one each (22), a move for 2-15 and 26-29 less 14's skipped stage 2 (13 + 4),
    // a second move for 4-15 and 28-29 (12 + 2): 22 + 17 + 14 = 53. Options: one per stage-2 move, 17.
    assertThat(rows(dir, ProspectingCsvWriter.STAGES)).hasSize(53);
    assertThat(rows(dir, ProspectingCsvWriter.OPTIONS)).hasSize(17);
  }

  @Test
  void theSameSeedMakesTheSameFilesAndAnotherSeedOthers() throws IOException {
    Path a = write(tmp.resolve("a"), 7, 50);
    Path b = write(tmp.resolve("b"), 7, 50);
    Path c = write(tmp.resolve("c"), 8, 50);
    for (String f : ProspectingCsvWriter.FILES) {
      assertThat(Files.readAllBytes(b.resolve(f))).as(f).isEqualTo(Files.readAllBytes(a.resolve(f)));
    }
    assertThat(Files.readAllBytes(c.resolve(ProspectingCsvWriter.TOUCHES)))
        .isNotEqualTo(Files.readAllBytes(a.resolve(ProspectingCsvWriter.TOUCHES)));
  }
}
