package org.downline.network;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The in-memory model (a {@link Network} and its {@link OrderBook}) as columns of little-endian
 * numbers, for a stored copy that a cold load reads back without a row each (ADR 38). Each column is
 * one of the model's arrays; its values are written in the fewest bytes of 1, 2, 4 or 8 that hold
 * every one of them (an epoch day in 2, most amounts in 4), and ids as their UTF-8 bytes end to end
 * beside their lengths. Reading is a bulk copy or a widening loop per column, then the two id indexes
 * built on every core as a load builds them. {@link #FORMAT} names this layout: a stored copy of
 * another is not read.
 */
public final class ModelColumns {
  /** The layout's version: change it with any change of the columns or their meaning. */
  public static final int FORMAT = 1;

  private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

  /** What a column's values are in memory. */
  private enum Type { BYTE, BOOL, INT, LONG }

  /** The columns of format 1, in order, with their type and whether they count members, orders or other. */
  private static final String[] NAMES = {
    "member.id.bytes", "member.id.length", "member.sponsor", "member.kind", "member.preferred", "member.join_day",
    "member.status", "member.status_day", "member.placement", "member.placement_position", "member.child_start",
    "member.depth", "order.id.bytes", "order.id.length", "order.member", "order.day", "order.pv", "order.cv",
    "order.total", "order.return_of", "order.autoship", "order.campaign", "campaign.code.bytes", "campaign.code.length"};
  private static final Type[] TYPES = {
    Type.BYTE, Type.INT, Type.INT, Type.BYTE, Type.BOOL, Type.INT,
    Type.BYTE, Type.INT, Type.INT, Type.INT, Type.INT,
    Type.INT, Type.BYTE, Type.INT, Type.INT, Type.INT, Type.LONG, Type.LONG,
    Type.LONG, Type.INT, Type.BOOL, Type.INT, Type.BYTE, Type.INT};

  /** A column as stored: its name, bytes a value and number of values. */
  public record Column(String name, int width, long count) {
    public long bytes() {
      return width * count;
    }
  }

  private ModelColumns() {}

  /** The columns of a model, ready to be written piece by piece. */
  public static Writer writer(Network network, OrderBook book) {
    return new Writer(network, book);
  }

  /** Writes a model's columns: {@link #columns()}, then each one's values by {@link #write}. */
  public static final class Writer {
    private final Object[] arrays = new Object[NAMES.length];
    private final List<Column> columns = new ArrayList<>();

    private Writer(Network n, OrderBook b) {
      byte[][] memberIds = packed(n.ids());
      PackedIds orderIds = b.packedIds();
      int[] orderLengths = new int[b.size()];
      IntStream.range(0, b.size()).parallel().forEach(o -> orderLengths[o] = orderIds.length(o));
      byte[][] codes = packed(b.campaignCodes());
      Object[] a = {
        memberIds[0], lengths(memberIds[1]), n.sponsors(), n.kinds(), n.preferreds(), n.joinDays(),
        n.statuses(), n.statusDays(), n.placements(), n.placementPositions(), n.childStarts(),
        n.depths(), orderIds.bytes(), orderLengths, b.members(), b.days(), b.pv(), b.cv(),
        b.totals(), b.returnOf(), b.autoships(), b.campaignIndexes(), codes[0], lengths(codes[1])};
      long[] counts = new long[NAMES.length];
      for (int c = 0; c < NAMES.length; c++) counts[c] = length(a[c]);
      counts[0] = memberIds[2].length; // the byte arrays' used part, not their capacity
      counts[12] = orderIds.byteCount();
      counts[22] = codes[2].length;
      for (int c = 0; c < NAMES.length; c++) {
        arrays[c] = a[c];
        columns.add(new Column(NAMES[c], width(TYPES[c], a[c], (int) counts[c]), counts[c]));
      }
    }

    public List<Column> columns() {
      return columns;
    }

    /** Fills {@code out} (little-endian) with column {@code c}'s values from {@code from}, as many as fit whole. */
    public void write(int c, long from, ByteBuffer out) {
      out.order(ORDER);
      int w = columns.get(c).width();
      int at = Math.toIntExact(from);
      int k = out.remaining() / w;
      switch (TYPES[c]) {
        case BYTE -> out.put((byte[]) arrays[c], at, k);
        case BOOL -> {
          boolean[] v = (boolean[]) arrays[c];
          for (int i = 0; i < k; i++) out.put(v[at + i] ? (byte) 1 : 0);
        }
        case INT -> {
          int[] v = (int[]) arrays[c];
          switch (w) {
            case 1 -> { for (int i = 0; i < k; i++) out.put((byte) v[at + i]); }
            case 2 -> { for (int i = 0; i < k; i++) out.putShort((short) v[at + i]); }
            default -> { out.asIntBuffer().put(v, at, k); out.position(out.position() + 4 * k); }
          }
        }
        case LONG -> {
          long[] v = (long[]) arrays[c];
          switch (w) {
            case 1 -> { for (int i = 0; i < k; i++) out.put((byte) v[at + i]); }
            case 2 -> { for (int i = 0; i < k; i++) out.putShort((short) v[at + i]); }
            case 4 -> { for (int i = 0; i < k; i++) out.putInt((int) v[at + i]); }
            default -> { out.asLongBuffer().put(v, at, k); out.position(out.position() + 8 * k); }
          }
        }
      }
    }
  }

  /** Reads columns written by a {@link Writer} of this {@link #FORMAT} into a model. */
  public static Reader reader(List<Column> columns) {
    return new Reader(columns);
  }

  /**
   * Takes a stored model's columns in any order and from any thread (each piece into its own range of
   * the arrays), then {@link #model()} makes the model.
   */
  public static final class Reader {
    private final List<Column> columns;
    private final Object[] arrays = new Object[NAMES.length];

    private Reader(List<Column> columns) {
      if (columns.size() != NAMES.length) throw new IllegalArgumentException("expected " + NAMES.length + " columns, not " + columns.size());
      for (int c = 0; c < NAMES.length; c++) {
        Column col = columns.get(c);
        if (!col.name().equals(NAMES[c])) throw new IllegalArgumentException("column " + c + " is " + col.name() + ", not " + NAMES[c]);
        if (!fits(TYPES[c], col.width())) throw new IllegalArgumentException(col.name() + ": width " + col.width());
        if (col.count() < 0 || col.count() > Integer.MAX_VALUE - 16) throw new IllegalArgumentException(col.name() + ": " + col.count() + " values");
        int n = (int) col.count();
        arrays[c] = switch (TYPES[c]) {
          case BYTE -> new byte[n];
          case BOOL -> new boolean[n];
          case INT -> new int[n];
          case LONG -> new long[n];
        };
      }
      this.columns = List.copyOf(columns);
    }

    /** Takes column {@code c}'s values from {@code from} out of {@code in} (all that remains of it). */
    public void read(int c, long from, ByteBuffer in) {
      in.order(ORDER);
      int w = columns.get(c).width();
      if (in.remaining() % w != 0) throw new IllegalArgumentException(NAMES[c] + ": a piece of " + in.remaining() + " bytes");
      int at = Math.toIntExact(from);
      int k = in.remaining() / w;
      if (at < 0 || at + (long) k > columns.get(c).count()) throw new IllegalArgumentException(NAMES[c] + ": values " + at + "+" + k);
      switch (TYPES[c]) {
        case BYTE -> in.get((byte[]) arrays[c], at, k);
        case BOOL -> {
          boolean[] v = (boolean[]) arrays[c];
          for (int i = 0; i < k; i++) v[at + i] = in.get() != 0;
        }
        case INT -> {
          int[] v = (int[]) arrays[c];
          switch (w) {
            case 1 -> { for (int i = 0; i < k; i++) v[at + i] = in.get(); }
            case 2 -> { for (int i = 0; i < k; i++) v[at + i] = in.getShort(); }
            default -> { in.asIntBuffer().get(v, at, k); in.position(in.position() + 4 * k); }
          }
        }
        case LONG -> {
          long[] v = (long[]) arrays[c];
          switch (w) {
            case 1 -> { for (int i = 0; i < k; i++) v[at + i] = in.get(); }
            case 2 -> { for (int i = 0; i < k; i++) v[at + i] = in.getShort(); }
            case 4 -> { for (int i = 0; i < k; i++) v[at + i] = in.getInt(); }
            default -> { in.asLongBuffer().get(v, at, k); in.position(in.position() + 8 * k); }
          }
        }
      }
    }

    /** The model the columns hold, its id indexes built; refuses columns that do not make one. */
    public Model model() {
      int n = (int) columns.get(2).count();
      String[] ids = strings((byte[]) arrays[0], (int[]) arrays[1], n);
      for (int c = 2; c <= 11; c++) {
        if (columns.get(c).count() != n + (c == 10 ? 1 : 0)) throw new IllegalArgumentException(NAMES[c] + ": " + columns.get(c).count() + " for " + n + " members");
      }
      Map<Integer, Integer> twice = new HashMap<>();
      IdIndex memberIndex = IdIndex.of(ids, n, twice);
      if (!twice.isEmpty()) throw new IllegalArgumentException("a member id twice");
      Network network = new Network(ids, (int[]) arrays[2], (byte[]) arrays[3], (boolean[]) arrays[4], (int[]) arrays[5],
          (byte[]) arrays[6], (int[]) arrays[7], (int[]) arrays[8], (int[]) arrays[9], (int[]) arrays[10], (int[]) arrays[11],
          memberIndex);
      int m = (int) columns.get(13).count();
      for (int c = 13; c <= 21; c++) {
        if (columns.get(c).count() != m) throw new IllegalArgumentException(NAMES[c] + ": " + columns.get(c).count() + " for " + m + " orders");
      }
      PackedIds orderIds = new PackedIds((byte[]) arrays[12], ends((int[]) arrays[13], ((byte[]) arrays[12]).length));
      IdIndex orderIndex = IdIndex.of(orderIds, twice);
      if (!twice.isEmpty()) throw new IllegalArgumentException("an order id twice");
      int[] codeLengths = (int[]) arrays[23];
      String[] codes = strings((byte[]) arrays[22], codeLengths, codeLengths.length);
      OrderBook book = new OrderBook(orderIds, (int[]) arrays[14], (int[]) arrays[15], (long[]) arrays[16], (long[]) arrays[17],
          (long[]) arrays[18], (int[]) arrays[19], (boolean[]) arrays[20], (int[]) arrays[21], codes, orderIndex);
      return new Model(network, book);
    }
  }

  /** A model read back. */
  public record Model(Network network, OrderBook book) {}

  /** Ids as {their UTF-8 bytes end to end, their lengths as little-endian 4-byte numbers, the first again}. */
  private static byte[][] packed(String[] ids) {
    byte[][] each = new byte[ids.length][];
    IntStream.range(0, ids.length).parallel().forEach(i -> each[i] = PackedIds.utf8(ids[i]));
    long total = 0;
    for (byte[] b : each) total += b.length;
    byte[] all = new byte[Math.toIntExact(total)];
    int at = 0;
    ByteBuffer lengths = ByteBuffer.allocate(4 * ids.length).order(ORDER);
    for (byte[] b : each) {
      System.arraycopy(b, 0, all, at, b.length);
      at += b.length;
      lengths.putInt(b.length);
    }
    return new byte[][] {all, lengths.array(), all};
  }

  private static int[] lengths(byte[] littleEndianInts) {
    int[] out = new int[littleEndianInts.length / 4];
    ByteBuffer.wrap(littleEndianInts).order(ORDER).asIntBuffer().get(out);
    return out;
  }

  private static String[] strings(byte[] bytes, int[] lengths, int n) {
    if (lengths.length != n) throw new IllegalArgumentException(lengths.length + " id lengths for " + n + " ids");
    int[] end = ends(lengths, bytes.length);
    String[] out = new String[n];
    IntStream.range(0, n).parallel().forEach(i -> {
      int s = i == 0 ? 0 : end[i - 1];
      out[i] = new String(bytes, s, end[i] - s, StandardCharsets.UTF_8);
    });
    return out;
  }

  /** Where each id ends, from the lengths; they must take exactly {@code total} bytes. */
  private static int[] ends(int[] lengths, int total) {
    int[] end = new int[lengths.length];
    long at = 0;
    for (int i = 0; i < lengths.length; i++) {
      if (lengths[i] < 0) throw new IllegalArgumentException("an id of " + lengths[i] + " bytes");
      at += lengths[i];
      if (at > total) break;
      end[i] = (int) at;
    }
    if (at != total) throw new IllegalArgumentException("the ids' lengths take " + at + " bytes of " + total);
    return end;
  }

  private static long length(Object a) {
    return switch (a) {
      case byte[] b -> b.length;
      case boolean[] b -> b.length;
      case int[] b -> b.length;
      case long[] b -> b.length;
      default -> throw new IllegalArgumentException(String.valueOf(a));
    };
  }

  private static boolean fits(Type t, int width) {
    return switch (t) {
      case BYTE, BOOL -> width == 1;
      case INT -> width == 1 || width == 2 || width == 4;
      case LONG -> width == 1 || width == 2 || width == 4 || width == 8;
    };
  }

  /** The fewest bytes (1, 2, 4, 8) that hold each of the first {@code n} values. */
  private static int width(Type t, Object a, int n) {
    if (t == Type.BYTE || t == Type.BOOL) return 1;
    long min = 0;
    long max = 0;
    if (a instanceof int[] v) {
      for (int i = 0; i < n; i++) {
        min = Math.min(min, v[i]);
        max = Math.max(max, v[i]);
      }
    } else {
      long[] v = (long[]) a;
      for (int i = 0; i < n; i++) {
        min = Math.min(min, v[i]);
        max = Math.max(max, v[i]);
      }
    }
    if (min >= Byte.MIN_VALUE && max <= Byte.MAX_VALUE) return 1;
    if (min >= Short.MIN_VALUE && max <= Short.MAX_VALUE) return 2;
    if (min >= Integer.MIN_VALUE && max <= Integer.MAX_VALUE) return 4;
    return 8;
  }
}
