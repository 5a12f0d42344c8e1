package org.downline.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.downline.testing.Property;
import org.junit.jupiter.api.Test;

/** Whatever order members arrive in, the built tree keeps the two layout promises the engines rely on. */
class NetworkProperties {
  @Test
  void sponsorsComeFirstAndChildrenAreContiguous() {
    Property.forAll(200, g -> sponsorsComeFirstAndChildrenAreContiguous(g.intBetween("size", 1, 300), g.seed()));
  }

  void sponsorsComeFirstAndChildrenAreContiguous(int size, long seed) {
    Random random = new Random(seed);
    List<MemberRow> rows = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      boolean root = i == 0 || random.nextInt(20) == 0;
      String sponsor = root ? null : "M" + random.nextInt(i);
      rows.add(MemberRow.of(i + 2, "M" + i, sponsor, MemberKind.DISTRIBUTOR, 20000));
    }
    Collections.shuffle(rows, random);
    NetworkBuilder builder = new NetworkBuilder("members.csv");
    rows.forEach(builder::add);
    Network network = builder.build();

    assertThat(network.size()).isEqualTo(size);
    int[] childrenSeen = new int[size];
    for (int i = 0; i < size; i++) {
      int s = network.sponsor(i);
      assertThat(s).isLessThan(i);
      if (s != Network.NONE) {
        assertThat(i).isBetween(network.childStart(s), network.childEnd(s) - 1);
        childrenSeen[s]++;
        assertThat(network.depths()[i]).isEqualTo(network.depths()[s] + 1);
      }
    }
    for (int i = 0; i < size; i++) {
      assertThat(network.childEnd(i) - network.childStart(i)).isEqualTo(childrenSeen[i]);
      for (int c = network.childStart(i); c < network.childEnd(i); c++) assertThat(network.sponsor(c)).isEqualTo(i);
    }
    for (MemberRow row : rows) {
      int i = network.indexOf(row.id());
      assertThat(network.id(i)).isEqualTo(row.id());
      assertThat(row.sponsorId() == null ? null : network.id(network.sponsor(i))).isEqualTo(row.sponsorId());
    }
  }
}
