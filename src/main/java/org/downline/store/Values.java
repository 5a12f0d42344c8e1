package org.downline.store;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import org.downline.core.Decimals;

/**
 * One row's values in column order, as a bulk write sends them: bound to a batched statement (H2)
 * or written as a line of COPY text (PostgreSQL). A row is described once, for both.
 */
interface Values {
  Values text(String value) throws SQLException;

  /** Money or volume in hundredths, into a {@code DECIMAL(19, 2)}. */
  Values hundredths(long value) throws SQLException;

  Values integer(int value) throws SQLException;

  Values nullInteger() throws SQLException;

  /** An epoch day, NULL when {@link Integer#MIN_VALUE}. */
  Values day(int epochDay) throws SQLException;

  Values bool(boolean value) throws SQLException;

  /** A whole number into a {@code BIGINT}. */
  Values number(long value) throws SQLException;

  /** An instant into a {@code TIMESTAMP}, as this JVM's local time (as {@code setTimestamp} stores it). */
  Values time(Instant value) throws SQLException;

  /** Writes one row's values. */
  @FunctionalInterface
  interface Row<T> {
    void write(Values values, T row) throws SQLException;
  }

  /** The values bound to a prepared statement's parameters, one after the other. */
  final class Statement implements Values {
    private PreparedStatement ps;
    private int index;

    Statement on(PreparedStatement ps) {
      this.ps = ps;
      this.index = 0;
      return this;
    }

    @Override
    public Values text(String value) throws SQLException {
      ps.setString(++index, value);
      return this;
    }

    @Override
    public Values hundredths(long value) throws SQLException {
      BigDecimal d = Decimals.toBigDecimal(value);
      ps.setBigDecimal(++index, d);
      return this;
    }

    @Override
    public Values integer(int value) throws SQLException {
      ps.setInt(++index, value);
      return this;
    }

    @Override
    public Values nullInteger() throws SQLException {
      ps.setNull(++index, Types.INTEGER);
      return this;
    }

    @Override
    public Values day(int epochDay) throws SQLException {
      if (epochDay == Integer.MIN_VALUE) ps.setNull(++index, Types.DATE);
      else ps.setObject(++index, LocalDate.ofEpochDay(epochDay));
      return this;
    }

    @Override
    public Values bool(boolean value) throws SQLException {
      ps.setBoolean(++index, value);
      return this;
    }

    @Override
    public Values number(long value) throws SQLException {
      ps.setLong(++index, value);
      return this;
    }

    @Override
    public Values time(Instant value) throws SQLException {
      ps.setTimestamp(++index, Timestamp.from(value));
      return this;
    }
  }
}
