package org.downline.app.strategy;

import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.downline.core.InputErrors;
import org.downline.core.Progress;
import org.downline.csv.StrategyCsv;
import org.downline.csv.TacticCsv;
import org.downline.store.Database;
import org.downline.store.ImportResult;
import org.downline.store.StrategyStore;
import org.downline.store.TacticStore;
import org.downline.strategy.Objective;
import org.downline.strategy.Problem;
import org.downline.strategy.Tactic;

/**
 * Importing the strategy's files (docs/strategy.md): tactics, objectives, problems and problem
 * tags. Each file is read and every row checked against what is stored (known tactic types,
 * objectives, problems, products, tactics and members), every bad row named by file, line and
 * column in one refusal; only then do the stores write it, in one transaction.
 */
public final class StrategyImports {
  private final TacticStore tactics;
  private final StrategyStore strategy;

  public StrategyImports(Database db) {
    this.tactics = new TacticStore(db);
    this.strategy = new StrategyStore(db);
  }

  /**
   * A tactics file (a campaigns file is one). Only the columns the file has change: a stored tactic
   * keeps what a column the header lacks said.
   */
  public ImportResult tactics(Path path, Progress progress) {
    String file = path.getFileName().toString();
    InputErrors errors = new InputErrors();
    // The rows that parsed are checked against what is stored too, so one refusal names every problem.
    TacticCsv.Result read = TacticCsv.read(path, errors, progress);
    Set<String> types = new HashSet<>();
    for (TacticStore.TacticType t : tactics.types()) types.add(t.code());
    Set<String> objectives = tactics.objectiveCodes();
    Set<String> problems = tactics.problemCodes();
    Map<String, Tactic> stored = new HashMap<>();
    for (Tactic t : tactics.load()) stored.put(t.code(), t);
    Set<String> cols = read.columns();
    List<Tactic> merged = new ArrayList<>();
    for (int i = 0; i < read.tactics().size(); i++) {
      Tactic t = read.tactics().get(i);
      long line = read.lines().get(i);
      if (t.type() != null && !types.contains(t.type())) {
        errors.add(file, line, "type", "unknown tactic type '" + t.type() + "' (add it with: downline tactics type)");
      }
      for (String o : t.objectives()) {
        if (!objectives.contains(o)) errors.add(file, line, "objectives", "unknown objective '" + o + "'");
      }
      for (String p : t.problems()) {
        if (!problems.contains(p)) errors.add(file, line, "problems", "unknown problem '" + p + "'");
      }
      Tactic old = stored.get(t.code());
      merged.add(old == null ? t : new Tactic(t.code(),
          cols.contains("name") ? t.name() : old.name(), cols.contains("type") ? t.type() : old.type(),
          cols.contains("channel") ? t.channel() : old.channel(), cols.contains("start") ? t.start() : old.start(),
          cols.contains("end") ? t.end() : old.end(), cols.contains("cost") ? t.cost() : old.cost(),
          cols.contains("owner") ? t.owner() : old.owner(),
          cols.contains("objectives") ? t.objectives() : old.objectives(),
          cols.contains("problems") ? t.problems() : old.problems()));
    }
    errors.throwIfAny();
    return tactics.save(file, merged, stored);
  }

  /** An objectives file: each objective with its measure, target and date. */
  public ImportResult objectives(Path path, Progress progress) {
    InputErrors errors = new InputErrors();
    List<StrategyCsv.Line<Objective>> rows = StrategyCsv.objectives(path, errors, progress);
    errors.throwIfAny();
    return strategy.saveObjectives(path.getFileName().toString(), rows.stream().map(StrategyCsv.Line::value).toList());
  }

  /** A problems file: each problem with its products and the tactics that teach about it (both must be stored). */
  public ImportResult problems(Path path, Progress progress) {
    String file = path.getFileName().toString();
    InputErrors errors = new InputErrors();
    List<StrategyCsv.Line<Problem>> rows = StrategyCsv.problems(path, errors, progress);
    Set<String> skus = strategy.productSkus();
    Set<String> tacticCodes = strategy.tacticCodes();
    for (StrategyCsv.Line<Problem> l : rows) {
      for (String s : l.value().products()) {
        if (!skus.contains(s)) errors.add(file, l.line(), "products", "unknown product '" + s + "'");
      }
      for (String t : l.value().tactics()) {
        if (!tacticCodes.contains(t)) errors.add(file, l.line(), "tactics", "unknown tactic '" + t + "'");
      }
    }
    errors.throwIfAny();
    return strategy.saveProblems(file, rows.stream().map(StrategyCsv.Line::value).toList());
  }

  /** A problem tags file: each row's member gets exactly the problems it lists. */
  public ImportResult tags(Path path, Progress progress) {
    String file = path.getFileName().toString();
    InputErrors errors = new InputErrors();
    List<StrategyCsv.Line<StrategyCsv.Tag>> rows = StrategyCsv.tags(path, errors, progress);
    Set<String> members = strategy.memberIds();
    Set<String> problems = strategy.problemCodes();
    for (StrategyCsv.Line<StrategyCsv.Tag> l : rows) {
      if (!members.contains(l.value().memberId())) {
        errors.add(file, l.line(), "member_id", "unknown member '" + l.value().memberId() + "'");
      }
      for (String p : l.value().problems()) {
        if (!problems.contains(p)) errors.add(file, l.line(), "problems", "unknown problem '" + p + "'");
      }
    }
    errors.throwIfAny();
    List<Map.Entry<String, List<String>>> tags = new ArrayList<>();
    for (StrategyCsv.Line<StrategyCsv.Tag> l : rows) {
      tags.add(new AbstractMap.SimpleImmutableEntry<>(l.value().memberId(), l.value().problems()));
    }
    return strategy.saveTags(file, tags);
  }
}
