package org.downline.prospect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.downline.core.InvalidInputException;

/**
 * The company's decision stages in order. The default is the prospect's own three: 1 understanding
 * their situation, 2 exploring their options (the options stage), 3 choosing.
 */
public record Stages(List<Stage> list) {
  public static final Stages DEFAULT = new Stages(List.of(
      new Stage("understanding", 1, "Understanding their situation", false),
      new Stage("exploring", 2, "Exploring their options", true),
      new Stage("choosing", 3, "Choosing", false)));

  public Stages {
    if (list.isEmpty()) throw InvalidInputException.parameter("stages", "at least one stage is needed");
    List<Stage> sorted = new ArrayList<>(list);
    sorted.sort(Comparator.comparingInt(Stage::position));
    list = List.copyOf(sorted);
  }

  public Stage first() {
    return list.getFirst();
  }

  public Stage of(String code) {
    for (Stage s : list) if (s.code().equals(code)) return s;
    throw InvalidInputException.parameter("stage", "'" + code + "' is not a stage (" + codes() + ")");
  }

  /** Index of a stage in the order, 0 first. */
  public int indexOf(String code) {
    return list.indexOf(of(code));
  }

  /** The stage where options are weighed, or null when the company's stages have none. */
  public Stage optionsStage() {
    for (Stage s : list) if (s.options()) return s;
    return null;
  }

  public String codes() {
    StringBuilder b = new StringBuilder();
    for (Stage s : list) b.append(b.isEmpty() ? "" : ", ").append(s.code());
    return b.toString();
  }
}
