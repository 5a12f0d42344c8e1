package org.downline.csv;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.downline.commission.LegVolumes;
import org.downline.commission.Lines;
import org.downline.commission.OutputOrder;
import org.downline.commission.PeriodResult;
import org.downline.core.Periods;
import org.downline.network.Network;
import org.downline.network.OrderBook;
import org.downline.network.PlacementTree;

/**
 * Writes a commission computation as {@code lines.csv} and {@code summary.csv} (and, for a plan
 * with a placement tree, {@code legs.csv}) in the spec's columns and order, one period after
 * another (periods arrive oldest first).
 */
public final class CommissionCsv implements Closeable {
  private final Network network;
  private final OrderBook book;
  private final OutputOrder order;
  private final CsvOutput lines;
  private final CsvOutput summary;
  /** null when the plan has no placement tree. */
  private final CsvOutput legs;
  /** Member ids laid out in id order (by rank), as lines come earner after earner in that order. */
  private CsvOutput.Encoded memberIds;
  /** Per order in id order (by rank): "order id,member id", the two source columns of a line. */
  private CsvOutput.Encoded orderSources;

  public CommissionCsv(Network network, OrderBook book, OutputOrder order, Path linesFile, Path summaryFile,
      List<String> kinds) throws IOException {
    this(network, book, order, linesFile, summaryFile, null, kinds);
  }

  /** With {@code legsFile} for a plan with a placement tree (null for none). */
  public CommissionCsv(Network network, OrderBook book, OutputOrder order, Path linesFile, Path summaryFile, Path legsFile,
      List<String> kinds) throws IOException {
    this.network = network;
    this.book = book;
    this.order = order;
    this.lines = new CsvOutput(new BufferedOutputStream(Files.newOutputStream(linesFile), 1 << 16));
    this.summary = new CsvOutput(new BufferedOutputStream(Files.newOutputStream(summaryFile), 1 << 16));
    lines.header("period", "earner_id", "bonus", "amount", "source_order_id", "source_member_id", "level");
    String[] head = new String[kinds.size() + 7];
    head[0] = "period";
    head[1] = "member_id";
    head[2] = "pv";
    head[3] = "gv";
    head[4] = "active";
    head[5] = "rank";
    for (int k = 0; k < kinds.size(); k++) head[6 + k] = kinds.get(k);
    head[head.length - 1] = "total";
    summary.header(head);
    if (legsFile == null) {
      legs = null;
    } else {
      legs = new CsvOutput(new BufferedOutputStream(Files.newOutputStream(legsFile), 1 << 16));
      legs.header("period", "member_id", "side", "carry_in", "new", "returned", "volume", "paired", "carry_out");
    }
  }

  public void write(PeriodResult r) throws IOException {
    String period = Periods.name(r.period());
    Lines ls = r.lines();
    List<String> kinds = r.plan().lineKinds();
    int[] orderMember = book.members();
    if (memberIds == null) {
      memberIds = CsvOutput.Encoded.fields(network.size(), rank -> network.id(order.membersByRank[rank]));
      orderSources = CsvOutput.Encoded.fields(book.size(), rank -> book.id(order.orderAtRank(rank)),
          rank -> network.id(orderMember[order.orderAtRank(rank)]));
    }
    byte[] periodBytes = CsvOutput.encode(period);
    byte[][] kindBytes = new byte[kinds.size()][];
    for (int k = 0; k < kinds.size(); k++) kindBytes[k] = CsvOutput.encode(kinds.get(k));
    long[][] sums = r.sumsByKindAndMember();
    order.forEachRanked(ls, (earnerRank, kind, srcRank, level, amount) -> {
      if (amount == 0) return;
      lines.raw(periodBytes, 0, periodBytes.length);
      memberIds.write(lines, earnerRank);
      lines.raw(kindBytes[kind], 0, kindBytes[kind].length).cents(amount);
      if (srcRank == OutputOrder.NO_RANK) {
        lines.text(null).text(null);
      } else if (srcRank < OutputOrder.NO_RANK) {
        lines.text(null);
        memberIds.write(lines, OutputOrder.memberRankOf(srcRank));
      } else {
        orderSources.write(lines, srcRank);
      }
      lines.whole(level).endRow();
    }, true);
    long[] pv = r.volumes().pv;
    long[] gv = r.volumes().gv;
    boolean[] active = r.volumes().active;
    byte[] rank = r.volumes().rank;
    LegVolumes lv = r.volumes().legs;
    for (int m : order.membersByRank) {
      if (!network.isDistributor(m)) continue;
      long total = 0;
      boolean any = gv[m] != 0 || (lv != null && lv.any(m));
      for (long[] s : sums) {
        total += s[m];
        any |= s[m] != 0;
      }
      if (!any) continue;
      summary.text(period).text(network.id(m)).cents(pv[m]).cents(gv[m]).text(active[m] ? "true" : "false")
          .text(r.plan().ranks().get(rank[m]).name());
      for (long[] s : sums) summary.cents(s[m]);
      summary.cents(total).endRow();
    }
    if (legs != null && lv != null) writeLegs(period, lv);
  }

  private void writeLegs(String period, LegVolumes lv) throws IOException {
    for (int m : order.membersByRank) {
      if (!lv.tree.inTree(m)) continue;
      for (int side = 0; side < 2; side++) {
        int j = 2 * m + side;
        if (!lv.any(m, side)) continue;
        legs.text(period).text(network.id(m)).text(PlacementTree.sideName(side)).cents(lv.carryIn[j]).cents(lv.added[j])
            .cents(lv.returned[j]).cents(lv.volume[j]).cents(lv.paired[j]).cents(lv.carryOut[j]).endRow();
      }
    }
  }

  @Override
  public void close() throws IOException {
    try {
      lines.close();
    } finally {
      try {
        summary.close();
      } finally {
        if (legs != null) legs.close();
      }
    }
  }
}
