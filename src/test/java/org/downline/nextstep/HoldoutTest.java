package org.downline.nextstep;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HoldoutTest {
  @Test
  void bucketIsFnv1aOfSeedColonIdModuloTenThousand() {
    // Worked out with an independent FNV-1a 64 (checked against the published vector
    // "a" -> 0xaf63dc4c8601ec8c) over the text seed + ":" + id, then unsigned mod 10000:
    // t:M1 -> 8408762487250592617 -> 2617; t:M2 -> 8408759188715707984 -> 7984;
    // t:M3 -> 8408760288227336195 -> 6195; t:M4 -> 8408765785785477250 -> 7250.
    assertThat(Holdout.bucket("t", "M1")).isEqualTo(2617);
    assertThat(Holdout.bucket("t", "M2")).isEqualTo(7984);
    assertThat(Holdout.bucket("t", "M3")).isEqualTo(6195);
    assertThat(Holdout.bucket("t", "M4")).isEqualTo(7250);
    // A 30% share (3000) holds out M1 only; 70% (7000) holds out M1 and M3; 0% nobody; 100% everyone.
    assertThat(Holdout.heldOut("t", "M1", 3000)).isTrue();
    assertThat(Holdout.heldOut("t", "M3", 3000)).isFalse();
    assertThat(Holdout.heldOut("t", "M3", 7000)).isTrue();
    assertThat(Holdout.heldOut("t", "M4", 7000)).isFalse();
    assertThat(Holdout.heldOut("t", "M1", 0)).isFalse();
    assertThat(Holdout.heldOut("t", "M2", 10_000)).isTrue();
  }

  @Test
  void theShareIsMetOverManyMembers() {
    // Not an exact figure: over 100,000 ids a 10% share lands within a percentage point of 10%.
    int held = 0;
    for (int k = 0; k < 100_000; k++) if (Holdout.heldOut("downline", "M" + k, 1000)) held++;
    assertThat(held).isBetween(9_000, 11_000);
  }
}
