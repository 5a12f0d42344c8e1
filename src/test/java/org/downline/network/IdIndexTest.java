package org.downline.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The id index by hand: ids of one hash, a duplicate, lookups from bytes, and renumbering. */
class IdIndexTest {
  // String.hashCode gives "Aa", "BB" and "C#" all 2112 (65 * 31 + 97 = 66 * 31 + 66 = 67 * 31 + 35): one slot, probed past.
  private final String[] ids = {"Aa", "BB", "M1", "Aa", "Ștefan"};

  @Test
  void findsIdsOfOneHashAndKeepsTheFirstOfEqualOnes() {
    IdIndex index = new IdIndex(ids, ids.length);
    assertThat(index.putIfAbsent(0)).isEqualTo(IdIndex.NONE);
    assertThat(index.putIfAbsent(1)).isEqualTo(IdIndex.NONE);
    assertThat(index.putIfAbsent(2)).isEqualTo(IdIndex.NONE);
    assertThat(index.putIfAbsent(3)).isEqualTo(0); // "Aa" again: the first holds it
    assertThat(index.putIfAbsent(4)).isEqualTo(IdIndex.NONE);
    assertThat(index.get("Aa")).isEqualTo(0);
    assertThat(index.get("BB")).isEqualTo(1);
    assertThat(index.get("M1")).isEqualTo(2);
    assertThat(index.get("Ștefan")).isEqualTo(4);
    assertThat(index.get("C#")).isEqualTo(IdIndex.NONE); // "C#" hashes to 2112 as well: compared, not found
    assertThat(index.get("M2")).isEqualTo(IdIndex.NONE);
    assertThat(index.get((String) null)).isEqualTo(IdIndex.NONE);
  }

  @Test
  void looksUpAsciiBytesWithoutAString() {
    IdIndex index = IdIndex.of(ids, ids.length);
    byte[] row = "xBB\tAa\tC#\tM1\t".getBytes(StandardCharsets.UTF_8);
    assertThat(index.get(row, 1, 3)).isEqualTo(1);
    assertThat(index.get(row, 4, 6)).isEqualTo(0);
    assertThat(index.get(row, 7, 9)).isEqualTo(IdIndex.NONE);
    assertThat(index.get(row, 10, 12)).isEqualTo(2);
    assertThat(index.get(row, 1, 2)).isEqualTo(IdIndex.NONE); // "B"
    byte[] stefan = "Ștefan".getBytes(StandardCharsets.UTF_8);
    assertThat(index.get(stefan, 0, stefan.length)).isEqualTo(IdIndex.NOT_ASCII);
  }

  @Test
  void renumberedFollowsThePermutation() {
    String[] three = {"Aa", "BB", "M1"};
    IdIndex index = IdIndex.of(three, 3);
    // old 0 -> new 2, old 1 -> new 0, old 2 -> new 1
    String[] moved = {"BB", "M1", "Aa"};
    IdIndex renumbered = index.renumbered(moved, new int[] {2, 0, 1});
    assertThat(renumbered.get("Aa")).isEqualTo(2);
    assertThat(renumbered.get("BB")).isEqualTo(0);
    assertThat(renumbered.get("M1")).isEqualTo(1);
    assertThat(renumbered.get("ZZ")).isEqualTo(IdIndex.NONE);
  }
}
