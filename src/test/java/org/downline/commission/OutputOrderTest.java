package org.downline.commission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.UniqueElements;
import org.junit.jupiter.api.Test;

/** The packed-key id sort agrees with String.compareTo on any ids. */
class OutputOrderTest {
  @Property(tries = 300)
  void sortedIndexesFollowStringCompareTo(
      @ForAll @Size(max = 60) @UniqueElements List<@StringLength(max = 14) String> ids) {
    String[] a = ids.toArray(String[]::new);
    int[] order = OutputOrder.sortedIndexes(a);
    String[] sorted = Arrays.stream(order).mapToObj(i -> a[i]).toArray(String[]::new);
    String[] expected = a.clone();
    Arrays.sort(expected, Comparator.naturalOrder());
    assertThat(sorted).containsExactly(expected);
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
