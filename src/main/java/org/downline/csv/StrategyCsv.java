package org.downline.csv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.downline.core.InputErrors;
import org.downline.core.Progress;
import org.downline.strategy.Measure;
import org.downline.strategy.Objective;
import org.downline.strategy.Problem;

/**
 * Reads the strategy's files (docs/strategy.md): objectives ({@code code,name,measure,days,target,by}),
 * problems ({@code code,name,description,products,tactics}, codes separated by {@code ;}) and problem
 * tags ({@code member_id,problems}). Unknown columns are ignored; every bad field is reported.
 */
public final class StrategyCsv {
  private StrategyCsv() {}

  /** A row that parsed, with the line it came from. */
  public record Line<T>(long line, T value) {}

  public static List<Line<Objective>> objectives(Path path, InputErrors errors, Progress progress) {
    List<Line<Objective>> out = new ArrayList<>();
    Map<String, Long> seen = new HashMap<>();
    new CsvInput(path, errors, progress).read("objectives", new String[] {"code", "name", "measure", "target", "by"}, r -> {
      String code = unique(r, seen, "objective");
      String name = r.required("name");
      String m = r.required("measure");
      Measure measure = m == null ? null : Measure.of(m);
      if (m != null && measure == null) r.error("measure", "unknown measure '" + m + "'");
      int days = r.integer("days", Measure.DEFAULT_REPEAT_DAYS);
      if (days <= 0) r.error("days", "must be at least 1");
      long target = r.requiredCents("target");
      int by = r.requiredDay("by");
      if (r.bad()) return;
      out.add(new Line<>(r.line(), new Objective(code, name, measure, days, target, by)));
    });
    return out;
  }

  public static List<Line<Problem>> problems(Path path, InputErrors errors, Progress progress) {
    List<Line<Problem>> out = new ArrayList<>();
    Map<String, Long> seen = new HashMap<>();
    new CsvInput(path, errors, progress).read("problems", new String[] {"code", "name"}, r -> {
      String code = unique(r, seen, "problem");
      String name = r.required("name");
      if (r.bad()) return;
      out.add(new Line<>(r.line(), new Problem(code, name, r.text("description"), TacticCsv.codes(r.text("products")),
          TacticCsv.codes(r.text("tactics")))));
    });
    return out;
  }

  /** Member id and the codes of their problems. */
  public record Tag(String memberId, List<String> problems) {}

  public static List<Line<Tag>> tags(Path path, InputErrors errors, Progress progress) {
    List<Line<Tag>> out = new ArrayList<>();
    new CsvInput(path, errors, progress).read("problem tags", new String[] {"member_id", "problems"}, r -> {
      String member = r.required("member_id");
      List<String> problems = TacticCsv.codes(r.text("problems"));
      if (r.bad()) return;
      out.add(new Line<>(r.line(), new Tag(member, problems)));
    });
    return out;
  }

  private static String unique(CsvInput.Row r, Map<String, Long> seen, String what) {
    String code = r.required("code");
    if (code != null) {
      Long first = seen.putIfAbsent(code, r.line());
      if (first != null) r.error("code", "duplicate " + what + " code '" + code + "' (first seen on line " + first + ")");
    }
    return code;
  }
}
