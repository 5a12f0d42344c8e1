package org.downline.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import org.downline.csv.CompanyCsvWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same arguments, same bytes; another seed, another company. */
class CompanyGeneratorDeterminismTest {
  @TempDir Path tmp;

  private Path write(String name, long seed) throws IOException {
    Path dir = tmp.resolve(name);
    try (CompanyCsvWriter w = new CompanyCsvWriter(dir)) {
      new CompanyGenerator(3_000, 12, seed, YearMonth.of(2025, 11)).generate(w);
    }
    return dir;
  }

  @Test
  void sameSeedSameBytes() throws IOException {
    Path a = write("a", 77);
    Path b = write("b", 77);
    for (String f : CompanyCsvWriter.FILES) {
      assertThat(Files.size(a.resolve(f))).as(f).isPositive();
      assertThat(Files.mismatch(a.resolve(f), b.resolve(f))).as(f).isEqualTo(-1L);
    }
  }

  @Test
  void differentSeedDifferentCompany() throws IOException {
    Path a = write("a", 77);
    Path c = write("c", 78);
    assertThat(Files.mismatch(a.resolve(CompanyCsvWriter.MEMBERS), c.resolve(CompanyCsvWriter.MEMBERS))).isNotEqualTo(-1L);
    assertThat(Files.mismatch(a.resolve(CompanyCsvWriter.ORDERS), c.resolve(CompanyCsvWriter.ORDERS))).isNotEqualTo(-1L);
    // The catalogue is built in, not drawn.
    assertThat(Files.mismatch(a.resolve(CompanyCsvWriter.PRODUCTS), c.resolve(CompanyCsvWriter.PRODUCTS))).isEqualTo(-1L);
  }
}
