package org.downline.web.pay;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.downline.app.commission.ComputePeriod;
import org.downline.commission.Explanation;
import org.downline.commission.Lines;
import org.downline.core.InvalidInputException;
import org.downline.core.Periods;
import org.downline.csv.CsvOutput;
import org.downline.csv.Fields;
import org.downline.network.Network;
import org.downline.network.OrderBook;
import org.downline.store.RunStore;
import org.downline.store.RunStore.LineFilter;
import org.downline.store.RunStore.LineGroup;

/**
 * One member's pay in one period for the back office, sized for a top earner (ADR 23): totals by
 * bonus and level, a page of lines (filtered by bonus, level, source member or order), the
 * statement streamed. A period with a run reads the run that counts (closed, else latest) through
 * indexed queries; a period without one is computed over the snapshot's arrays (cached, never a
 * company reload) and read from its lines in memory.
 */
public final class MemberPay {
  public static final int PAGE_SIZE = 50;

  private final CommissionService pay;
  /** A member's lines of a computed period, kept for the next page: key = computation and member. */
  private final Map<String, List<RunStore.Line>> computedLines = new LinkedHashMap<>();

  MemberPay(CommissionService pay) {
    this.pay = pay;
  }

  /** One bonus: its lines and total, and the same per level. */
  public record BonusTotal(String bonus, long lines, long amount, List<LineGroup> levels) {}

  /** The member's period: from {@code run} (null: computed, no run yet), by bonus and level, with the totals. */
  public record Statement(String period, RunStore.RunInfo run, List<BonusTotal> bonuses, long lines, long total) {
    public boolean fromRun() {
      return run != null;
    }
  }

  /** One page of lines: {@code matching} lines pass the filter; pages count from 1. */
  public record LinesPage(List<RunStore.Line> lines, long matching, int page, int pages, LineFilter filter) {
    public boolean hasPrevious() {
      return page > 1;
    }

    public boolean hasNext() {
      return page < pages;
    }
  }

  /** The member's period: the run that counts, else computed over the snapshot. */
  public Statement statement(String memberId, String period) {
    Optional<RunStore.RunInfo> run = pay.runs().current(period);
    List<LineGroup> groups = run.isPresent() ? pay.runs().memberGroups(run.get().id(), memberId)
        : groups(computedLines(memberId, period));
    Map<String, List<LineGroup>> byBonus = new LinkedHashMap<>();
    for (LineGroup g : groups) byBonus.computeIfAbsent(g.bonus(), k -> new ArrayList<>()).add(g);
    List<BonusTotal> bonuses = new ArrayList<>();
    long lines = 0;
    long total = 0;
    for (var e : byBonus.entrySet()) {
      long n = 0;
      long sum = 0;
      for (LineGroup g : e.getValue()) {
        n += g.lines();
        sum += g.amount();
      }
      bonuses.add(new BonusTotal(e.getKey(), n, sum, List.copyOf(e.getValue())));
      lines += n;
      total += sum;
    }
    return new Statement(period, run.orElse(null), bonuses, lines, total);
  }

  /** Page {@code page} (from 1; past the last gives the last) of the member's lines that pass the filter. */
  public LinesPage lines(String memberId, String period, RunStore.RunInfo run, LineFilter filter, int page) {
    if (page < 1) throw InvalidInputException.parameter("page", "page " + page + " is not a page; pages count from 1");
    long matching;
    List<RunStore.Line> rows;
    if (run != null) {
      matching = pay.runs().countMemberLines(run.id(), memberId, filter);
      int pages = pages(matching);
      page = Math.min(page, pages);
      rows = pay.runs().memberLines(run.id(), memberId, filter, (long) (page - 1) * PAGE_SIZE, PAGE_SIZE);
      return new LinesPage(rows, matching, page, pages, filter);
    }
    List<RunStore.Line> passing = computedLines(memberId, period).stream().filter(l -> passes(l, filter)).toList();
    matching = passing.size();
    int pages = pages(matching);
    page = Math.min(page, pages);
    int from = (page - 1) * PAGE_SIZE;
    rows = passing.subList(from, Math.min(passing.size(), from + PAGE_SIZE));
    return new LinesPage(rows, matching, page, pages, filter);
  }

  private static int pages(long lines) {
    return (int) Math.max(1, (lines + PAGE_SIZE - 1) / PAGE_SIZE);
  }

  static boolean passes(RunStore.Line l, LineFilter f) {
    return (f.bonus() == null || f.bonus().equals(l.bonus())) && (f.level() == null || f.level() == l.level())
        && (f.source() == null || f.source().equals(l.sourceMemberId()) || f.source().equals(l.sourceOrderId()));
  }

  private static List<LineGroup> groups(List<RunStore.Line> lines) {
    Map<String, long[]> sums = new LinkedHashMap<>();
    Map<String, LineGroup> first = new LinkedHashMap<>();
    for (RunStore.Line l : lines) {
      String key = l.bonus() + "|" + l.level();
      first.putIfAbsent(key, new LineGroup(l.bonus(), l.level(), 0, 0));
      long[] s = sums.computeIfAbsent(key, k -> new long[2]);
      s[0]++;
      s[1] += l.amount();
    }
    List<LineGroup> out = new ArrayList<>();
    for (var e : first.entrySet()) {
      long[] s = sums.get(e.getKey());
      out.add(new LineGroup(e.getValue().bonus(), e.getValue().level(), s[0], s[1]));
    }
    out.sort(Comparator.comparing(LineGroup::bonus).thenComparingInt(LineGroup::level));
    return out;
  }

  // Statement order, as the stored run's index keeps it: bonus, source order (none first), level, source member.
  private static final Comparator<RunStore.Line> STATEMENT_ORDER = Comparator.comparing(RunStore.Line::bonus)
      .thenComparing(RunStore.Line::sourceOrderId, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparingInt(RunStore.Line::level)
      .thenComparing(RunStore.Line::sourceMemberId, Comparator.nullsFirst(Comparator.naturalOrder()));

  /** The member's non-zero lines of the period computed over the snapshot, in statement order. */
  private synchronized List<RunStore.Line> computedLines(String memberId, String period) {
    ComputePeriod.Computed c = pay.computed(period);
    String key = System.identityHashCode(c) + "|" + memberId;
    List<RunStore.Line> kept = computedLines.get(key);
    if (kept != null) return kept;
    Network net = c.network();
    OrderBook book = c.book();
    int m = net.indexOf(memberId);
    List<RunStore.Line> out = new ArrayList<>();
    if (m != Network.NONE) {
      Lines lines = c.result().lines();
      List<String> kinds = pay.plan().lineKinds();
      for (int j = 0; j < lines.size(); j++) {
        if (lines.earner(j) != m || lines.amount(j) == 0) continue;
        int src = lines.source(j);
        int sourceMember = Lines.isOrder(src) ? book.members()[src] : Lines.sourceMember(src);
        out.add(new RunStore.Line(memberId, kinds.get(lines.kind(j)), lines.amount(j), Lines.isOrder(src) ? book.id(src) : null,
            sourceMember < 0 ? null : net.id(sourceMember), lines.level(j)));
      }
    }
    out.sort(STATEMENT_ORDER);
    kept = List.copyOf(out);
    if (computedLines.size() >= 8) computedLines.remove(computedLines.keySet().iterator().next());
    computedLines.put(key, kept);
    return kept;
  }

  /** How one bonus at one level was figured (rate and rule), and how many of the member's lines it explains. */
  public record Rule(String bonus, int level, String rate, String rule, long lines) {}

  /**
   * The rate and rule of each of the member's (bonus, level) groups, from the engine's explanation:
   * one row per group, and one per line where the rule names the line itself (a clawback names its return).
   */
  public static List<Rule> rules(Explanation e) {
    Map<String, Rule> out = new LinkedHashMap<>();
    for (Explanation.LineDetail d : e.lines()) {
      String key = d.bonus() + "|" + d.level() + "|" + d.rule();
      Rule r = out.get(key);
      out.put(key, new Rule(d.bonus(), d.level(), d.rate(), d.rule(), r == null ? 1 : r.lines() + 1));
    }
    List<Rule> rules = new ArrayList<>(out.values());
    rules.sort(Comparator.comparing(Rule::bonus).thenComparingInt(Rule::level));
    return rules;
  }

  /**
   * The member's statement of a period's run as CSV ({@link CommissionService#STATEMENT_HEADER}):
   * the lines streamed from the store in statement order, each with the rate and rule of its group
   * (from the period's explanation, computed once and kept). Nothing but the rules is held in memory.
   */
  public void writeStatement(int member, RunStore.RunInfo run, OutputStream to) throws IOException {
    String memberId = pay.snapshotNetwork().id(member);
    // Rules by (bonus, level), and by (bonus, source order, level) where a line has a rule of its own.
    Map<String, Explanation.LineDetail> byGroup = new LinkedHashMap<>();
    Map<String, Explanation.LineDetail> byLine = new LinkedHashMap<>();
    if (pay.snapshotNetwork().isDistributor(member)) {
      for (Explanation.LineDetail d : pay.explain(memberId, run.period()).lines()) {
        String group = d.bonus() + "|" + d.level();
        Explanation.LineDetail seen = byGroup.putIfAbsent(group, d);
        if (seen != null && !seen.rule().equals(d.rule()) || d.rate() == null) {
          byLine.put(group + "|" + nz(d.sourceOrderId()) + "|" + nz(d.sourceMemberId()), d);
        }
      }
    }
    CsvOutput csv = new CsvOutput(to);
    csv.header(CommissionService.STATEMENT_HEADER.split(","));
    IOException[] failed = new IOException[1];
    pay.runs().forEachMemberLine(run.id(), memberId, l -> {
      if (failed[0] != null) return;
      String group = l.bonus() + "|" + l.level();
      Explanation.LineDetail d = byLine.get(group + "|" + nz(l.sourceOrderId()) + "|" + nz(l.sourceMemberId()));
      if (d == null) d = byGroup.get(group);
      try {
        csv.text(run.period()).text(Fields.toCell(l.earnerId())).text(Fields.toCell(l.bonus())).cents(l.amount())
            .text(Fields.toCell(l.sourceOrderId())).text(Fields.toCell(l.sourceMemberId())).whole(l.level())
            .text(d == null ? null : d.rate()).text(d == null ? null : Fields.toCell(d.rule())).endRow();
      } catch (IOException e) {
        failed[0] = e;
      }
    });
    if (failed[0] != null) throw failed[0];
    csv.flush();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
