package org.downline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.downline.core.Decimals;
import org.downline.core.NotFoundException;
import org.downline.strategy.Measure;
import org.downline.strategy.Objective;
import org.downline.strategy.Problem;

/**
 * The strategy: its statement, objectives and hand-entered values, and the customer problem library
 * with the members tagged with each problem. Every file import is checked whole, then written in one
 * transaction (a file replaces the rows it names; rows it does not name stay).
 */
public final class StrategyStore {
  private final Database db;

  public StrategyStore(Database db) {
    this.db = db;
  }

  /** The statement, or null when none is written down. */
  public String statement() {
    Set<String> s = strings("SELECT statement FROM strategy WHERE id = 1");
    return s.isEmpty() ? null : s.iterator().next();
  }

  public void saveStatement(String statement) {
    db.inTransaction(c -> {
      try (PreparedStatement del = c.prepareStatement("DELETE FROM strategy WHERE id = 1");
          PreparedStatement in = c.prepareStatement("INSERT INTO strategy (id, statement) VALUES (1, ?)")) {
        del.executeUpdate();
        in.setString(1, statement);
        in.executeUpdate();
      }
      return null;
    });
  }

  public List<Objective> objectives() {
    try (Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT code, name, measure, days, target, target_date FROM objective ORDER BY code");
        ResultSet rs = ps.executeQuery()) {
      List<Objective> out = new ArrayList<>();
      while (rs.next()) {
        out.add(new Objective(rs.getString(1), rs.getString(2), Measure.of(rs.getString(3)), rs.getInt(4),
            Decimals.fromBigDecimal(rs.getBigDecimal(5)), (int) rs.getDate(6).toLocalDate().toEpochDay()));
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  /** Writes checked objectives in one transaction (new ones inserted, changed ones updated), logged as {@code file}. */
  public ImportResult saveObjectives(String file, List<Objective> rows) {
    Map<String, Objective> stored = new HashMap<>();
    for (Objective o : objectives()) stored.put(o.code(), o);
    return db.inTransaction(c -> {
      long inserted = 0;
      long updated = 0;
      try (PreparedStatement in = c.prepareStatement("INSERT INTO objective (name, measure, days, target, target_date,"
              + " code) VALUES (?, ?, ?, ?, ?, ?)");
          PreparedStatement up = c.prepareStatement("UPDATE objective SET name = ?, measure = ?, days = ?, target = ?,"
              + " target_date = ? WHERE code = ?")) {
        for (Objective o : rows) {
          Objective old = stored.get(o.code());
          if (o.equals(old)) continue;
          PreparedStatement ps = old == null ? in : up;
          if (old == null) inserted++;
          else updated++;
          ps.setString(1, o.name());
          ps.setString(2, o.measure().code());
          ps.setInt(3, o.days());
          ps.setBigDecimal(4, Decimals.toBigDecimal(o.target()));
          ps.setObject(5, LocalDate.ofEpochDay(o.targetDay()));
          ps.setString(6, o.code());
          ps.executeUpdate();
        }
      }
      long unchanged = rows.size() - inserted - updated;
      CompanyWriter.log(c, "objectives", file, rows.size(), inserted, updated, unchanged);
      return new ImportResult("objectives", file, rows.size(), inserted, updated, unchanged);
    });
  }

  /** A hand-entered value of an objective's measure on a day (hundredths); replaces that day's value. */
  public void saveValue(String objective, int day, long value) {
    if (!strings("SELECT code FROM objective").contains(objective)) {
      throw new NotFoundException("no objective '" + objective + "'");
    }
    db.inTransaction(c -> {
      try (PreparedStatement del = c.prepareStatement(
              "DELETE FROM objective_value WHERE objective_code = ? AND value_date = ?");
          PreparedStatement in = c.prepareStatement(
              "INSERT INTO objective_value (objective_code, value_date, measured) VALUES (?, ?, ?)")) {
        del.setString(1, objective);
        del.setObject(2, LocalDate.ofEpochDay(day));
        del.executeUpdate();
        in.setString(1, objective);
        in.setObject(2, LocalDate.ofEpochDay(day));
        in.setBigDecimal(3, Decimals.toBigDecimal(value));
        in.executeUpdate();
      }
      return null;
    });
  }

  /** Hand-entered values by objective: {epoch day, hundredths} pairs in date order. */
  public Map<String, List<long[]>> values() {
    try (Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT objective_code, value_date, measured FROM objective_value ORDER BY objective_code, value_date");
        ResultSet rs = ps.executeQuery()) {
      Map<String, List<long[]>> out = new LinkedHashMap<>();
      while (rs.next()) {
        out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new long[] {
          rs.getDate(2).toLocalDate().toEpochDay(), Decimals.fromBigDecimal(rs.getBigDecimal(3))});
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  public List<Problem> problems() {
    try (Connection c = db.connection()) {
      Map<String, List<String>> products = TacticStore.links(c, "SELECT problem_code, sku FROM problem_product");
      Map<String, List<String>> tactics = TacticStore.links(c, "SELECT problem_code, tactic_code FROM tactic_problem");
      List<Problem> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT code, name, description FROM problem ORDER BY code");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String code = rs.getString(1);
          out.add(new Problem(code, rs.getString(2), rs.getString(3), products.getOrDefault(code, List.of()),
              tactics.getOrDefault(code, List.of())));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  /**
   * Writes checked problems with their products and the tactics that teach about them in one
   * transaction, logged as {@code file}.
   */
  public ImportResult saveProblems(String file, List<Problem> rows) {
    Map<String, Problem> stored = new HashMap<>();
    for (Problem p : problems()) stored.put(p.code(), p);
    return db.inTransaction(c -> {
      long inserted = 0;
      long updated = 0;
      for (Problem p : rows) {
        Problem old = stored.get(p.code());
        if (p.equals(old)) continue;
        if (old == null) inserted++;
        else updated++;
        execute(c, old == null ? "INSERT INTO problem (name, description, code) VALUES (?, ?, ?)"
            : "UPDATE problem SET name = ?, description = ? WHERE code = ?", p.name(), p.description(), p.code());
        execute(c, "DELETE FROM problem_product WHERE problem_code = ?", p.code());
        for (String s : p.products()) execute(c, "INSERT INTO problem_product (problem_code, sku) VALUES (?, ?)", p.code(), s);
        execute(c, "DELETE FROM tactic_problem WHERE problem_code = ?", p.code());
        for (String t : p.tactics()) {
          execute(c, "INSERT INTO tactic_problem (tactic_code, problem_code) VALUES (?, ?)", t, p.code());
        }
      }
      long unchanged = rows.size() - inserted - updated;
      CompanyWriter.log(c, "problems", file, rows.size(), inserted, updated, unchanged);
      return new ImportResult("problems", file, rows.size(), inserted, updated, unchanged);
    });
  }

  /** Tags members with problems: each member gets exactly the problems listed (checked rows, in file order). */
  public ImportResult saveTags(String file, List<Map.Entry<String, List<String>>> rows) {
    return db.inTransaction(c -> {
      for (Map.Entry<String, List<String>> l : rows) {
        execute(c, "DELETE FROM member_problem WHERE member_id = ?", l.getKey());
        for (String p : l.getValue()) {
          execute(c, "INSERT INTO member_problem (member_id, problem_code) VALUES (?, ?)", l.getKey(), p);
        }
      }
      CompanyWriter.log(c, "problem tags", file, rows.size(), 0, rows.size(), 0);
      return new ImportResult("problem tags", file, rows.size(), 0, rows.size(), 0);
    });
  }

  /** Per problem: its tagged members, how many of them bought each linked product, each linked tactic reached. */
  public record ProblemFigures(long members, Map<String, Long> buyersByProduct, Map<String, Long> reachedByTactic) {}

  public Map<String, ProblemFigures> problemFigures() {
    try (Connection c = db.connection()) {
      Map<String, Long> members = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement(
              "SELECT problem_code, COUNT(*) FROM member_problem GROUP BY problem_code");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) members.put(rs.getString(1), rs.getLong(2));
      }
      Map<String, Map<String, Long>> bought = counts(c, "SELECT mp.problem_code, pp.sku, COUNT(DISTINCT o.member_id)"
          + " FROM member_problem mp JOIN problem_product pp ON pp.problem_code = mp.problem_code"
          + " JOIN orders o ON o.member_id = mp.member_id AND o.kind <> 'return'"
          + " JOIN order_line ol ON ol.order_id = o.id AND ol.sku = pp.sku GROUP BY mp.problem_code, pp.sku");
      Map<String, Map<String, Long>> reached = counts(c, "SELECT mp.problem_code, tp.tactic_code,"
          + " COUNT(DISTINCT o.member_id) FROM member_problem mp"
          + " JOIN tactic_problem tp ON tp.problem_code = mp.problem_code"
          + " JOIN orders o ON o.member_id = mp.member_id AND o.campaign = tp.tactic_code AND o.kind <> 'return'"
          + " GROUP BY mp.problem_code, tp.tactic_code");
      Map<String, ProblemFigures> out = new HashMap<>();
      for (Problem p : problems()) {
        out.put(p.code(), new ProblemFigures(members.getOrDefault(p.code(), 0L),
            bought.getOrDefault(p.code(), Map.of()), reached.getOrDefault(p.code(), Map.of())));
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  /** The ids of the members tagged with a problem, in id order. */
  public List<String> membersWith(String problem) {
    try (Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT member_id FROM member_problem WHERE problem_code = ? ORDER BY member_id")) {
      ps.setString(1, problem);
      List<String> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.add(rs.getString(1));
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  private static Map<String, Map<String, Long>> counts(Connection c, String sql) throws SQLException {
    Map<String, Map<String, Long>> out = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) out.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getLong(3));
    }
    return out;
  }

  private static void execute(Connection c, String sql, String... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) ps.setString(i + 1, params[i]);
      ps.executeUpdate();
    }
  }

  /** What a problems or tags file may name: stored products, tactics, members and problems. */
  public Set<String> productSkus() {
    return strings("SELECT sku FROM product");
  }

  public Set<String> tacticCodes() {
    return strings("SELECT code FROM campaign");
  }

  public Set<String> memberIds() {
    return strings("SELECT id FROM member");
  }

  public Set<String> problemCodes() {
    return strings("SELECT code FROM problem");
  }

  private Set<String> strings(String sql) {
    return new CompanyStore(db).strings(sql);
  }
}
