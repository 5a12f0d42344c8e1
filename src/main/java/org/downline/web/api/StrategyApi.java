package org.downline.web.api;

import java.util.List;
import org.downline.app.strategy.BoardJson;
import org.downline.web.StrategyData;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The strategy board and the tactic figures (see docs/api.md, docs/strategy.md). Staff only: the
 * security configuration answers 403 to a distributor.
 */
@RestController
@RequestMapping("/api/v1")
public class StrategyApi {
  private final StrategyData strategy;

  public StrategyApi(StrategyData strategy) {
    this.strategy = strategy;
  }

  /** The whole board: objectives with their trend, tactics with figures and verdicts, the unlinked, problems. */
  @GetMapping("/strategy")
  public BoardJson.Json board(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    return BoardJson.of(strategy.board(from, to));
  }

  /** Every tactic with its figures and verdicts, in code order (the unlinked included). */
  @GetMapping("/strategy/tactics")
  public List<BoardJson.TacticJson> tactics(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    BoardJson.Json b = BoardJson.of(strategy.board(from, to));
    java.util.Map<String, BoardJson.TacticJson> byCode = new java.util.TreeMap<>();
    for (BoardJson.GroupJson g : b.objectives()) {
      for (BoardJson.TacticJson t : g.tactics()) {
        BoardJson.TacticJson seen = byCode.get(t.code());
        if (seen == null) {
          byCode.put(t.code(), t);
        } else {
          List<BoardJson.VerdictJson> all = new java.util.ArrayList<>(seen.verdicts());
          all.addAll(t.verdicts());
          byCode.put(t.code(), new BoardJson.TacticJson(t.code(), t.name(), t.type(), t.channel(), t.start(), t.end(),
              t.owner(), t.objectives(), t.problems(), t.figures(), all));
        }
      }
    }
    for (BoardJson.TacticJson t : b.unlinked()) byCode.put(t.code(), t);
    return List.copyOf(byCode.values());
  }

}
