package org.downline.commission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines written from chains a batch at a time are the lines of each unit's chain, unit after unit. */
class ChainsTest {
  // Member m's pairs (earner, level); m = 1 and 4 have none.
  static final int[][][] PAIRS = {{{1, 1}, {2, 2}}, {}, {{3, 1}}, {{4, 1}, {0, 2}, {1, 3}}, {}};
  static final long[] PPM = {0, 10, 20, 30};

  static Chains chains(int[][][] pairs) {
    return Chains.build("test", pairs.length, 2, (m, earner, level, at) -> {
      if (earner != null) {
        for (int t = 0; t < pairs[m].length; t++) {
          earner[at + t] = pairs[m][t][0];
          level[at + t] = (byte) pairs[m][t][1];
        }
      }
      return pairs[m].length;
    });
  }

  @Test
  void unitsAcrossSeveralBatchesGiveEachUnitsChainInOrder() {
    // 150 units: two full batches of 64 and a last one of 22.
    List<String> written = new ArrayList<>();
    Chains.Batch batch = chains(PAIRS).batch(PPM, (e, src, lvl, micro) -> written.add(e + "," + src + "," + lvl + "," + micro));
    List<String> expected = new ArrayList<>();
    for (int u = 0; u < 150; u++) {
      int m = u % 5;
      batch.add(m, u + 1, 1000 + u);
      for (int[] p : PAIRS[m]) expected.add(p[0] + "," + (1000 + u) + "," + p[1] + "," + (u + 1) * PPM[p[1]]);
    }
    batch.flush();
    assertThat(written).hasSize(2 * 30 + 30 + 3 * 30).containsExactlyElementsOf(expected);
    assertThat(written.get(0)).isEqualTo("1,1000,1,10");
    assertThat(written.get(written.size() - 1)).isEqualTo("1,1148,3,4470");
  }

  @Test
  void noPairsAtAllWriteNoLine() {
    List<String> written = new ArrayList<>();
    Chains.Batch batch = chains(new int[][][] {{}, {}}).batch(PPM, (e, src, lvl, micro) -> written.add(e + "," + src));
    for (int u = 0; u < 100; u++) batch.add(u % 2, 5, u);
    batch.flush();
    assertThat(written).isEmpty();
  }
}
