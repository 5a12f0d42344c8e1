package org.downline.strategy;

import java.util.List;

/**
 * Something the company does to carry out its strategy, whose code sales carry: a print ad, a
 * mailing, a post, a video, a talk, a discount. {@code start} and {@code end} are epoch days or
 * {@link #NO_DAY}; {@code cost} is hundredths; {@code objectives} are the codes of the objectives it
 * serves and {@code problems} the customer problems it teaches about (both possibly empty).
 */
public record Tactic(String code, String name, String type, String channel, int start, int end, long cost,
    String owner, List<String> objectives, List<String> problems) {
  public static final int NO_DAY = Integer.MIN_VALUE;

  public Tactic {
    objectives = List.copyOf(objectives);
    problems = List.copyOf(problems);
  }

  /** A tactic known only by its code (as a campaign with no more than a name is). */
  public static Tactic of(String code, String name, String type, long cost) {
    return new Tactic(code, name, type, null, NO_DAY, NO_DAY, cost, null, List.of(), List.of());
  }
}
