package org.downline.app.prospect;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.downline.network.MemberStatus;
import org.downline.network.Network;
import org.downline.network.OrderBook;
import org.downline.prospect.JoinerRetention;
import org.downline.prospect.Outcome;
import org.downline.prospect.ResponseRates;
import org.downline.prospect.StageFlow;
import org.downline.prospect.Stages;
import org.downline.store.Database;
import org.downline.store.ProspectStore;

/**
 * The figures: response rate per channel and opening message beside the ~50% benchmark, conversion
 * and time per stage, outcomes (prospects let go counted as a success), and the retention of the
 * people who joined through the pipeline, split by whether stage 2 was recorded, next to those who
 * joined without it. A distributor sees their own; staff see the company's, aggregated over
 * distributors, never one distributor's.
 */
public final class ProspectFigures {
  private final Database db;

  public ProspectFigures(Database db) {
    this.db = db;
  }

  /**
   * distributors: how many distributors' pipelines are in the figures (1 for one's own). open:
   * prospects with no outcome yet; letGo: the not-a-fit outcomes. Rates and shares are basis points
   * (10000 = 100%).
   */
  public record Figures(int distributors, List<ResponseRates.Row> responses, long benchmarkBasisPoints,
      List<StageFlow.Row> stages, Map<Outcome, Integer> outcomes, int open, int letGo,
      List<JoinerRetention.Row> retention) {}

  /**
   * The distributor's own. "Without the pipeline" are the members they sponsored who did not join
   * as their prospects. network and book: the company as loaded (the web's snapshot).
   */
  public Figures mine(Actor actor, Network network, OrderBook book, LocalDate asOf) {
    return figures(actor.owner(), network, book, asOf);
  }

  /** The company's, for staff: every distributor's pipeline together; "without" is every other member. */
  public Figures company(Actor actor, Network network, OrderBook book, LocalDate asOf) {
    actor.requireStaff();
    return figures(null, network, book, asOf);
  }

  private Figures figures(String owner, Network network, OrderBook book, LocalDate asOf) {
    record Read(Stages stages, List<ProspectStore.Opening> openings, List<ProspectStore.FigureProspect> prospects,
        List<ProspectStore.Entry> entries) {}
    Read r = db.inTransaction(c -> new Read(ProspectStore.stages(c), ProspectStore.openings(c, owner),
        ProspectStore.figureProspects(c, owner), ProspectStore.stageEntries(c, owner)));
    int t = r.openings().size();
    String[] channel = new String[t];
    String[] opening = new String[t];
    boolean[] answered = new boolean[t];
    for (int k = 0; k < t; k++) {
      channel[k] = r.openings().get(k).channel();
      opening[k] = r.openings().get(k).openingMessage();
      answered[k] = r.openings().get(k).answered();
    }
    List<ProspectStore.FigureProspect> ps = r.prospects();
    Map<Long, Integer> index = new HashMap<>();
    Outcome[] outcome = new Outcome[ps.size()];
    int[] outcomeDay = new int[ps.size()];
    Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
    for (Outcome o : Outcome.values()) outcomes.put(o, 0);
    Set<String> owners = new HashSet<>();
    int open = 0;
    for (int p = 0; p < ps.size(); p++) {
      ProspectStore.FigureProspect fp = ps.get(p);
      index.put(fp.id(), p);
      owners.add(fp.owner());
      outcome[p] = fp.outcome();
      outcomeDay[p] = fp.outcomeOn() == null ? 0 : (int) fp.outcomeOn().toEpochDay();
      if (fp.outcome() == null) open++;
      else outcomes.merge(fp.outcome(), 1, Integer::sum);
    }
    int e = r.entries().size();
    int[] entryProspect = new int[e];
    int[] entryStage = new int[e];
    int[] entryDay = new int[e];
    for (int k = 0; k < e; k++) {
      ProspectStore.Entry en = r.entries().get(k);
      entryProspect[k] = index.get(en.prospectId());
      entryStage[k] = r.stages().indexOf(en.stage());
      entryDay[k] = (int) en.on().toEpochDay();
    }
    List<StageFlow.Row> flow = StageFlow.of(r.stages(), entryProspect, entryStage, entryDay, outcome, outcomeDay);
    return new Figures(owner == null ? owners.size() : 1, ResponseRates.of(channel, opening, answered),
        ResponseRates.BENCHMARK_BASIS_POINTS, flow, outcomes, open, outcomes.get(Outcome.NOT_A_FIT),
        retention(owner, ps, network, book, (int) asOf.toEpochDay()));
  }

  /** The three groups over the loaded company: pipeline joiners by stage 2, and the others joined. */
  static List<JoinerRetention.Row> retention(String owner, List<ProspectStore.FigureProspect> ps, Network net, OrderBook book, int asOf) {
    int n = net.size();
    byte[] group = new byte[n];
    java.util.Arrays.fill(group, (byte) -1);
    for (ProspectStore.FigureProspect p : ps) {
      if (p.outcome() == null || !p.outcome().joined() || p.memberId() == null) continue;
      int m = net.indexOf(p.memberId());
      if (m < 0) continue; // joined after the company was loaded
      group[m] = (byte) (p.optionsRecorded() ? JoinerRetention.STAGE2_RECORDED : JoinerRetention.STAGE2_SKIPPED);
    }
    int ownerIndex = owner == null ? -1 : net.indexOf(owner);
    for (int m = 0; m < n; m++) {
      if (group[m] >= 0) continue;
      if (owner == null || (ownerIndex >= 0 && net.sponsor(m) == ownerIndex)) group[m] = (byte) JoinerRetention.WITHOUT_PIPELINE;
    }
    int count = 0;
    int[] slot = new int[n];
    for (int m = 0; m < n; m++) slot[m] = group[m] >= 0 ? count++ : -1;
    int[] g = new int[count];
    int[] join = new int[count];
    int[] left = new int[count];
    List<List<Integer>> sales = new ArrayList<>(count);
    for (int m = 0; m < n; m++) {
      if (slot[m] < 0) continue;
      int s = slot[m];
      g[s] = group[m];
      join[s] = net.joinDay(m);
      left[s] = net.status(m) == MemberStatus.ACTIVE ? JoinerRetention.NOT_LEFT : net.statusDay(m);
      sales.add(new ArrayList<>());
    }
    int[] placer = book.members();
    int[] days = book.days();
    for (int o = 0; o < book.size(); o++) {
      if (book.isReturn(o) || slot[placer[o]] < 0) continue;
      sales.get(slot[placer[o]]).add(days[o]);
    }
    int[][] saleDays = new int[count][];
    for (int s = 0; s < count; s++) saleDays[s] = sales.get(s).stream().mapToInt(Integer::intValue).toArray();
    return JoinerRetention.of(g, join, left, saleDays, asOf);
  }
}
