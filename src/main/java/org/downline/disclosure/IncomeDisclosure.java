package org.downline.disclosure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.downline.core.Decimals;
import org.downline.network.MemberStatus;
import org.downline.network.Network;
import org.downline.network.OrderBook;

/**
 * The income disclosure statement of a calendar year (docs/honest-numbers.md): every participant
 * counted, zero and negative earners included, what they bought taken into account, and
 * percentiles by the nearest-rank method so that each figure is one participant's real earnings.
 */
public final class IncomeDisclosure {
  private IncomeDisclosure() {}

  /** One group (a rank, or every participant) of the statement; amounts in cents, shares in tenths of a percent. */
  public record Row(String group, int participants, long shareOfParticipants, int earnedNothing, long shareEarnedNothing,
      long mean, long median, long p10, long p25, long p75, long p90, long min, long max, long medianPerMonth,
      long medianNet, long shareNetNegative, int leftDuringYear, long shareLeftDuringYear, long grossTotal,
      long purchasesTotal) {}

  /** The statement: one row per rank in rank order, then {@code all}; {@code leftOut} lists months 1..12 not included. */
  public record Statement(int year, List<Row> rows, int[] leftOut) {
    public Row all() {
      return rows.get(rows.size() - 1);
    }
  }

  /** What the statement knows of each participant (member index order); for drill-down and tests. */
  public record Participants(int[] member, int[] months, long[] gross, long[] purchases, byte[] group, boolean[] leftDuringYear) {}

  public static Statement compute(Network net, OrderBook book, YearLedger ledger, List<String> ranks) {
    return compute(participants(net, book, ledger), ledger, ranks);
  }

  /**
   * The participants of the year: distributors who joined on or before its last day and had not
   * left before its first, with at least one included month of participation.
   */
  public static Participants participants(Network net, OrderBook book, YearLedger ledger) {
    int year = ledger.year;
    int first = (int) LocalDate.of(year, 1, 1).toEpochDay();
    int last = (int) LocalDate.of(year, 12, 31).toEpochDay();
    int n = net.size();
    int[] index = new int[n];
    Arrays.fill(index, -1);
    int count = 0;
    int[] months = new int[n];
    boolean[] left = new boolean[n];
    for (int m = 0; m < n; m++) {
      if (!net.isDistributor(m)) continue;
      int join = net.joinDay(m);
      int leftDay = leftDay(net, m);
      if (join > last || leftDay < first) continue;
      int from = join < first ? 1 : LocalDate.ofEpochDay(join).getMonthValue();
      int to = leftDay > last ? 12 : LocalDate.ofEpochDay(leftDay).getMonthValue();
      // A status date before the join date is bad data; count the join month rather than none.
      to = Math.max(from, to);
      int c = 0;
      for (int month = from; month <= to; month++) if (ledger.included(month)) c++;
      if (c == 0) continue;
      months[count] = c;
      left[count] = leftDay <= last;
      index[m] = count++;
    }
    int[] member = new int[count];
    for (int m = 0; m < n; m++) if (index[m] >= 0) member[index[m]] = m;
    long[] gross = new long[count];
    byte[] group = new byte[count];
    for (int i = 0; i < count; i++) {
      gross[i] = ledger.gross[member[i]];
      group[i] = (byte) Math.max(0, ledger.highestRank[member[i]]);
    }
    long[] purchases = new long[count];
    int[] placer = book.members();
    int[] days = book.days();
    long[] totals = book.totals();
    for (int o = book.firstOnOrAfter(first), end = book.firstOnOrAfter(last + 1); o < end; o++) {
      int i = index[placer[o]];
      if (i < 0 || !ledger.included(LocalDate.ofEpochDay(days[o]).getMonthValue())) continue;
      purchases[i] += book.isReturn(o) ? -Math.abs(totals[o]) : totals[o];
    }
    return new Participants(member, Arrays.copyOf(months, count), gross, purchases, group, Arrays.copyOf(left, count));
  }

  /** The day a member left: their status date when cancelled or terminated (else their join date); never for others. */
  public static int leftDay(Network net, int m) {
    MemberStatus s = net.status(m);
    if (s != MemberStatus.CANCELLED && s != MemberStatus.TERMINATED) return Integer.MAX_VALUE;
    return net.statusDay(m) == Integer.MIN_VALUE ? net.joinDay(m) : net.statusDay(m);
  }

  static Statement compute(Participants p, YearLedger ledger, List<String> ranks) {
    int total = p.member().length;
    List<Row> rows = new ArrayList<>();
    for (int r = 0; r < ranks.size(); r++) {
      int rank = r;
      rows.add(row(ranks.get(r), p, i -> p.group()[i] == rank, total));
    }
    rows.add(row("all", p, i -> true, total));
    int[] leftOut = new int[12];
    int k = 0;
    for (int month = 1; month <= 12; month++) if (!ledger.included(month)) leftOut[k++] = month;
    return new Statement(ledger.year, List.copyOf(rows), Arrays.copyOf(leftOut, k));
  }

  private interface InGroup {
    boolean test(int participant);
  }

  private static Row row(String name, Participants p, InGroup in, int total) {
    int n = 0;
    for (int i = 0; i < p.member().length; i++) if (in.test(i)) n++;
    long[] gross = new long[n];
    long[] net = new long[n];
    int[] months = new int[n];
    int nothing = 0;
    int negative = 0;
    int left = 0;
    long sum = 0;
    long bought = 0;
    int k = 0;
    for (int i = 0; i < p.member().length; i++) {
      if (!in.test(i)) continue;
      gross[k] = p.gross()[i];
      net[k] = p.gross()[i] - p.purchases()[i];
      months[k] = p.months()[i];
      if (gross[k] <= 0) nothing++;
      if (net[k] < 0) negative++;
      if (p.leftDuringYear()[i]) left++;
      sum += gross[k];
      bought += p.purchases()[i];
      k++;
    }
    if (n == 0) return new Row(name, 0, Share.tenths(0, total), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    long perMonth = medianPerMonth(gross, months);
    long[] byGross = gross.clone();
    Arrays.sort(byGross);
    Arrays.sort(net);
    return new Row(name, n, Share.tenths(n, total), nothing, Share.tenths(nothing, n),
        Decimals.divideHalfAwayFromZero(sum, n), nearestRank(byGross, 50), nearestRank(byGross, 10),
        nearestRank(byGross, 25), nearestRank(byGross, 75), nearestRank(byGross, 90), byGross[0], byGross[n - 1],
        perMonth, nearestRank(net, 50), Share.tenths(negative, n), left, Share.tenths(left, n), sum, bought);
  }

  /** 1-based position of the p-th percentile of n sorted values by the nearest-rank method: ceil(p x n / 100). */
  public static int position(int p, int n) {
    return (int) ((p * (long) n + 99) / 100);
  }

  /** The value at the nearest-rank position of an ascending array (not empty). */
  public static long nearestRank(long[] ascending, int p) {
    return ascending[position(p, ascending.length) - 1];
  }

  /**
   * The nearest-rank median of gross / months, chosen on the exact quotients (compared by cross
   * multiplication) and only then rounded to cents.
   */
  static long medianPerMonth(long[] gross, int[] months) {
    int n = gross.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) order[i] = i;
    Arrays.sort(order, (a, b) -> Long.compare(gross[a] * months[b], gross[b] * months[a]));
    int chosen = order[position(50, n) - 1];
    return Decimals.divideHalfAwayFromZero(gross[chosen], months[chosen]);
  }
}
