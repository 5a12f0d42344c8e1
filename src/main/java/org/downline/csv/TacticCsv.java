package org.downline.csv;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.downline.core.Decimals;
import org.downline.core.InputErrors;
import org.downline.core.Periods;
import org.downline.core.Progress;
import org.downline.strategy.Tactic;

/**
 * Reads a tactics file: {@code code} at least; {@code name, type, channel, start, end, cost, owner,
 * objectives, problems} optional (the last two are codes separated by {@code ;}), other columns
 * ignored. A campaigns file ({@code code,name,channel}) is a tactics file. {@link Result#columns()}
 * says which optional columns the header had, so an import changes only those.
 */
public final class TacticCsv {
  public static final String[] REQUIRED = {"code"};
  public static final List<String> OPTIONAL =
      List.of("name", "type", "channel", "start", "end", "cost", "owner", "objectives", "problems");
  public static final String[] HEADER = {"code", "name", "type", "channel", "start", "end", "cost", "owner",
    "objectives", "problems"};
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
  private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]{0,31}");

  private TacticCsv() {}

  /** The good rows, the line each came from, and the optional columns the header had. */
  public record Result(List<Tactic> tactics, List<Long> lines, Set<String> columns) {}

  public static Result read(Path path, InputErrors errors, Progress progress) {
    List<Tactic> tactics = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    Map<String, Long> seen = new HashMap<>();
    Set<String> columns = new LinkedHashSet<>();
    new CsvInput(path, errors, progress).read("tactics", REQUIRED, r -> {
      if (columns.isEmpty()) for (String c : OPTIONAL) if (r.has(c)) columns.add(c);
      String code = r.required("code");
      if (code != null) {
        if (!CODE.matcher(code).matches()) {
          r.error("code", "'" + code + "' is not a code (letters, digits, - _ . ; at most 64)");
        } else {
          Long first = seen.putIfAbsent(code, r.line());
          if (first != null) r.error("code", "duplicate tactic code '" + code + "' (first seen on line " + first + ")");
        }
      }
      String type = r.text("type");
      if (type != null) {
        type = type.toLowerCase(Locale.ROOT);
        if (!isType(type)) r.error("type", "'" + type + "' is not a type (lower-case word, e.g. print-ad)");
      }
      int start = r.day("start", Tactic.NO_DAY);
      int end = r.day("end", Tactic.NO_DAY);
      if (start != Tactic.NO_DAY && end != Tactic.NO_DAY && end < start) r.error("end", "is before start");
      long cost = r.cents("cost", 0);
      if (cost < 0) r.error("cost", "is negative");
      if (r.bad()) return;
      tactics.add(new Tactic(code, r.text("name"), type, r.text("channel"), start, end, cost, r.text("owner"),
          codes(r.text("objectives")), codes(r.text("problems"))));
      lines.add(r.line());
    });
    return new Result(tactics, lines, columns);
  }

  /** Writes tactics in the columns {@link #read} reads ({@link #HEADER}), so they import back unchanged. */
  public static void write(Path path, List<Tactic> tactics) throws IOException {
    try (CsvWriter w = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(path, StandardCharsets.UTF_8)) {
      w.writeRecord(HEADER);
      for (Tactic t : tactics) {
        w.writeRecord(t.code(), text(t.name()), text(t.type()), text(t.channel()), day(t.start()), day(t.end()),
            Decimals.format(t.cost()), text(t.owner()), String.join(";", t.objectives()), String.join(";", t.problems()));
      }
    }
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }

  private static String day(int epochDay) {
    return epochDay == Tactic.NO_DAY ? "" : Periods.formatDay(epochDay);
  }

  /** Whether a text is a tactic type code: a lower-case word with digits and hyphens. */
  public static boolean isType(String text) {
    return TYPE.matcher(text).matches();
  }

  /** Codes separated by {@code ;}, blanks dropped, in plain string order. */
  public static List<String> codes(String text) {
    if (text == null) return List.of();
    return Arrays.stream(text.split(";")).map(String::strip).filter(s -> !s.isEmpty()).distinct().sorted().toList();
  }
}
