package org.downline.network;

import org.downline.core.Periods;

/**
 * All orders of a company as parallel primitive arrays sorted by date, so that the orders of one
 * period are a contiguous range. Members are {@link Network} indexes; amounts are hundredths; a
 * return points at the index of its sale. Arrays are shared, not copied; callers must not modify
 * them. Build one with {@link OrderBookBuilder}.
 */
public final class OrderBook {
  public static final int NONE = -1;

  private final PackedIds ids; // no string an order (ADR 36): one is made when asked for
  private String[] idStrings; // all of them, made on the first ids()
  private final int[] member;
  private final int[] day;
  private final long[] pv;
  private final long[] cv;
  private final long[] total;
  private final int[] returnOf;
  private final boolean[] autoship;
  private final int[] campaign;
  private final String[] campaignCodes;
  private IdIndex indexById;

  /** {@code indexById}: the builder's index of these ids when it has one (null: built on first use). */
  OrderBook(PackedIds ids, int[] member, int[] day, long[] pv, long[] cv, long[] total, int[] returnOf,
      boolean[] autoship, int[] campaign, String[] campaignCodes, IdIndex indexById) {
    this.indexById = indexById;
    this.ids = ids;
    this.member = member;
    this.day = day;
    this.pv = pv;
    this.cv = cv;
    this.total = total;
    this.returnOf = returnOf;
    this.autoship = autoship;
    this.campaign = campaign;
    this.campaignCodes = campaignCodes;
  }

  public int size() {
    return member.length;
  }

  /** The order's id (a string made on each call: the book keeps the ids packed). */
  public String id(int o) {
    if (o < 0 || o >= member.length) throw new ArrayIndexOutOfBoundsException(o);
    return ids.get(o);
  }

  /** Every order's id, in the book's order: made on the first call (a cold load makes none) and kept. */
  public synchronized String[] ids() {
    if (idStrings == null) idStrings = ids.strings();
    return idStrings;
  }

  /**
   * The ids as their UTF-8 bytes, read in place: for a writer or a sort over millions of ids that
   * needs no string each (see {@link IdBytes}).
   */
  public IdBytes idBytes() {
    return new IdBytes() {
      @Override
      public int size() {
        return member.length;
      }

      @Override
      public boolean ascii() {
        return ids.ascii();
      }

      @Override
      public int length(int o) {
        return ids.length(o);
      }

      @Override
      public int byteAt(int o, int p) {
        return ids.byteAt(o, p);
      }

      @Override
      public void copy(int o, byte[] to, int at) {
        ids.copy(o, to, at);
      }

      @Override
      public int compare(int a, int b) {
        return ids.compare(a, b);
      }
    };
  }

  /** Read access to ids as UTF-8 bytes (see {@link #idBytes()}). */
  public interface IdBytes {
    int size();

    /** Whether every id is plain ASCII (then byte order is String.compareTo's order). */
    boolean ascii();

    /** Length of id i in bytes. */
    int length(int i);

    /** Byte p of id i, 0..255. */
    int byteAt(int i, int p);

    /** Copies id i's bytes to {@code to[at..]}. */
    void copy(int i, byte[] to, int at);

    /** Compares ids a and b byte by byte, unsigned. */
    int compare(int a, int b);
  }

  /** The packed ids, for a builder copying this book. */
  PackedIds packedIds() {
    return ids;
  }

  /** The columns as they are, for a stored copy of the model (ADR 38). */
  boolean[] autoships() {
    return autoship;
  }

  int[] campaignIndexes() {
    return campaign;
  }

  String[] campaignCodes() {
    return campaignCodes;
  }

  /** Network index of the member who placed each order. */
  public int[] members() {
    return member;
  }

  /** Epoch day of each order, ascending. */
  public int[] days() {
    return day;
  }

  public long[] pv() {
    return pv;
  }

  public long[] cv() {
    return cv;
  }

  /** The order's money amount in hundredths (0 when the input had none). */
  public long[] totals() {
    return total;
  }

  /** Index of the returned sale for a return, {@link #NONE} for a sale. */
  public int[] returnOf() {
    return returnOf;
  }

  public boolean isReturn(int o) {
    return returnOf[o] != NONE;
  }

  public boolean isAutoship(int o) {
    return autoship[o];
  }

  /** Campaign code of an order, or null. */
  public String campaign(int o) {
    return campaign[o] == NONE ? null : campaignCodes[campaign[o]];
  }

  /** Index of the order with this id, or {@link #NONE}. Builds its map on first use. */
  public synchronized int indexOf(String id) {
    if (indexById == null) {
      indexById = IdIndex.of(ids);
    }
    return indexById.get(id);
  }

  /** First order index on or after an epoch day (binary search over the sorted days). */
  public int firstOnOrAfter(int epochDay) {
    int lo = 0;
    int hi = day.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (day[mid] < epochDay) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Order index range {@code [from, to)} of a period (see {@link Periods#index}). */
  public int[] periodRange(int periodIndex) {
    return new int[] {firstOnOrAfter(Periods.firstDay(periodIndex)), firstOnOrAfter(Periods.firstDay(periodIndex + 1))};
  }
}
