package org.downline.commission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Random;
import java.util.Set;
import org.downline.testing.Property;
import org.junit.jupiter.api.Test;

/** The packed-key id sort agrees with String.compareTo on any ids. */
class OutputOrderTest {
  @Test
  void sortedIndexesFollowStringCompareTo() {
    Property.forAll(300, g -> {
      // Up to 60 distinct ids of up to 14 characters each.
      int count = g.intBetween("ids", 0, 60);
      int maxLength = g.intBetween("maxLength", 0, 14);
      Set<String> ids = new LinkedHashSet<>();
      for (int attempt = 0; ids.size() < count && attempt < count * 4; attempt++) {
        ids.add(id(g.random(), g.random().nextInt(maxLength + 1)));
      }
      String[] a = ids.toArray(String[]::new);
      int[] order = OutputOrder.sortedIndexes(a);
      String[] sorted = Arrays.stream(order).mapToObj(i -> a[i]).toArray(String[]::new);
      String[] expected = a.clone();
      Arrays.sort(expected, Comparator.naturalOrder());
      assertThat(sorted).containsExactly(expected);
    });
  }

  /**
   * An id whose characters come from a few letters and digits (so that ids share long prefixes), from
   * printable ASCII, or from anywhere in the char range (NUL, Latin-1, surrogate halves included).
   */
  static String id(Random r, int length) {
    StringBuilder b = new StringBuilder(length);
    int alphabet = r.nextInt(3);
    for (int i = 0; i < length; i++) {
      b.append(switch (alphabet) {
        case 0 -> "O01".charAt(r.nextInt(3));
        case 1 -> (char) (' ' + r.nextInt(95));
        default -> r.nextInt(4) == 0 ? "O0\u0000\u00d8\uffff".charAt(r.nextInt(5)) : (char) r.nextInt(Character.MAX_VALUE + 1);
      });
    }
    return b.toString();
  }

  @Test
  void sharedPrefixesAndPrefixIdsAndWideIds() {
    String[] a = {"O000000010", "O00000001", "O000000002", "O0000000100", "O0", "Ø1", "O000000001\u0000"};
    int[] order = OutputOrder.sortedIndexes(a);
    String[] sorted = Arrays.stream(order).mapToObj(i -> a[i]).toArray(String[]::new);
    // String order, character by character: "O0" is a prefix of all; "O000000001\0" and "O000000002"
    // have '0' at index 8 where "O00000001" has '1'; "O00000001" is a prefix of "O000000010",
    // itself a prefix of "O0000000100"; 'Ø' (U+00D8) > 'O'.
    assertThat(sorted).containsExactly("O0", "O000000001\u0000", "O000000002", "O00000001", "O000000010", "O0000000100", "Ø1");
  }
}
