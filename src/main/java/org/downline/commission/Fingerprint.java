package org.downline.commission;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.downline.core.Periods;
import org.downline.network.Network;
import org.downline.network.OrderBook;

/**
 * SHA-256 fingerprints of what a run was computed from (the sponsor tree and every order up to the
 * period's end) and of what it produced, so that a stored run can be checked against the data
 * before it is closed, and a re-run compared with it.
 */
public final class Fingerprint {
  private Fingerprint() {}

  /** The network and the orders dated up to the end of {@code period}, independent of row order. */
  public static String inputs(Network net, OrderBook book, int period) {
    MessageDigest md = sha256();
    // Members in id order so that the fingerprint does not depend on the tree's index order.
    int[] byId = OutputOrder.sortedIndexes(net.ids());
    for (int m : byId) {
      int s = net.sponsor(m);
      update(md, net.id(m) + "," + (s < 0 ? "" : net.id(s)) + "," + net.kind(m).code() + "," + net.joinDay(m) + "\n");
    }
    int end = book.firstOnOrAfter(Periods.firstDay(period + 1));
    String[] ids = java.util.Arrays.copyOf(book.ids(), end);
    for (int o : OutputOrder.sortedIndexes(ids)) {
      int r = book.returnOf()[o];
      update(md, book.id(o) + "," + net.id(book.members()[o]) + "," + book.days()[o] + "," + book.pv()[o] + ","
          + book.cv()[o] + "," + (r < 0 ? "" : book.id(r)) + "\n");
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** Of any text, e.g. a plan file or the lines of a run in output order. */
  public static String of(String text) {
    MessageDigest md = sha256();
    update(md, text);
    return HexFormat.of().formatHex(md.digest());
  }

  /**
   * The fingerprint of rows joined by newlines ({@link #of} of {@code String.join("\n", rows)}), made
   * row by row: a run's lines at 10 M members joined into one text would pass the largest string a
   * JVM can hold.
   */
  public static final class Rows {
    private final MessageDigest md = sha256();
    private int count;
    private String hex;

    public void add(String row) {
      if (hex != null) throw new IllegalStateException("the fingerprint was taken: no more rows");
      if (count++ > 0) md.update((byte) '\n');
      update(md, row);
    }

    /** How many rows were added. */
    public int count() {
      return count;
    }

    /** The fingerprint of the rows added; asked again, the same (the digest is taken once). */
    public String hex() {
      if (hex == null) hex = HexFormat.of().formatHex(md.digest());
      return hex;
    }
  }

  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void update(MessageDigest md, String s) {
    md.update(s.getBytes(StandardCharsets.UTF_8));
  }
}
