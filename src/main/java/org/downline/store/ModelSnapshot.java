package org.downline.store;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32C;
import org.downline.network.ModelColumns;
import org.downline.network.Network;
import org.downline.network.OrderBook;

/**
 * The stored copy of the in-memory model (ADR 38): a cache of the network and the order book as
 * {@link ModelColumns} in pieces of at most {@link #PIECE_BYTES}, each with a CRC-32C, under the
 * change-log number it reflects. A server starting reads it (a few hundred large rows: no work per
 * order in the database) and applies the change log after that number; the change log keeps it
 * honest, and anything that changes the model without an entry there forgets it ({@link #forget}).
 */
public final class ModelSnapshot {
  /** The most bytes a piece holds: a multiple of 8, so no value is cut in two. */
  static final int PIECE_BYTES = 4 << 20;

  private final Database db;

  public ModelSnapshot(Database db) {
    this.db = db;
  }

  /** What the stored copy says of itself; {@code format} 0 when there is none. */
  public record Header(int format, long seq, int members, int orders, int pieces, String columns, Timestamp madeAt) {
    public boolean present() {
      return format != 0;
    }
  }

  /** The stored copy's header. */
  public Header header() {
    try (Connection c = db.connection()) {
      return header(c, false);
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  private static Header header(Connection c, boolean forUpdate) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT format, seq, members, orders, pieces, columns, made_at"
        + " FROM model_snapshot WHERE id = 1" + (forUpdate ? " FOR UPDATE" : ""));
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) return new Header(0, 0, 0, 0, 0, "", null);
      return new Header(rs.getInt(1), rs.getLong(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getString(6), rs.getTimestamp(7));
    }
  }

  /** What a write did: pieces, bytes and milliseconds; {@code pieces} 0 when a copy as new was there already. */
  public record Written(int pieces, long bytes, long millis) {}

  /**
   * Replaces the stored copy, in one transaction, with this model as of change {@code seq}, unless
   * the stored one is of this format and as new or newer. Writers queue on the header row.
   */
  public Written write(Network network, OrderBook book, long seq) {
    long t0 = System.nanoTime();
    ModelColumns.Writer columns = ModelColumns.writer(network, book);
    return db.inTransaction(c -> {
      Header stored = header(c, true);
      if (stored.format() == ModelColumns.FORMAT && stored.seq() >= seq) return new Written(0, 0, 0);
      if (db.isPostgres()) storeUncompressed(c);
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM model_snapshot_piece")) {
        ps.executeUpdate();
      }
      int no = 0;
      long bytes = 0;
      CRC32C crc = new CRC32C();
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO model_snapshot_piece (no, col, first, crc, data) VALUES (?, ?, ?, ?, ?)")) {
        List<ModelColumns.Column> layout = columns.columns();
        for (int col = 0; col < layout.size(); col++) {
          ModelColumns.Column column = layout.get(col);
          long each = PIECE_BYTES / column.width();
          for (long first = 0; first < column.count(); first += each) { // an empty column has no piece
            byte[] data = new byte[(int) Math.min(each, column.count() - first) * column.width()];
            columns.write(col, first, ByteBuffer.wrap(data));
            crc.reset();
            crc.update(data);
            ps.setInt(1, no++);
            ps.setInt(2, col);
            ps.setLong(3, first);
            ps.setInt(4, (int) crc.getValue());
            ps.setBytes(5, data);
            ps.executeUpdate();
            bytes += data.length;
          }
        }
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE model_snapshot SET format = ?, seq = ?, members = ?, orders = ?,"
          + " pieces = ?, columns = ?, made_at = ? WHERE id = 1")) {
        ps.setInt(1, ModelColumns.FORMAT);
        ps.setLong(2, seq);
        ps.setInt(3, network.size());
        ps.setInt(4, book.size());
        ps.setInt(5, no);
        ps.setString(6, layout(columns.columns()));
        ps.setTimestamp(7, Timestamp.from(Instant.now()));
        ps.executeUpdate();
      }
      return new Written(no, bytes, (System.nanoTime() - t0) / 1_000_000);
    });
  }

  /**
   * PostgreSQL compresses a large value by default; these are read far more often than written and
   * compress little once packed, so they are kept as they are (set once per database).
   */
  private static void storeUncompressed(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT attstorage FROM pg_attribute"
        + " WHERE attrelid = 'model_snapshot_piece'::regclass AND attname = 'data'");
        ResultSet rs = ps.executeQuery()) {
      if (rs.next() && "e".equals(rs.getString(1))) return;
    }
    try (PreparedStatement ps = c.prepareStatement("ALTER TABLE model_snapshot_piece ALTER COLUMN data SET STORAGE EXTERNAL")) {
      ps.executeUpdate();
    }
  }

  /** Forgets the stored copy (one that could not be used, before a new one is made). */
  public void forget() {
    db.inTransaction(c -> {
      forget(c);
      return null;
    });
  }

  /**
   * Forgets the stored copy, in the caller's transaction: for a write that changes the model without
   * a change-log entry (the next start loads every row and stores a new copy).
   */
  public static void forget(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE model_snapshot SET format = 0, pieces = 0 WHERE id = 1")) {
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM model_snapshot_piece")) {
      ps.executeUpdate();
    }
  }

  /** A stored model read back at its change number, or why it could not be. */
  public record Read(ModelColumns.Model model, long seq, String refused) {
    public boolean ok() {
      return model != null;
    }

    static Read refused(String why) {
      return new Read(null, 0, why);
    }
  }

  /**
   * Reads the stored copy described by {@code header} over {@code connections} connections (each a
   * range of the pieces, decoded on its own thread straight into the model's arrays). Refuses (with
   * the reason) a copy of another format, a piece whose checksum fails, pieces that do not cover
   * their columns, or a copy replaced while being read.
   */
  public Read read(Header header, int connections) {
    if (!header.present()) return Read.refused("there is none");
    if (header.format() != ModelColumns.FORMAT) {
      return Read.refused("it is of format " + header.format() + ", this version reads " + ModelColumns.FORMAT);
    }
    ModelColumns.Reader reader;
    List<ModelColumns.Column> layout;
    try {
      layout = layout(header.columns());
      reader = ModelColumns.reader(layout);
    } catch (IllegalArgumentException e) {
      return Read.refused("its columns are not this format's (" + e.getMessage() + ")");
    }
    int parts = Math.max(1, Math.min(connections, header.pieces()));
    long[] covered = new long[layout.size()];
    List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
    try (ExecutorService pool = Executors.newFixedThreadPool(parts, r -> {
      Thread t = new Thread(r, "load-model");
      t.setDaemon(true);
      return t;
    })) {
      List<Future<long[]>> done = new ArrayList<>();
      for (int p = 0; p < parts; p++) {
        int from = (int) ((long) header.pieces() * p / parts);
        int to = (int) ((long) header.pieces() * (p + 1) / parts);
        done.add(pool.submit(() -> readPieces(header, from, to, reader, layout, problems)));
      }
      for (Future<long[]> f : done) {
        long[] bytes = f.get();
        for (int k = 0; k < covered.length; k++) covered[k] += bytes[k];
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException(new SQLException("interrupted", e));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SQLException q) throw new StoreException(q);
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw new IllegalStateException(e.getCause());
    }
    if (!problems.isEmpty()) return Read.refused(problems.getFirst());
    for (int k = 0; k < covered.length; k++) {
      if (covered[k] != layout.get(k).bytes()) {
        return Read.refused("column " + layout.get(k).name() + " has " + covered[k] + " of its " + layout.get(k).bytes() + " bytes");
      }
    }
    try {
      ModelColumns.Model model = reader.model();
      if (model.network().size() != header.members() || model.book().size() != header.orders()) {
        return Read.refused("it holds " + model.network().size() + " members and " + model.book().size() + " orders, its header "
            + header.members() + " and " + header.orders());
      }
      return new Read(model, header.seq(), null);
    } catch (IllegalArgumentException e) {
      return Read.refused("its columns do not make a model (" + e.getMessage() + ")");
    }
  }

  /** Reads pieces {@code [from, to)} into the reader; answers the bytes taken per column. */
  private long[] readPieces(Header header, int from, int to, ModelColumns.Reader reader, List<ModelColumns.Column> layout,
      List<String> problems) throws SQLException {
    long[] bytes = new long[layout.size()];
    try (Connection c = db.connection()) {
      c.setAutoCommit(false); // PostgreSQL streams the rows (fetch size) only in a transaction
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ); // the header and the pieces of one copy
      try {
        if (!sameCopy(header, header(c, false))) {
          problems.add("it was replaced while being read");
          return bytes;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT no, col, first, crc, data FROM model_snapshot_piece"
            + " WHERE no >= ? AND no < ? ORDER BY no")) {
          if (db.isPostgres()) ps.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1); // bytea in binary, not hex text
          ps.setFetchSize(2);
          ps.setInt(1, from);
          ps.setInt(2, to);
          CRC32C crc = new CRC32C();
          int expected = from;
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              int no = rs.getInt(1);
              int col = rs.getInt(2);
              long first = rs.getLong(3);
              byte[] data = rs.getBytes(5);
              if (no != expected++) {
                problems.add("piece " + (expected - 1) + " is missing");
                return bytes;
              }
              crc.reset();
              crc.update(data);
              if ((int) crc.getValue() != rs.getInt(4)) {
                problems.add("the checksum of piece " + no + " fails");
                return bytes;
              }
              if (col < 0 || col >= layout.size()) {
                problems.add("piece " + no + " is of column " + col);
                return bytes;
              }
              try {
                reader.read(col, first, ByteBuffer.wrap(data));
              } catch (IllegalArgumentException e) {
                problems.add("piece " + no + " does not fit its column (" + e.getMessage() + ")");
                return bytes;
              }
              bytes[col] += data.length;
            }
          }
          if (expected != to) problems.add("piece " + expected + " is missing");
        }
        // Once more after the pieces: a copy replaced between the two reads is not taken for this one.
        if (!sameCopy(header, header(c, false))) problems.add("it was replaced while being read");
      } finally {
        c.commit();
        c.setAutoCommit(true);
      }
    }
    return bytes;
  }

  private static boolean sameCopy(Header a, Header b) {
    return a.format() == b.format() && a.seq() == b.seq() && a.pieces() == b.pieces()
        && java.util.Objects.equals(a.madeAt(), b.madeAt());
  }

  /** The columns as the header holds them: {@code name:width:count} separated by spaces. */
  static String layout(List<ModelColumns.Column> columns) {
    StringBuilder s = new StringBuilder();
    for (ModelColumns.Column c : columns) {
      if (!s.isEmpty()) s.append(' ');
      s.append(c.name()).append(':').append(c.width()).append(':').append(c.count());
    }
    return s.toString();
  }

  static List<ModelColumns.Column> layout(String text) {
    List<ModelColumns.Column> out = new ArrayList<>();
    if (text == null || text.isBlank()) return out;
    for (String part : text.trim().split(" ")) {
      String[] f = part.split(":");
      if (f.length != 3) throw new IllegalArgumentException("column " + part);
      try {
        out.add(new ModelColumns.Column(f[0], Integer.parseInt(f[1]), Long.parseLong(f[2])));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("column " + part);
      }
    }
    return out;
  }
}
