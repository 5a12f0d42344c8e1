package org.downline.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The id index by hand: ids of one hash, a duplicate, lookups from bytes, and renumbering. */
class IdIndexTest {
  // String.hashCode gives "Aa", "BB" and "C#" all 2112 (65 * 31 + 97 = 66 * 31 + 66 = 67 * 31 + 35); the index's own
  // hash does not, but in a table of 16 slots ids still share slots and are probed past.
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
    assertThat(index.get("C#")).isEqualTo(IdIndex.NONE);
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

  /**
   * Filled side by side in ranges of the table, the index answers every lookup and names every
   * duplicate's first row as the fill row by row does: with a small table cut into many ranges, long
   * runs of one hash ("Aa" and "BB" combined) and duplicates cross the ranges' ends often.
   */
  @Test
  void aFillInRangesAnswersAsTheFillRowByRow() {
    java.util.Random random = new java.util.Random(19);
    int n = 3000;
    String[] many = new String[n];
    for (int i = 0; i < n; i++) {
      int kind = random.nextInt(10);
      if (kind < 3) { // one of 64 strings of one hash
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < 6; k++) b.append(random.nextBoolean() ? "Aa" : "BB");
        many[i] = b.toString();
      } else if (kind < 5) {
        many[i] = many[random.nextInt(Math.max(1, i))] == null ? "M" + i : many[random.nextInt(Math.max(1, i))]; // a duplicate
      } else {
        many[i] = "M" + random.nextInt(5000);
      }
    }
    java.util.Map<Integer, Integer> oneByOne = new java.util.HashMap<>();
    IdIndex expected = IdIndex.of(many, n, oneByOne, 1);
    assertThat(oneByOne).isNotEmpty();
    for (int regions : new int[] {2, 3, 16, 256}) {
      java.util.Map<Integer, Integer> dupes = new java.util.HashMap<>();
      IdIndex index = IdIndex.of(many, n, dupes, regions);
      assertThat(dupes).as("%d ranges", regions).isEqualTo(oneByOne);
      for (int i = 0; i < n; i++) assertThat(index.get(many[i])).as("%s in %d ranges", many[i], regions).isEqualTo(expected.get(many[i]));
      for (int i = 0; i < 6000; i++) assertThat(index.get("M" + i)).isEqualTo(expected.get("M" + i));
    }
  }

  private static PackedIds packed(String... ids) {
    PackedIds p = new PackedIds(1); // grown as it fills
    for (String id : ids) p.add(id);
    return p;
  }

  /** Over packed ids (an order book's) the same answers, non-ASCII ids looked up from their bytes too. */
  @Test
  void packedIdsAnswerAsStrings() {
    PackedIds p = packed(ids);
    assertThat(p.size()).isEqualTo(5);
    assertThat(p.get(4)).isEqualTo("Ștefan");
    assertThat(p.strings()).containsExactly(ids);
    java.util.Map<Integer, Integer> dupes = new java.util.HashMap<>();
    IdIndex index = IdIndex.of(p, dupes, 1);
    assertThat(dupes).isEqualTo(java.util.Map.of(3, 0));
    assertThat(index.get("Aa")).isEqualTo(0);
    assertThat(index.get("BB")).isEqualTo(1);
    assertThat(index.get("Ștefan")).isEqualTo(4);
    assertThat(index.get("C#")).isEqualTo(IdIndex.NONE);
    assertThat(index.get((String) null)).isEqualTo(IdIndex.NONE);
    byte[] stefan = "xȘtefan".getBytes(StandardCharsets.UTF_8);
    assertThat(index.get(stefan, 1, stefan.length)).isEqualTo(4);
    PackedIds moved = p.permuted(new int[] {2, 3, 1, 4, 0});
    assertThat(moved.strings()).containsExactly("Ștefan", "M1", "Aa", "BB", "Aa");
    IdIndex renumbered = index.renumbered(moved, new int[] {2, 3, 1, 4, 0});
    assertThat(renumbered.get("Ștefan")).isEqualTo(0);
    assertThat(renumbered.get("Aa")).isEqualTo(2);
    assertThat(renumbered.get("BB")).isEqualTo(3);
  }

  /** A string with a lone surrogate has no UTF-8 form: refused, not stored as another id ("?"). */
  @Test
  void anIdThatIsNotUnicodeTextIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> packed("A\uD800"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Ids of letters and digits in base 36 (String.hashCode gives a third of them a hash another has) hash apart. */
  @Test
  void shortLetterAndDigitIdsHashApart() {
    java.util.Set<Integer> byString = new java.util.HashSet<>();
    java.util.Set<Integer> own = new java.util.HashSet<>();
    int n = 200_000;
    for (int i = 0; i < n; i++) {
      String id = Long.toString(46_656 + i, 36); // four characters and more
      byString.add(id.hashCode());
      own.add(IdIndex.hash(id));
      byte[] b = id.getBytes(StandardCharsets.US_ASCII);
      assertThat(PackedIds.hash(b, 0, b.length)).isEqualTo(IdIndex.hash(id));
    }
    assertThat(byString.size()).isLessThan(n * 3 / 4);
    assertThat(own.size()).isGreaterThan(n - 100);
  }

  @Test
  void packedIdsFilledInRangesAnswerAsTheFillRowByRow() {
    java.util.Random random = new java.util.Random(23);
    int n = 3000;
    String[] many = new String[n];
    for (int i = 0; i < n; i++) {
      int kind = random.nextInt(10);
      if (kind < 3) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < 6; k++) b.append(random.nextBoolean() ? "Aa" : "BB");
        many[i] = b.toString();
      } else if (kind < 5 && i > 0) {
        many[i] = many[random.nextInt(i)];
      } else {
        many[i] = (random.nextBoolean() ? "Ș" : "M") + random.nextInt(5000);
      }
    }
    PackedIds p = packed(many);
    java.util.Map<Integer, Integer> oneByOne = new java.util.HashMap<>();
    IdIndex expected = IdIndex.of(many, n, oneByOne, 1);
    for (int regions : new int[] {1, 2, 3, 16, 256}) {
      java.util.Map<Integer, Integer> dupes = new java.util.HashMap<>();
      IdIndex index = IdIndex.of(p, dupes, regions);
      assertThat(dupes).as("%d ranges", regions).isEqualTo(oneByOne);
      for (int i = 0; i < n; i++) assertThat(index.get(many[i])).isEqualTo(expected.get(many[i]));
      for (int i = 0; i < 6000; i++) assertThat(index.get("M" + i)).isEqualTo(expected.get("M" + i));
    }
  }
}
