package org.downline.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.downline.core.Decimals;
import org.downline.strategy.Tactic;

/**
 * The tactics: the rows of the {@code campaign} table (a campaign is a tactic, ADR 15) with the
 * objectives they serve and the problems they teach about, and the list of tactic types.
 */
public final class TacticStore {
  /** The file {@code downline export} writes the tactics to and {@code import all} reads them from. */
  public static final String FILE = "tactics.csv";

  private final Database db;

  public TacticStore(Database db) {
    this.db = db;
  }

  /** A kind of tactic; {@code educational} types count for the reach measure. */
  public record TacticType(String code, String name, boolean educational) {}

  /** Every tactic in code order. */
  public List<Tactic> load() {
    try (Connection c = db.connection()) {
      Map<String, List<String>> objectives = links(c, "SELECT tactic_code, objective_code FROM tactic_objective");
      Map<String, List<String>> problems = links(c, "SELECT tactic_code, problem_code FROM tactic_problem");
      List<Tactic> tactics = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
              "SELECT code, name, type, channel, start_date, end_date, cost, owner FROM campaign ORDER BY code");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String code = rs.getString(1);
          tactics.add(new Tactic(code, rs.getString(2), rs.getString(3), rs.getString(4), day(rs.getDate(5)),
              day(rs.getDate(6)), Decimals.fromBigDecimal(rs.getBigDecimal(7)), rs.getString(8),
              objectives.getOrDefault(code, List.of()), problems.getOrDefault(code, List.of())));
        }
      }
      return tactics;
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  public List<TacticType> types() {
    try (Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement("SELECT code, name, educational FROM tactic_type ORDER BY code");
        ResultSet rs = ps.executeQuery()) {
      List<TacticType> types = new ArrayList<>();
      while (rs.next()) types.add(new TacticType(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
      return types;
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  /** Adds a tactic type, or renames an existing one. */
  public void saveType(TacticType type) {
    db.inTransaction(c -> {
      try (PreparedStatement up = c.prepareStatement("UPDATE tactic_type SET name = ?, educational = ? WHERE code = ?")) {
        up.setString(1, type.name());
        up.setBoolean(2, type.educational());
        up.setString(3, type.code());
        if (up.executeUpdate() == 0) {
          try (PreparedStatement in = c.prepareStatement(
              "INSERT INTO tactic_type (name, educational, code) VALUES (?, ?, ?)")) {
            in.setString(1, type.name());
            in.setBoolean(2, type.educational());
            in.setString(3, type.code());
            in.executeUpdate();
          }
        }
      }
      return null;
    });
  }

  /** The codes of the stored objectives and problems, which a tactic may name. */
  public Set<String> objectiveCodes() {
    return new CompanyStore(db).strings("SELECT code FROM objective");
  }

  public Set<String> problemCodes() {
    return new CompanyStore(db).strings("SELECT code FROM problem");
  }

  /**
   * Writes checked tactics in one transaction: a tactic equal to its stored self is left alone, a new
   * one inserted, a changed one updated with its links; the import is logged as {@code file}.
   * The checks are the use case's ({@code app.strategy.StrategyImports}).
   *
   * @param stored the tactics as they were read before the checks, by code
   */
  public ImportResult save(String file, List<Tactic> merged, Map<String, Tactic> stored) {
    return db.inTransaction(c -> {
      long inserted = 0;
      long updated = 0;
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO campaign (name, type, channel, start_date,"
              + " end_date, cost, owner, code) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
          PreparedStatement update = c.prepareStatement("UPDATE campaign SET name = ?, type = ?, channel = ?,"
              + " start_date = ?, end_date = ?, cost = ?, owner = ? WHERE code = ?")) {
        for (Tactic t : merged) {
          Tactic old = stored.get(t.code());
          if (t.equals(old)) continue;
          PreparedStatement ps = old == null ? insert : update;
          if (old == null) inserted++;
          else updated++;
          ps.setString(1, t.name());
          ps.setString(2, t.type());
          ps.setString(3, t.channel());
          setDay(ps, 4, t.start());
          setDay(ps, 5, t.end());
          ps.setBigDecimal(6, Decimals.toBigDecimal(t.cost()));
          ps.setString(7, t.owner());
          ps.setString(8, t.code());
          ps.executeUpdate();
          if (old == null || !old.objectives().equals(t.objectives())) {
            relink(c, "tactic_objective", "objective_code", t.code(), t.objectives());
          }
          if (old == null || !old.problems().equals(t.problems())) {
            relink(c, "tactic_problem", "problem_code", t.code(), t.problems());
          }
        }
      }
      long unchanged = merged.size() - inserted - updated;
      CompanyWriter.log(c, "tactics", file, merged.size(), inserted, updated, unchanged);
      return new ImportResult("tactics", file, merged.size(), inserted, updated, unchanged);
    });
  }

  private static void relink(Connection c, String table, String column, String tactic, List<String> codes)
      throws SQLException {
    try (PreparedStatement del = c.prepareStatement("DELETE FROM " + table + " WHERE tactic_code = ?")) {
      del.setString(1, tactic);
      del.executeUpdate();
    }
    try (PreparedStatement in = c.prepareStatement(
        "INSERT INTO " + table + " (tactic_code, " + column + ") VALUES (?, ?)")) {
      for (String code : codes) {
        in.setString(1, tactic);
        in.setString(2, code);
        in.addBatch();
      }
      in.executeBatch();
    }
  }

  /** Two-column rows grouped by the first column, both in plain order (store-internal helper). */
  static Map<String, List<String>> links(Connection c, String sql) throws SQLException {
    Map<String, List<String>> links = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(sql + " ORDER BY 1, 2"); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) links.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
    }
    return links;
  }

  private static int day(Date d) {
    return d == null ? Tactic.NO_DAY : (int) d.toLocalDate().toEpochDay();
  }

  private static void setDay(PreparedStatement ps, int index, int epochDay) throws SQLException {
    if (epochDay == Tactic.NO_DAY) ps.setNull(index, Types.DATE);
    else ps.setObject(index, LocalDate.ofEpochDay(epochDay));
  }
}
