package org.downline.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.downline.core.InputErrors;
import org.downline.core.Reason;

/**
 * Builds an {@link OrderBook} for a {@link Network} from rows in any order (a return may come
 * before its sale), checking: unique ids, known members, no order before its member joined, sales
 * non-negative, returns not positive, of an earlier-or-same-day sale of the same member, and never
 * more in total than the sale. Rows are kept in columns as they arrive, so tens of millions of
 * orders cost arrays, not objects.
 */
public final class OrderBookBuilder {
  private final String file;
  private Network network; // null while the members are not known yet (see #withMembersLater)
  /** Each row's member id, kept until {@link #members} looks them up (null: looked up as added). */
  private PackedIds memberIds;
  private int n;
  private long[] line; // null while every row's line is 0 (a database's rows have none)
  private final PackedIds ids;
  private int[] member;
  private int[] day;
  private long[] pv;
  private long[] cv;
  private long[] total;
  private boolean[] autoship;
  private int[] campaign;
  private String[] returnOfId; // the returned sale's id per row, null for a sale
  private final Map<Integer, String> unknownMemberId = new HashMap<>();
  private final Map<String, Integer> campaignIndex = new HashMap<>();
  private final List<String> campaignCodes = new ArrayList<>();

  public OrderBookBuilder(String file, Network network) {
    this(file, network, 1024);
  }

  public OrderBookBuilder(String file, Network network, int expectedSize) {
    this.file = file;
    this.network = network;
    int c = Math.max(16, expectedSize);
    ids = new PackedIds(c);
    member = new int[c];
    day = new int[c];
    pv = new long[c];
    cv = new long[c];
    total = new long[c];
    autoship = new boolean[c];
    campaign = new int[c];
    returnOfId = new String[c];
  }

  /**
   * A builder whose rows may be added before the members are known (an orders file read while the
   * members file is, on another core): each row's member id is kept as its bytes until
   * {@link #members} looks them all up. Only {@link #add(OrderRow)} adds to it.
   */
  public static OrderBookBuilder withMembersLater(String file, int expectedSize) {
    OrderBookBuilder b = new OrderBookBuilder(file, null, expectedSize);
    b.memberIds = new PackedIds(Math.max(16, expectedSize));
    return b;
  }

  /**
   * The members of a {@link #withMembersLater} builder's rows: looks up every row's member id in
   * {@code network} (on every core), as adding the rows to a builder over it would have.
   */
  public OrderBookBuilder members(Network network) {
    if (this.network != null || memberIds == null) throw new IllegalStateException("the members are already known");
    this.network = network;
    PackedIds ids = memberIds;
    memberIds = null;
    // Each row's slot is written once; ids that are not ASCII (or not found) are looked up again below, in row order.
    IntStream.range(0, n).parallel().forEach(r -> member[r] = ids.lookUp(r, network));
    for (int r = 0; r < n; r++) {
      if (member[r] == IdIndex.NOT_ASCII) member[r] = network.indexOf(ids.get(r));
      if (member[r] == Network.NONE) unknownMemberId.put(r, ids.get(r));
    }
    return this;
  }

  /** Rows with their members looked up go only to a builder that knows them. */
  private void membersKnown() {
    if (network == null) throw new IllegalStateException("the members are not known yet: only add(OrderRow) until members(network)");
  }

  public OrderBookBuilder add(OrderRow row) {
    if (memberIds != null) {
      if (n == this.member.length) grow();
      ids.add(row.id());
      memberIds.add(row.memberId());
      return put(row.line(), Network.NONE, null, row.day(), row.pv(), row.cv(), row.total(), row.returnOf(), row.autoship(),
          row.campaign(), false);
    }
    return add(row.line(), row.id(), row.memberId(), row.day(), row.pv(), row.cv(), row.total(), row.returnOf(),
        row.autoship(), row.campaign());
  }

  /** The same as {@link #add(OrderRow)} without the row object (bulk loaders). */
  public OrderBookBuilder add(long line, String id, String memberId, int day, long pv, long cv, long total,
      String returnOf, boolean autoship, String campaign) {
    membersKnown();
    int m = network.indexOf(memberId);
    return add(line, id, m, m == Network.NONE ? memberId : null, day, pv, cv, total, returnOf, autoship, campaign);
  }

  /**
   * The same with the member already looked up ({@link Network#indexOf}): {@code member} its index,
   * or {@link Network#NONE} with {@code unknownMemberId} the id to name in the error.
   */
  public OrderBookBuilder add(long line, String id, int member, String unknownMemberId, int day, long pv, long cv,
      long total, String returnOf, boolean autoship, String campaign) {
    membersKnown();
    if (n == this.member.length) grow();
    ids.add(id);
    return put(line, member, unknownMemberId, day, pv, cv, total, returnOf, autoship, campaign);
  }

  /**
   * The same with the id as its UTF-8 text {@code id[from..to)} (a bulk loader's bytes: no string
   * made).
   */
  public OrderBookBuilder add(long line, byte[] id, int from, int to, int member, String unknownMemberId, int day,
      long pv, long cv, long total, String returnOf, boolean autoship, String campaign) {
    membersKnown();
    if (n == this.member.length) grow();
    ids.add(id, from, to);
    return put(line, member, unknownMemberId, day, pv, cv, total, returnOf, autoship, campaign);
  }

  /** Row {@code n}'s columns but its id (added just before). */
  private OrderBookBuilder put(long line, int member, String unknownMemberId, int day, long pv, long cv,
      long total, String returnOf, boolean autoship, String campaign) {
    return put(line, member, unknownMemberId, day, pv, cv, total, returnOf, autoship, campaign, true);
  }

  /** With {@code known} false the member is looked up later ({@link #members}). */
  private OrderBookBuilder put(long line, int member, String unknownMemberId, int day, long pv, long cv,
      long total, String returnOf, boolean autoship, String campaign, boolean known) {
    if (line != 0 && this.line == null) this.line = new long[this.member.length];
    if (this.line != null) this.line[n] = line;
    this.member[n] = member;
    if (known && member == Network.NONE) this.unknownMemberId.put(n, unknownMemberId);
    this.day[n] = day;
    this.pv[n] = pv;
    this.cv[n] = cv;
    this.total[n] = total;
    this.autoship[n] = autoship;
    returnOfId[n] = returnOf;
    this.campaign[n] = campaign == null ? OrderBook.NONE
        : campaignIndex.computeIfAbsent(campaign, c -> {
          campaignCodes.add(c);
          return campaignCodes.size() - 1;
        });
    n++;
    return this;
  }

  /** Adds every order of an existing book (e.g. what the database already holds). */
  public OrderBookBuilder addAll(OrderBook existing, Network existingNetwork) {
    membersKnown();
    PackedIds from = existing.packedIds();
    for (int o = 0; o < existing.size(); o++) {
      int s = existing.returnOf()[o];
      String memberId = existingNetwork.id(existing.members()[o]);
      int m = existingNetwork == network ? existing.members()[o] : network.indexOf(memberId);
      if (n == member.length) grow();
      ids.add(from, o); // the bytes as they are: no string an order
      put(0, m, m == Network.NONE ? memberId : null, existing.days()[o], existing.pv()[o], existing.cv()[o],
          existing.totals()[o], s == OrderBook.NONE ? null : existing.id(s), existing.isAutoship(o), existing.campaign(o));
    }
    return this;
  }

  /**
   * Appends every row of {@code part} (a builder over the same network, filled on its own, e.g. from
   * one range of a table on another thread) after this one's, as if its rows had been added here:
   * concatenating the parts in order builds the same book as adding every row to one builder.
   */
  public OrderBookBuilder append(OrderBookBuilder part) {
    membersKnown();
    part.membersKnown();
    if (part.network != network) throw new IllegalArgumentException("a part of another network");
    while (member.length - n < part.n) grow();
    if (part.line != null && line == null) line = new long[member.length];
    int[] campaignOf = new int[part.campaignCodes.size()];
    for (int c = 0; c < campaignOf.length; c++) {
      campaignOf[c] = campaignIndex.computeIfAbsent(part.campaignCodes.get(c), code -> {
        campaignCodes.add(code);
        return campaignCodes.size() - 1;
      });
    }
    int m = part.n;
    if (part.line != null) System.arraycopy(part.line, 0, line, n, m);
    ids.append(part.ids);
    System.arraycopy(part.member, 0, member, n, m);
    System.arraycopy(part.day, 0, day, n, m);
    System.arraycopy(part.pv, 0, pv, n, m);
    System.arraycopy(part.cv, 0, cv, n, m);
    System.arraycopy(part.total, 0, total, n, m);
    System.arraycopy(part.autoship, 0, autoship, n, m);
    System.arraycopy(part.returnOfId, 0, returnOfId, n, m);
    for (int r = 0; r < m; r++) campaign[n + r] = part.campaign[r] == OrderBook.NONE ? OrderBook.NONE : campaignOf[part.campaign[r]];
    for (Map.Entry<Integer, String> e : part.unknownMemberId.entrySet()) unknownMemberId.put(n + e.getKey(), e.getValue());
    n += m;
    return this;
  }

  public int size() {
    return n;
  }

  private long lineOf(int r) {
    return line == null ? 0 : line[r];
  }

  /** A problem found by {@link #clean}: thrown, never shown (no stack trace made). */
  private static final RuntimeException NOT_CLEAN = new RuntimeException("a row has a problem", null, false, false) {};
  private static final OrderRules.Problems FAIL = (column, reason) -> {
    throw NOT_CLEAN;
  };

  /** Whether row {@code r} passes the checks of its own (its member, its signs). */
  private boolean clean(int r) {
    try {
      int m = member[r];
      OrderRules.checkMember(network, m, m == Network.NONE ? unknownMemberId.get(r) : null, day[r], FAIL);
      OrderRules.checkSigns(returnOfId[r] != null, pv[r], cv[r], total[r], FAIL);
      return true;
    } catch (RuntimeException e) {
      if (e != NOT_CLEAN) throw e;
      return false;
    }
  }

  /** Days this far apart or less are sorted by counting (a table of one int a day); wider spans by comparison. */
  private static final long COUNTING_SPAN = 1 << 22;

  /**
   * The rows in a stable order by day: the place of each row. A company's
   * days span a few thousand, so a counting sort (two passes over the days) does what a sort of 33
   * million packed keys took seconds of both cores for; the order is the same (by day, then by row).
   */
  private int[] byDay() {
    int[] placeOf = new int[n];
    if (n == 0) return placeOf;
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    for (int r = 0; r < n; r++) {
      min = Math.min(min, day[r]);
      max = Math.max(max, day[r]);
    }
    if ((long) max - min >= COUNTING_SPAN) {
      long[] keys = new long[n];
      IntStream.range(0, n).parallel().forEach(r -> keys[r] = ((long) day[r] + (1L << 31)) << 32 | r);
      Arrays.parallelSort(keys);
      for (int o = 0; o < n; o++) placeOf[(int) keys[o]] = o;
      return placeOf;
    }
    int[] next = new int[max - min + 2];
    for (int r = 0; r < n; r++) next[day[r] - min + 1]++;
    for (int d = 1; d < next.length; d++) next[d] += next[d - 1]; // next[d]: the first place of day min + d
    for (int r = 0; r < n; r++) placeOf[r] = next[day[r] - min]++;
    return placeOf;
  }

  private void grow() {
    int c = member.length * 2;
    if (line != null) line = Arrays.copyOf(line, c);
    member = Arrays.copyOf(member, c);
    day = Arrays.copyOf(day, c);
    pv = Arrays.copyOf(pv, c);
    cv = Arrays.copyOf(cv, c);
    total = Arrays.copyOf(total, c);
    autoship = Arrays.copyOf(autoship, c);
    campaign = Arrays.copyOf(campaign, c);
    returnOfId = Arrays.copyOf(returnOfId, c);
  }

  public OrderBook build() {
    InputErrors errors = new InputErrors();
    OrderBook book = build(errors);
    errors.throwIfAny();
    return book;
  }

  /** Checks and builds, adding problems to {@code errors}; returns null when there were any. */
  public OrderBook build(InputErrors errors) {
    if (network == null) throw new IllegalStateException("the members are not known yet (members(network) first)");
    // Stable sort by day first (a period becomes one contiguous range), then the index of the ids in
    // the book's order: it is the book's own, with no renumbering pass over its table.
    int[] indexOfRow = byDay(); // the place of each row in the book
    int[] rowOf = new int[n]; // the row at each place
    // Each slot below is written once, so the work is shared by the cores with the same result.
    IntStream.range(0, n).parallel().forEach(r -> rowOf[indexOfRow[r]] = r);
    PackedIds oIds = ids.permuted(indexOfRow);
    Map<Integer, Integer> twice = new HashMap<>();
    IdIndex byPlace = IdIndex.of(oIds, twice);
    // Rows by id: through the book's index while the ids are unique (always, from a primary key); with
    // a duplicate, through an index in row order, so that the first row of an id is the one named.
    Map<Integer, Integer> firstOf = new HashMap<>(); // a duplicate's row to the row that holds its id first
    IdIndex rowById = twice.isEmpty() ? null : IdIndex.of(ids, firstOf);
    // The rows' own checks on every core first: only when one fails (a bad file) are they run again
    // row by row, collecting every problem in the rows' order as before.
    boolean clean = firstOf.isEmpty() && IntStream.range(0, n).parallel().allMatch(this::clean);
    for (int r = 0; r < n && !clean; r++) {
      Integer previous = firstOf.isEmpty() ? null : firstOf.get(r);
      if (previous != null) {
        errors.add(file, lineOf(r), "id", Reason.of("duplicateOrder", ids.get(r), lineOf(previous)));
      }
      final long at = lineOf(r);
      OrderRules.Problems problems = (column, reason) -> errors.add(file, at, column, reason);
      int m = member[r];
      OrderRules.checkMember(network, m, m == Network.NONE ? unknownMemberId.get(r) : null, day[r], problems);
      OrderRules.checkSigns(returnOfId[r] != null, pv[r], cv[r], total[r], problems);
    }
    int[] saleRow = new int[n];
    Arrays.fill(saleRow, OrderBook.NONE);
    Map<Integer, long[]> returned = new HashMap<>(); // sale row -> {pv, cv, total} returned so far
    for (int r = 0; r < n; r++) {
      if (returnOfId[r] == null) continue;
      String saleId = returnOfId[r];
      int s;
      if (rowById != null) {
        s = rowById.get(saleId);
      } else {
        int o = byPlace.get(saleId);
        s = o == IdIndex.NONE ? IdIndex.NONE : rowOf[o];
      }
      final long at = lineOf(r);
      OrderRules.Problems problems = (column, reason) -> errors.add(file, at, column, reason);
      OrderRules.Sale sale = s == IdIndex.NONE ? OrderRules.Sale.unknown(saleId)
          : new OrderRules.Sale(saleId, true, returnOfId[s] != null, member[s], day[s], pv[s], cv[s], total[s]);
      if (!OrderRules.checkReturnLink(sale, member[r], day[r], problems)) continue;
      saleRow[r] = s;
      long[] sum = returned.computeIfAbsent(s, k -> new long[3]);
      sum[0] -= pv[r];
      sum[1] -= cv[r];
      sum[2] -= total[r];
      OrderRules.checkReturnedTotal(sale, sum[0], sum[1], sum[2], problems);
    }
    if (!errors.isEmpty()) return null;

    int[] oMember = new int[n];
    int[] oDay = new int[n];
    long[] oPv = new long[n];
    long[] oCv = new long[n];
    long[] oTotal = new long[n];
    int[] oReturnOf = new int[n];
    boolean[] oAutoship = new boolean[n];
    int[] oCampaign = new int[n];
    // Row by row to its place (a scatter: the places of one day advance together, where a gather
    // from the rows' places read all over the columns).
    IntStream.range(0, n).parallel().forEach(r -> {
      int o = indexOfRow[r];
      oMember[o] = member[r];
      oDay[o] = day[r];
      oPv[o] = pv[r];
      oCv[o] = cv[r];
      oTotal[o] = total[r];
      oReturnOf[o] = saleRow[r] == OrderBook.NONE ? OrderBook.NONE : indexOfRow[saleRow[r]];
      oAutoship[o] = autoship[r];
      oCampaign[o] = campaign[r];
    });
    // The check's index is the book's: the first lookup by id (an API order, a return) does not build a second.
    return new OrderBook(oIds, oMember, oDay, oPv, oCv, oTotal, oReturnOf, oAutoship, oCampaign,
        campaignCodes.toArray(String[]::new), byPlace);
  }
}
