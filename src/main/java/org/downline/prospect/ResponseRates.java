package org.downline.prospect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Response rate per channel and opening message: of the opening messages sent (the first message of
 * a conversation), the share answered. The seed's figure, about half of the people messaged to open
 * a conversation answer it, is the benchmark shown beside each rate.
 */
public final class ResponseRates {
  /** 50%, in basis points. */
  public static final long BENCHMARK_BASIS_POINTS = 5_000;
  /** The opening message of a row that totals a channel over all its openings. */
  public static final String ALL = "";

  private ResponseRates() {}

  public record Row(String channel, String opening, int sent, int answered, long rateBasisPoints) {}

  /**
   * One row per channel and opening message, then per channel over all its openings (opening
   * {@link #ALL}); channels and openings in alphabetical order. A null opening counts as ALL only.
   */
  public static List<Row> of(String[] channel, String[] opening, boolean[] answered) {
    Map<String, Map<String, int[]>> by = new TreeMap<>();
    for (int t = 0; t < channel.length; t++) {
      Map<String, int[]> ch = by.computeIfAbsent(channel[t] == null ? "" : channel[t], k -> new TreeMap<>());
      int a = answered[t] ? 1 : 0;
      int[] all = ch.computeIfAbsent(ALL, k -> new int[2]);
      all[0]++;
      all[1] += a;
      if (opening[t] != null && !opening[t].isBlank()) {
        int[] o = ch.computeIfAbsent(opening[t], k -> new int[2]);
        o[0]++;
        o[1] += a;
      }
    }
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, Map<String, int[]>> ch : by.entrySet()) {
      for (Map.Entry<String, int[]> o : ch.getValue().entrySet()) {
        if (o.getKey().equals(ALL)) continue;
        rows.add(row(ch.getKey(), o.getKey(), o.getValue()));
      }
      rows.add(row(ch.getKey(), ALL, ch.getValue().get(ALL)));
    }
    return rows;
  }

  private static Row row(String channel, String opening, int[] c) {
    return new Row(channel, opening, c[0], c[1], StageFlow.basisPoints(c[1], c[0]));
  }
}
