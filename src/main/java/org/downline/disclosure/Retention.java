package org.downline.disclosure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.downline.core.Periods;
import org.downline.network.Network;
import org.downline.network.OrderBook;

/**
 * Retention cohorts (docs/honest-numbers.md): members by population (distributors, customers) and
 * month of joining; for 3, 6 and 12 months later, the share still enrolled (not left by the day
 * that many months after joining) and the share who placed a sale in the month that many months
 * after the join month. A cell not yet known on the as-of day is absent (the triangle).
 */
public final class Retention {
  private Retention() {}

  public static final int[] AFTER = {3, 6, 12};

  /** Shares in tenths of a percent; {@code known[i]} false when AFTER[i] months have not passed by the as-of day. */
  public record Cohort(boolean distributors, int period, int members, boolean[] known, long[] enrolled, long[] ordered) {}

  /** Cohorts of the join months {@code fromPeriod..toPeriod}, distributors first. */
  public static List<Cohort> compute(Network net, OrderBook book, int fromPeriod, int toPeriod, int asOfDay) {
    int months = toPeriod - fromPeriod + 1;
    int[][] size = new int[2][months];
    int[][][] enrolled = new int[2][months][AFTER.length];
    int[][][] ordered = new int[2][months][AFTER.length];
    // Per member, the bit i set when they placed a sale in the month AFTER[i] after their join month.
    int[] orderedBits = new int[net.size()];
    int[] placer = book.members();
    int[] days = book.days();
    for (int o = 0; o < book.size(); o++) {
      if (book.isReturn(o)) continue;
      int m = placer[o];
      int after = Periods.periodOfDay(days[o]) - Periods.periodOfDay(net.joinDay(m));
      for (int i = 0; i < AFTER.length; i++) if (after == AFTER[i]) orderedBits[m] |= 1 << i;
    }
    for (int m = 0; m < net.size(); m++) {
      int c = Periods.periodOfDay(net.joinDay(m)) - fromPeriod;
      if (c < 0 || c >= months) continue;
      int pop = net.isDistributor(m) ? 0 : 1;
      size[pop][c]++;
      int left = IncomeDisclosure.leftDay(net, m);
      LocalDate join = LocalDate.ofEpochDay(net.joinDay(m));
      for (int i = 0; i < AFTER.length; i++) {
        if (join.plusMonths(AFTER[i]).toEpochDay() < left) enrolled[pop][c][i]++;
        if ((orderedBits[m] & (1 << i)) != 0) ordered[pop][c][i]++;
      }
    }
    List<Cohort> out = new ArrayList<>();
    for (int pop = 0; pop < 2; pop++) {
      for (int c = 0; c < months; c++) {
        int period = fromPeriod + c;
        boolean[] known = new boolean[AFTER.length];
        long[] e = new long[AFTER.length];
        long[] r = new long[AFTER.length];
        for (int i = 0; i < AFTER.length; i++) {
          // Known once the month AFTER[i] after the cohort's month has ended, and with it every join day + AFTER[i] months.
          known[i] = Periods.firstDay(period + AFTER[i] + 1) <= asOfDay + 1;
          e[i] = Share.tenths(enrolled[pop][c][i], size[pop][c]);
          r[i] = Share.tenths(ordered[pop][c][i], size[pop][c]);
        }
        out.add(new Cohort(pop == 0, period, size[pop][c], known, e, r));
      }
    }
    return out;
  }
}
