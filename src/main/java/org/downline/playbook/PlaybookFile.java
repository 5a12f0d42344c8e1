package org.downline.playbook;

import org.downline.core.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.downline.core.Decimals;
import org.downline.nextstep.DistributorRules;
import org.downline.nextstep.FastStartStep;
import org.downline.nextstep.FrequencyBounds;
import org.downline.nextstep.Goal;
import org.downline.nextstep.Playbook;
import org.downline.nextstep.PlaybookStep;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a playbook from YAML (the format of the bundled {@code default-playbook.yaml}). Every
 * problem is refused with the file and the key path it concerns, e.g.
 * {@code playbook.yaml: steps.customers/1.goals[0]: 'x' is not a goal (...)}. Keys left out take
 * the defaults; unknown keys are refused so that a typo is not silently ignored.
 */
public final class PlaybookFile {
  public static final String DEFAULT_RESOURCE = "default-playbook.yaml";

  private static final YAMLMapper YAML =
      YAMLMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private final String file;

  private PlaybookFile(String file) {
    this.file = file;
  }

  /** The playbook that ships with Downline. */
  public static Playbook defaults() {
    try (InputStream in = PlaybookFile.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) throw new IllegalStateException("bundled " + DEFAULT_RESOURCE + " is missing");
      return new PlaybookFile(DEFAULT_RESOURCE).parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The bundled playbook's optional {@code names:} section: per language, how the web app shows a
   * segment code, a step title or a material of the file ({@code names: {ro: {A second order: ...}}});
   * the engine never reads it. Same shape and rules as a plan file's (docs/next-steps.md).
   */
  public static java.util.Map<String, java.util.Map<String, String>> defaultNames() {
    try (InputStream in = PlaybookFile.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) throw new IllegalStateException("bundled " + DEFAULT_RESOURCE + " is missing");
      JsonNode root = YAML.readTree(in);
      return root == null || !root.has("names") ? java.util.Map.of()
          : org.downline.planfile.PlanFile.names(DEFAULT_RESOURCE, root.get("names"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Playbook read(Path path) {
    String name = path.getFileName().toString();
    try (InputStream in = Files.newInputStream(path)) {
      return new PlaybookFile(name).parse(in);
    } catch (NoSuchFileException e) {
      throw InvalidInputException.inFile(name, "", "no such file");
    } catch (IOException e) {
      throw InvalidInputException.inFile(name, "", "cannot read: " + e.getMessage());
    }
  }

  public static Playbook parse(String name, String yaml) {
    return new PlaybookFile(name).parse(new java.io.ByteArrayInputStream(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  private Playbook parse(InputStream in) {
    JsonNode root;
    try {
      root = YAML.readTree(in);
    } catch (JacksonException e) {
      throw InvalidInputException.inFile(file, "", "not valid YAML: " + e.getOriginalMessage());
    }
    if (root == null || root.isMissingNode() || root.isNull()) root = YAML.createObjectNode();
    object(root, "", Set.of("frequency-bounds", "distributors", "holdout", "steps", "names"));
    if (root.has("names")) org.downline.planfile.PlanFile.names(file, root.get("names"));

    FrequencyBounds bounds = FrequencyBounds.DEFAULT;
    JsonNode b = root.get("frequency-bounds");
    if (b != null) {
      if (!b.isArray()) throw error("frequency-bounds", "a list of whole numbers is expected, such as [1, 2, 4, 7, 11]");
      int[] lower = new int[b.size()];
      for (int k = 0; k < lower.length; k++) lower[k] = integer(b.get(k), "frequency-bounds[" + k + "]");
      try {
        bounds = new FrequencyBounds(lower);
      } catch (IllegalArgumentException e) {
        throw error("frequency-bounds", e.getMessage());
      }
    }

    DistributorRules rules = distributorRules(root.get("distributors"));

    String seed = "downline";
    int share = 1000;
    JsonNode h = root.get("holdout");
    if (h != null) {
      object(h, "holdout", Set.of("seed", "share"));
      if (h.get("seed") != null) seed = text(h.get("seed"), "holdout.seed");
      if (h.get("share") != null) share = percent(h.get("share"), "holdout.share");
    }

    List<PlaybookStep> steps = new ArrayList<>();
    JsonNode s = root.get("steps");
    if (s != null) {
      if (!s.isObject()) throw error("steps", "a map from segment to its step is expected");
      for (Map.Entry<String, JsonNode> e : s.properties()) steps.add(step(e.getKey(), e.getValue(), share));
    }
    try {
      return new Playbook(bounds, rules, steps, seed);
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.inFile(file, "", e.getMessage());
    }
  }

  private DistributorRules distributorRules(JsonNode d) {
    DistributorRules rules = DistributorRules.DEFAULT;
    if (d == null) return rules;
    object(d, "distributors", Set.of("active-pv", "fast-start", "wide", "leader-rank"));
    if (d.get("active-pv") != null) rules = rules.withActivePv(amount(d.get("active-pv"), "distributors.active-pv"));
    JsonNode fs = d.get("fast-start");
    if (fs != null) {
      if (!fs.isArray()) throw error("distributors.fast-start", "a list of {goal, days} is expected");
      List<FastStartStep> steps = new ArrayList<>();
      for (int k = 0; k < fs.size(); k++) {
        String key = "distributors.fast-start[" + k + "]";
        JsonNode step = fs.get(k);
        object(step, key, Set.of("goal", "days"));
        FastStartStep.Goal goal;
        try {
          goal = FastStartStep.Goal.ofCode(text(required(step, "goal", key), key + ".goal"));
        } catch (IllegalArgumentException e) {
          throw error(key + ".goal", e.getMessage());
        }
        int days = integer(required(step, "days", key), key + ".days");
        if (days < 1) throw error(key + ".days", "must be at least 1");
        steps.add(new FastStartStep(goal, days));
      }
      rules = rules.withFastStart(steps);
    }
    JsonNode w = d.get("wide");
    if (w != null) {
      object(w, "distributors.wide", Set.of("min-frontline", "max-below-percent"));
      int min = w.get("min-frontline") == null ? rules.wideMinFrontline()
          : integer(w.get("min-frontline"), "distributors.wide.min-frontline");
      int pct = w.get("max-below-percent") == null ? rules.wideMaxBelowPercent()
          : integer(w.get("max-below-percent"), "distributors.wide.max-below-percent");
      if (min < 1) throw error("distributors.wide.min-frontline", "must be at least 1");
      if (pct < 0) throw error("distributors.wide.max-below-percent", "must not be negative");
      rules = rules.withWide(min, pct);
    }
    if (d.get("leader-rank") != null) {
      int r = integer(d.get("leader-rank"), "distributors.leader-rank");
      if (r < 1) throw error("distributors.leader-rank", "must be at least 1");
      rules = rules.withLeaderRank(r);
    }
    return rules;
  }

  private PlaybookStep step(String segment, JsonNode n, int defaultShare) {
    String key = "steps." + segment;
    object(n, key, Set.of("step", "title", "goals", "materials", "holdout"));
    String step = text(required(n, "step", key), key + ".step");
    String title = n.get("title") == null ? step : text(n.get("title"), key + ".title");
    JsonNode g = required(n, "goals", key);
    if (!g.isArray() || g.isEmpty()) throw error(key + ".goals", "a non-empty list of goals is expected");
    List<Goal> goals = new ArrayList<>();
    for (int k = 0; k < g.size(); k++) {
      try {
        goals.add(Goal.ofCode(text(g.get(k), key + ".goals[" + k + "]")));
      } catch (IllegalArgumentException e) {
        throw error(key + ".goals[" + k + "]", e.getMessage());
      }
    }
    List<String> materials = new ArrayList<>();
    JsonNode m = n.get("materials");
    if (m != null) {
      if (!m.isArray()) throw error(key + ".materials", "a list of texts is expected");
      for (int k = 0; k < m.size(); k++) materials.add(text(m.get(k), key + ".materials[" + k + "]"));
    }
    int share = n.get("holdout") == null ? defaultShare : percent(n.get("holdout"), key + ".holdout");
    try {
      return new PlaybookStep(segment, step, title, goals, materials, share);
    } catch (IllegalArgumentException e) {
      throw error(key, e.getMessage());
    }
  }

  private void object(JsonNode n, String key, Set<String> known) {
    String where = key.isEmpty() ? "the top level" : key;
    if (!n.isObject()) throw error(key.isEmpty() ? "(top)" : key, "a map is expected at " + where);
    for (String name : n.propertyNames()) {
      if (!known.contains(name)) {
        throw error(key.isEmpty() ? name : key + "." + name,
            "unknown key (known at " + where + ": " + String.join(", ", known.stream().sorted().toList()) + ")");
      }
    }
  }

  private JsonNode required(JsonNode n, String name, String key) {
    JsonNode v = n.get(name);
    if (v == null || v.isNull()) throw error(key + "." + name, "missing");
    return v;
  }

  private String text(JsonNode n, String key) {
    if (n == null || !(n.isString() || n.isNumber() || n.isBoolean())) throw error(key, "a text is expected");
    String s = n.asString().strip();
    if (s.isEmpty()) throw error(key, "must not be empty");
    return s;
  }

  private int integer(JsonNode n, String key) {
    if (n == null || !n.isIntegralNumber() || !n.canConvertToInt()) throw error(key, "a whole number is expected");
    return n.intValue();
  }

  private long amount(JsonNode n, String key) {
    try {
      long v = Decimals.parseCents(text(n, key));
      if (v < 0) throw error(key, "must not be negative");
      return v;
    } catch (NumberFormatException | ArithmeticException e) {
      throw error(key, e.getMessage());
    }
  }

  /** A percentage such as {@code 10}, {@code 12.5} or {@code "10%"}, as hundredths of a percent. */
  private int percent(JsonNode n, String key) {
    String t = text(n, key);
    if (t.endsWith("%")) t = t.substring(0, t.length() - 1).strip();
    long bp;
    try {
      bp = Decimals.parseCents(t);
    } catch (NumberFormatException | ArithmeticException e) {
      throw error(key, "a percentage such as 10% is expected: " + e.getMessage());
    }
    if (bp < 0 || bp > 10_000) throw error(key, "must be between 0% and 100%");
    return (int) bp;
  }

  private InvalidInputException error(String key, String reason) {
    return InvalidInputException.inFile(file, key, reason);
  }
}
