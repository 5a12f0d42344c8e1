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
  private OutputOrder order;
  /** The output order and the id texts by rank, when made on another thread (null: made here). */
  private final java.util.concurrent.Future<Layout> layout;
  private final CsvOutput lines;
  private final CsvOutput summary;
  /** null when the plan has no placement tree. */
  private final CsvOutput legs;
  /** Member ids laid out in id order (by rank), as lines come earner after earner in that order. */
  private CsvOutput.Encoded memberIds;
  /** Per order in id order (by rank): "order id,member id", the two source columns of a line. */
  private CsvOutput.Encoded orderSources;
  /** Lengths of the longest member id and "order id,member id" texts, bounding a row's length. */
  private int longestMemberId;
  private int longestSources;

  public CommissionCsv(Network network, OrderBook book, OutputOrder order, Path linesFile, Path summaryFile,
      List<String> kinds) throws IOException {
    this(network, book, order, linesFile, summaryFile, null, kinds);
  }

  /** With {@code legsFile} for a plan with a placement tree (null for none). */
  public CommissionCsv(Network network, OrderBook book, OutputOrder order, Path linesFile, Path summaryFile, Path legsFile,
      List<String> kinds) throws IOException {
    this(network, book, order, null, linesFile, summaryFile, legsFile, kinds);
  }

  /**
   * With the output order and the id texts being made elsewhere ({@link Layout#of}, e.g. on another
   * core while the first period is computed); the first {@link #write} waits for them.
   */
  public CommissionCsv(Network network, OrderBook book, java.util.concurrent.Future<Layout> layout, Path linesFile,
      Path summaryFile, Path legsFile, List<String> kinds) throws IOException {
    this(network, book, null, layout, linesFile, summaryFile, legsFile, kinds);
  }

  private CommissionCsv(Network network, OrderBook book, OutputOrder order, java.util.concurrent.Future<Layout> layout,
      Path linesFile, Path summaryFile, Path legsFile, List<String> kinds) throws IOException {
    this.network = network;
    this.book = book;
    this.order = order;
    this.layout = layout;
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
    if (memberIds == null) {
      Layout l = layout == null ? Layout.of(network, book, order) : awaitLayout();
      order = l.order;
      memberIds = l.memberIds;
      orderSources = l.orderSources;
      longestMemberId = memberIds.longest();
      longestSources = orderSources.longest();
    }
    byte[] periodBytes = CsvOutput.encode(period);
    byte[][] kindBytes = new byte[kinds.size()][];
    for (int k = 0; k < kinds.size(); k++) kindBytes[k] = CsvOutput.encode(kinds.get(k));
    // The summary (its sums a pass over every line, then a row per member) is made on a thread of
    // its own while the lines are written: on two cores it was a serial step before and after them.
    java.util.concurrent.FutureTask<Void> summaryRows = new java.util.concurrent.FutureTask<>(() -> {
      writeSummary(r, period);
      return null;
    });
    Thread summaryThread = new Thread(summaryRows, "summary");
    summaryThread.setDaemon(true);
    summaryThread.start();
    try {
      writeLines(ls, periodBytes, kindBytes);
    } finally {
      // Also on failure: the summary's work ends before this returns; the lines' error comes first.
      try {
        summaryRows.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while writing the summary");
      } catch (java.util.concurrent.ExecutionException e) {
        throw failure(e.getCause());
      }
    }
  }

  private void writeSummary(PeriodResult r, String period) throws IOException {
    long[][] sums = r.sumsByKindAndMember();
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

  /** The output order and the id texts laid out by rank, as the lines are written. */
  public static final class Layout {
    final OutputOrder order;
    /** Member ids laid out in id order (by rank), as lines come earner after earner in that order. */
    final CsvOutput.Encoded memberIds;
    /** Per order in id order (by rank): "order id,member id", the two source columns of a line. */
    final CsvOutput.Encoded orderSources;

    private Layout(OutputOrder order, CsvOutput.Encoded memberIds, CsvOutput.Encoded orderSources) {
      this.order = order;
      this.memberIds = memberIds;
      this.orderSources = orderSources;
    }

    public static Layout of(Network network, OrderBook book, OutputOrder order) {
      int[] orderMember = book.members();
      CsvOutput.Encoded memberIds = CsvOutput.Encoded.fields(network.size(), rank -> network.id(order.membersByRank[rank]));
      return new Layout(order, memberIds, CsvOutput.Encoded.fields(book.size(), book.idBytes(), order::orderAtRank, memberIds,
          rank -> order.memberRank[orderMember[order.orderAtRank(rank)]]));
    }
  }

  private Layout awaitLayout() throws IOException {
    try {
      return layout.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while ordering the ids");
    } catch (java.util.concurrent.ExecutionException e) {
      throw failure(e.getCause());
    }
  }

  /** Lines per segment formatted on its own (about 1.7 MB of text at 1M members' ids). */
  static final int SEGMENT = 1 << 15;
  /** Segments formatted or waiting to be written at one time: bounds the memory of the text. */
  private static final int IN_FLIGHT = 8;
  /** Threads formatting segments: on two cores both format while the grouping waits for a buffer. */
  private static final int FORMATTERS = 2;

  /** Segments' text buffers, made on the first period and reused. */
  private java.util.concurrent.ArrayBlockingQueue<Segment> free;

  /** One segment of a chunk of earners: its lines formatted as CSV rows into memory. */
  private static final class Segment {
    // Made on first use (the end marker never has any), then kept: a segment's text is about 1.7 MB.
    byte[] b = new byte[0];
    int n;
    java.util.concurrent.Future<?> formatted;
  }

  /**
   * Writes the period's lines in output order. Each chunk of earners that {@link OutputOrder} groups
   * is cut into segments of {@link #SEGMENT} consecutive lines; {@link #FORMATTERS} threads format segments into
   * memory while one thread writes them to the file in order, so formatting, the next chunk's
   * grouping and the writing share the cores. The bytes are those of formatting every line in order.
   */
  private void writeLines(Lines ls, byte[] periodBytes, byte[][] kindBytes) throws IOException {
    if (free == null) {
      free = new java.util.concurrent.ArrayBlockingQueue<>(IN_FLIGHT);
      for (int i = 0; i < IN_FLIGHT; i++) free.add(new Segment());
    }
    Segment end = new Segment();
    java.util.concurrent.LinkedBlockingQueue<Segment> inOrder = new java.util.concurrent.LinkedBlockingQueue<>();
    Throwable[] failed = new Throwable[1];
    Thread writer = new Thread(() -> {
      try {
        for (Segment s = inOrder.take(); s != end; s = inOrder.take()) {
          try {
            s.formatted.get();
            if (failed[0] == null) lines.rows(s.b, 0, s.n);
          } catch (Throwable t) {
            synchronized (failed) {
              if (failed[0] == null) failed[0] = t instanceof java.util.concurrent.ExecutionException e ? e.getCause() : t;
            }
          }
          s.n = 0;
          free.add(s);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "lines-writer");
    writer.setDaemon(true);
    java.util.concurrent.ExecutorService formatters = java.util.concurrent.Executors.newFixedThreadPool(FORMATTERS, r -> {
      Thread t = new Thread(r, "lines-format");
      t.setDaemon(true);
      return t;
    });
    writer.start();
    try {
      order.forEachChunk(ls, c -> {
        java.util.List<java.util.concurrent.Future<?>> parts = new java.util.ArrayList<>();
        for (int from = 0; from < c.size(); ) {
          int to = (int) Math.min(c.size(), (long) from + SEGMENT);
          Segment s = take();
          synchronized (failed) {
            if (failed[0] != null) throw failure(failed[0]);
          }
          int a = from;
          int b = to;
          s.formatted = formatters.submit(() -> {
            Rows rows = new Rows(s, periodBytes, kindBytes);
            for (int x = a; x < b; x += Rows.BLOCK) {
              int y = Math.min(b, x + Rows.BLOCK);
              rows.gather(c, x, y);
              c.visitLines(x, y, rows);
            }
            return null;
          });
          parts.add(s.formatted);
          inOrder.add(s);
          from = to;
        }
        return new AllDone(parts);
      });
    } finally {
      inOrder.add(end);
      formatters.shutdown();
      try {
        writer.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while writing lines");
      }
    }
    if (failed[0] != null) throw failure(failed[0]);
  }

  private Segment take() throws java.io.InterruptedIOException {
    try {
      return free.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while writing lines");
    }
  }

  private static IOException failure(Throwable t) {
    if (t instanceof IOException io) return io;
    if (t instanceof RuntimeException re) throw re;
    if (t instanceof Error e) throw e;
    return new IOException(t);
  }

  /** Done when every part is: a chunk is released once all its segments are formatted. */
  private record AllDone(java.util.List<java.util.concurrent.Future<?>> parts) implements java.util.concurrent.Future<Object> {
    @Override
    public Object get() throws InterruptedException, java.util.concurrent.ExecutionException {
      for (java.util.concurrent.Future<?> f : parts) f.get();
      return null;
    }

    @Override
    public Object get(long timeout, java.util.concurrent.TimeUnit unit) throws InterruptedException, java.util.concurrent.ExecutionException {
      return get();
    }

    @Override
    public boolean cancel(boolean interrupt) {
      return false;
    }

    @Override
    public boolean isCancelled() {
      return false;
    }

    @Override
    public boolean isDone() {
      return parts.stream().allMatch(java.util.concurrent.Future::isDone);
    }
  }

  /**
   * Formats a segment's lines as CSV rows straight into its bytes: one room check a row, and the
   * first two columns (period, earner id) copied as one piece made once per earner, whose lines
   * come together. The bytes are those {@link CsvOutput} writes field by field: the ids and kinds
   * are already encoded as CSV fields, amounts and levels formatted by the same code.
   *
   * <p>A line's source texts are at a random place among millions of orders' (two cache misses a
   * line, most of the formatting's time when read row by row). So a block of lines is first
   * gathered: their source ranks, then where each text is, then the texts copied end to end, each
   * step a short loop whose loads do not depend on each other, so the processor has many misses in
   * flight at once; the rows are then formatted from the gathered texts.
   */
  private final class Rows implements OutputOrder.RankedVisitor {
    /** Lines gathered at a time: their texts (about 20 bytes each) stay in the core's cache. */
    static final int BLOCK = 2048;
    private final Segment s;
    private final byte[][] kinds;
    /** "period,earner id," of the current earner. */
    private final byte[] lead;
    private final int periodLength;
    private int leadLength;
    private int leadRank = -1;
    /** The longest row but for the lead: the kind, an amount, both sources, a level and the separators. */
    private final int room;
    /** The block's lines (those written: not a zero amount) by source rank, then where their texts start and end. */
    private final int[] rank = new int[BLOCK];
    private final int[] from = new int[BLOCK];
    private final int[] to = new int[BLOCK];
    /** The block's source texts end to end, and the next line's place in the block and in them. */
    private byte[] texts = new byte[BLOCK * 24];
    private int next;
    private int textAt;
    private int count;

    Rows(Segment s, byte[] period, byte[][] kindBytes) {
      this.s = s;
      kinds = new byte[kindBytes.length][];
      int longestKind = 0;
      for (int k = 0; k < kindBytes.length; k++) {
        kinds[k] = java.util.Arrays.copyOf(kindBytes[k], kindBytes[k].length + 1);
        kinds[k][kindBytes[k].length] = ',';
        longestKind = Math.max(longestKind, kinds[k].length);
      }
      lead = java.util.Arrays.copyOf(period, period.length + longestMemberId + 2);
      lead[period.length] = ',';
      periodLength = period.length + 1;
      room = longestKind + 24 + 1 + Math.max(longestSources, longestMemberId + 1) + 1 + 20 + 1;
    }

    /** Gathers the source texts of the chunk's lines {@code x..y} (at most {@link #BLOCK}), in their order. */
    void gather(OutputOrder.Chunk c, int x, int y) throws IOException {
      count = 0;
      c.visitLines(x, y, (earnerRank, kind, srcRank, level, amount) -> {
        if (amount != 0) rank[count++] = srcRank;
      });
      byte[] orders = orderSources.bytes();
      byte[] members = memberIds.bytes();
      for (int i = 0; i < count; i++) {
        int r = rank[i];
        if (r >= 0) {
          from[i] = orderSources.start(r);
          to[i] = orderSources.start(r + 1);
        } else if (r < OutputOrder.NO_RANK) {
          int m = OutputOrder.memberRankOf(r);
          from[i] = memberIds.start(m);
          to[i] = memberIds.start(m + 1);
        } else {
          from[i] = 0;
          to[i] = 0;
        }
      }
      int at = 0;
      for (int i = 0; i < count; i++) {
        int length = to[i] - from[i];
        if (texts.length - at < length) texts = java.util.Arrays.copyOf(texts, Math.max(texts.length * 2, at + length));
        System.arraycopy(rank[i] >= 0 ? orders : members, from[i], texts, at, length);
        at += length;
        to[i] = at; // from now on: where the line's text ends in texts
      }
      next = 0;
      textAt = 0;
    }

    @Override
    public void line(int earnerRank, int kind, int srcRank, int level, long amount) {
      if (amount == 0) return;
      if (earnerRank != leadRank) {
        leadLength = memberIds.copy(earnerRank, lead, periodLength);
        lead[leadLength++] = ',';
        leadRank = earnerRank;
      }
      byte[] b = s.b;
      int at = s.n;
      if (b.length - at < leadLength + room) b = s.b = java.util.Arrays.copyOf(b, Math.max(Math.max(b.length * 2, 1 << 21), at + leadLength + room));
      System.arraycopy(lead, 0, b, at, leadLength);
      at += leadLength;
      byte[] k = kinds[kind];
      System.arraycopy(k, 0, b, at, k.length);
      at = CsvOutput.cents(b, at + k.length, amount);
      b[at++] = ',';
      // none: ",," before the level; a member: ",,member id"; an order: ",order id,member id".
      if (srcRank < 0) b[at++] = ',';
      int end = to[next++];
      System.arraycopy(texts, textAt, b, at, end - textAt);
      at += end - textAt;
      textAt = end;
      b[at++] = ',';
      if (level >= 0 && level < 10) b[at++] = (byte) ('0' + level);
      else at = CsvOutput.whole(b, at, level);
      b[at++] = '\n';
      s.n = at;
    }
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
