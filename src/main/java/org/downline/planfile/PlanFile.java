package org.downline.planfile;

import org.downline.core.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.downline.commission.BinaryBonus;
import org.downline.commission.BonusRule;
import org.downline.commission.CustomerBonus;
import org.downline.commission.FastStartBonus;
import org.downline.commission.GenerationBonus;
import org.downline.commission.MatchingBonus;
import org.downline.commission.Plan;
import org.downline.commission.Rank;
import org.downline.commission.RankAdvancementBonus;
import org.downline.commission.Rate;
import org.downline.commission.Requirement;
import org.downline.commission.UnilevelBonus;
import org.downline.core.Decimals;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Loads a plan written in YAML (the format is documented in docs/plans.md) into the engine's
 * {@link Plan}. Every problem is reported with the file and the key's path, e.g.
 * {@code demo.yaml: bonuses[2].rates[3]: '6.5x' is not a rate (write 6.5% or 0.065)}; unknown keys
 * are refused so that a typo never silently changes a payout.
 */
public final class PlanFile {
  /** The plans shipped inside the application, by name. */
  public static final List<String> BUILT_IN = List.of("demo", "ladder", "binary", "generations");

  private static final YAMLMapper YAML =
      YAMLMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private final String file;

  private PlanFile(String file) {
    this.file = file;
  }

  /** A built-in plan by name, or a plan file by path. */
  public static Plan load(String nameOrPath) {
    if (BUILT_IN.contains(nameOrPath)) return builtIn(nameOrPath);
    Path p = Path.of(nameOrPath);
    if (!Files.isRegularFile(p)) {
      throw InvalidInputException.parameter("plan", "plan '" + nameOrPath + "' is neither a built-in plan " + BUILT_IN + " nor a readable file");
    }
    try (InputStream in = Files.newInputStream(p)) {
      return parse(p.getFileName().toString(), in);
    } catch (IOException e) {
      throw InvalidInputException.inFile(p.getFileName().toString(), "", "cannot read: " + e.getMessage());
    }
  }

  /** The text of a built-in plan or plan file, e.g. to fingerprint what a run was computed with. */
  public static String source(String nameOrPath) {
    try {
      if (BUILT_IN.contains(nameOrPath)) {
        try (InputStream in = PlanFile.class.getResourceAsStream("/plans/" + nameOrPath + ".yaml")) {
          return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
      }
      return Files.readString(Path.of(nameOrPath));
    } catch (IOException e) {
      throw InvalidInputException.inFile(nameOrPath, "", "cannot read: " + e.getMessage());
    }
  }

  public static Plan builtIn(String name) {
    try (InputStream in = PlanFile.class.getResourceAsStream("/plans/" + name + ".yaml")) {
      if (in == null) throw InvalidInputException.parameter("plan", "no built-in plan '" + name + "'");
      return parse(name + ".yaml", in);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(name + ".yaml: cannot read the built-in plan", e); // the jar, not the user
    }
  }

  public static Plan parse(String file, InputStream in) {
    JsonNode root;
    try {
      root = YAML.readTree(in);
    } catch (JacksonException e) {
      throw InvalidInputException.inFile(file, "", "not valid YAML: " + e.getOriginalMessage());
    }
    return new PlanFile(file).plan(root);
  }

  public static Plan parse(String file, String yaml) {
    return parse(file, new java.io.ByteArrayInputStream(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  /**
   * The optional {@code names:} section of a plan file: per language (ro, pl, ...), how the web app
   * shows a rank, bonus or segment name of the file ({@code names: {ro: {gold: aur}}}); the engine
   * never reads it. Empty when the file has none.
   */
  public static Map<String, Map<String, String>> names(String yaml) {
    try {
      JsonNode root = YAML.readTree(yaml);
      if (root == null || !root.has("names")) return Map.of();
      return new PlanFile("plan").names(root.get("names"));
    } catch (tools.jackson.core.JacksonException e) {
      throw InvalidInputException.inFile("plan", "", "not valid YAML: " + e.getOriginalMessage());
    }
  }

  /**
   * A {@code names:} section of any YAML file Downline reads (a plan's, a playbook's), refused by
   * {@code file} and key path when it is not a mapping of language to name to text.
   */
  public static Map<String, Map<String, String>> names(String file, JsonNode node) {
    return new PlanFile(file).names(node);
  }

  private Map<String, Map<String, String>> names(JsonNode node) {
    if (!node.isObject()) throw error("names", "must be a mapping of language to names, such as names: {ro: {gold: aur}}");
    Map<String, Map<String, String>> out = new java.util.LinkedHashMap<>();
    for (var language : node.properties()) {
      JsonNode m = language.getValue();
      String path = "names." + language.getKey();
      if (!m.isObject()) throw error(path, "must be a mapping of a name in the file to the name in that language");
      Map<String, String> own = new java.util.LinkedHashMap<>();
      for (var e : m.properties()) {
        if (!e.getValue().isValueNode()) throw error(path + "." + e.getKey(), "must be a text");
        own.put(e.getKey(), e.getValue().asString());
      }
      out.put(language.getKey(), Map.copyOf(own));
    }
    return Map.copyOf(out);
  }

  private InvalidInputException error(String path, String problem) {
    return InvalidInputException.inFile(file, path, problem);
  }

  private Plan plan(JsonNode root) {
    if (root == null || !root.isObject()) throw error("(top)", "a plan file is a mapping with keys plan, ranks, bonuses, ...");
    keys(root, "(top)", Set.of("plan", "version", "description", "active", "legs", "ranks", "bonuses", "cap", "clawback",
        "names"));
    if (root.has("names")) names(root.get("names"));
    String name = string(root, "plan", "plan");
    String version = root.has("version") ? scalarText(root.get("version"), "version") : "1";
    JsonNode activeNode = required(root, "active", "active");
    keys(activeNode, "active", Set.of("pv"));
    long activePv = cents(required(activeNode, "pv", "active.pv"), "active.pv");
    if (activePv < 0) throw error("active.pv", "must not be negative");

    Plan.Legs legs = null;
    if (root.has("legs") && !root.get("legs").isNull()) {
      JsonNode l = root.get("legs");
      keys(l, "legs", Set.of("tree", "carry_limit", "qualification"));
      String tree = string(l, "tree", "legs.tree");
      if (!tree.equals("placement")) throw error("legs.tree", "'" + tree + "' is not a tree a plan can pay on (placement)");
      long limit = l.has("carry_limit") ? nonNegativeCents(l.get("carry_limit"), "legs.carry_limit") : Plan.Legs.NO_LIMIT;
      int perSide = 0;
      if (l.has("qualification")) {
        JsonNode q = l.get("qualification");
        keys(q, "legs.qualification", Set.of("sponsored_active_per_side"));
        perSide = wholeNumber(required(q, "sponsored_active_per_side", "legs.qualification.sponsored_active_per_side"),
            "legs.qualification.sponsored_active_per_side");
        if (perSide < 0) throw error("legs.qualification.sponsored_active_per_side", "must not be negative");
      }
      legs = new Plan.Legs(limit, perSide);
    }

    JsonNode ranksNode = required(root, "ranks", "ranks");
    if (!ranksNode.isArray() || ranksNode.isEmpty()) throw error("ranks", "must be a non-empty list of ranks, lowest first");
    List<String> rankNames = new ArrayList<>();
    for (int i = 0; i < ranksNode.size(); i++) {
      String path = "ranks[" + i + "]";
      JsonNode r = ranksNode.get(i);
      if (!r.isObject()) throw error(path, "must be a mapping with at least a name");
      String n = string(r, "name", path + ".name");
      if (rankNames.contains(n)) throw error(path + ".name", "rank '" + n + "' is declared twice");
      rankNames.add(n);
    }
    List<Rank> ranks = new ArrayList<>();
    for (int i = 0; i < ranksNode.size(); i++) ranks.add(rank(ranksNode.get(i), "ranks[" + i + "]", rankNames, i, legs != null));

    JsonNode bonusesNode = required(root, "bonuses", "bonuses");
    if (!bonusesNode.isArray()) throw error("bonuses", "must be a list of bonuses, in the order they are computed");
    List<BonusRule> bonuses = new ArrayList<>();
    Set<String> bonusNames = new LinkedHashSet<>();
    for (int i = 0; i < bonusesNode.size(); i++) {
      String path = "bonuses[" + i + "]";
      BonusRule b = bonus(bonusesNode.get(i), path, rankNames, bonusNames);
      if (b instanceof BinaryBonus && legs == null) throw error(path + ".type", "a binary bonus pays on the placement tree: declare legs (tree: placement)");
      if (!bonusNames.add(b.name())) throw error(path + ".name", "bonus '" + b.name() + "' is declared twice");
      bonuses.add(b);
    }

    Plan.PayoutCap cap = null;
    if (root.has("cap") && !root.get("cap").isNull()) {
      JsonNode c = root.get("cap");
      keys(c, "cap", Set.of("share_of_cv", "counted", "scaled"));
      Rate share = rate(required(c, "share_of_cv", "cap.share_of_cv"), "cap.share_of_cv");
      List<String> counted = bonusList(c.get("counted"), "cap.counted", bonusNames);
      List<String> scaled = bonusList(required(c, "scaled", "cap.scaled"), "cap.scaled", bonusNames);
      for (String s : scaled) if (counted.contains(s)) throw error("cap.scaled", "'" + s + "' is also in cap.counted");
      cap = new Plan.PayoutCap(share, counted, scaled);
    }
    Plan.Clawback clawback = null;
    if (root.has("clawback") && !root.get("clawback").isNull()) {
      JsonNode c = root.get("clawback");
      keys(c, "clawback", Set.of("name", "bonuses"));
      String cname = c.has("name") ? string(c, "name", "clawback.name") : "clawback";
      if (bonusNames.contains(cname)) throw error("clawback.name", "'" + cname + "' is already a bonus name");
      clawback = new Plan.Clawback(cname, bonusList(required(c, "bonuses", "clawback.bonuses"), "clawback.bonuses", bonusNames));
    }
    try {
      return new Plan(name, version, activePv, ranks, bonuses, cap, clawback, legs);
    } catch (IllegalArgumentException e) {
      throw error("(top)", e.getMessage());
    }
  }

  private Rank rank(JsonNode r, String path, List<String> rankNames, int index, boolean placementLegs) {
    keys(r, path, Set.of("name", "active", "pv", "gv", "capped_gv", "legs", "qualified", "lesser_leg"));
    String n = rankNames.get(index);
    boolean active = r.has("active") && bool(r.get("active"), path + ".active");
    List<Requirement> reqs = new ArrayList<>();
    if (r.has("pv")) reqs.add(new Requirement.MinPv(nonNegativeCents(r.get("pv"), path + ".pv")));
    if (r.has("gv")) reqs.add(new Requirement.MinGv(nonNegativeCents(r.get("gv"), path + ".gv")));
    if (r.has("capped_gv")) {
      JsonNode c = r.get("capped_gv");
      String p = path + ".capped_gv";
      if (!c.isObject()) throw error(p, "must be a mapping with min and leg_cap");
      keys(c, p, Set.of("min", "leg_cap"));
      long min = nonNegativeCents(required(c, "min", p + ".min"), p + ".min");
      long legCap = cents(required(c, "leg_cap", p + ".leg_cap"), p + ".leg_cap");
      if (legCap <= 0) throw error(p + ".leg_cap", "must be positive");
      reqs.add(new Requirement.MinCappedGv(min, legCap));
    }
    if (r.has("legs")) {
      JsonNode legs = r.get("legs");
      List<JsonNode> items = new ArrayList<>();
      if (legs.isArray()) legs.values().forEach(items::add);
      else items.add(legs);
      for (int k = 0; k < items.size(); k++) {
        String p = legs.isArray() ? path + ".legs[" + k + "]" : path + ".legs";
        JsonNode l = items.get(k);
        if (!l.isObject()) throw error(p, "must be a mapping with count and rank");
        keys(l, p, Set.of("count", "rank"));
        int count = wholeNumber(required(l, "count", p + ".count"), p + ".count");
        if (count < 1) throw error(p + ".count", "must be at least 1");
        String rn = string(l, "rank", p + ".rank");
        int ri = rankNames.indexOf(rn);
        if (ri < 0) throw error(p + ".rank", "unknown rank '" + rn + "' (ranks: " + String.join(", ", rankNames) + ")");
        if (ri >= index) throw error(p + ".rank", "a rank's legs may only require lower ranks ('" + rn + "' is not below '" + n + "')");
        reqs.add(new Requirement.MinLegsWithRank(count, ri));
      }
    }
    if (r.has("qualified") && bool(r.get("qualified"), path + ".qualified")) {
      if (!placementLegs) throw error(path + ".qualified", "qualification is on the placement tree's legs: declare legs (tree: placement)");
      reqs.add(new Requirement.Qualified());
    }
    if (r.has("lesser_leg")) {
      if (!placementLegs) throw error(path + ".lesser_leg", "the lesser leg is on the placement tree: declare legs (tree: placement)");
      reqs.add(new Requirement.MinLesserLeg(nonNegativeCents(r.get("lesser_leg"), path + ".lesser_leg")));
    }
    if (index == 0 && (active || !reqs.isEmpty())) {
      throw error(path, "the first rank is every distributor's floor and may have no requirements");
    }
    return new Rank(n, active, reqs);
  }

  private BonusRule bonus(JsonNode b, String path, List<String> rankNames, Set<String> earlier) {
    if (b == null || !b.isObject()) throw error(path, "must be a mapping with a type");
    String type = string(b, "type", path + ".type");
    String name = b.has("name") ? string(b, "name", path + ".name") : type;
    switch (type) {
      case "customer" -> {
        keys(b, path, Set.of("type", "name", "rate"));
        return new CustomerBonus(name, rate(required(b, "rate", path + ".rate"), path + ".rate"));
      }
      case "fast_start" -> {
        keys(b, path, Set.of("type", "name", "rate", "days", "sponsor_must_be_active"));
        int days = wholeNumber(required(b, "days", path + ".days"), path + ".days");
        if (days < 1) throw error(path + ".days", "must be at least 1");
        boolean must = !b.has("sponsor_must_be_active") || bool(b.get("sponsor_must_be_active"), path + ".sponsor_must_be_active");
        return new FastStartBonus(name, days, rate(required(b, "rate", path + ".rate"), path + ".rate"), must);
      }
      case "unilevel" -> {
        keys(b, path, Set.of("type", "name", "rates", "levels_by_rank", "compression"));
        JsonNode ratesNode = required(b, "rates", path + ".rates");
        if (!ratesNode.isArray() || ratesNode.isEmpty() || ratesNode.size() > 127) {
          throw error(path + ".rates", "must be a list of 1 to 127 rates, level 1 first");
        }
        List<Rate> rates = new ArrayList<>();
        for (int k = 0; k < ratesNode.size(); k++) rates.add(rate(ratesNode.get(k), path + ".rates[" + k + "]"));
        int[] levels = perRank(required(b, "levels_by_rank", path + ".levels_by_rank"), path + ".levels_by_rank", rankNames, rates.size());
        boolean compression = true;
        if (b.has("compression")) {
          String c = scalarText(b.get("compression"), path + ".compression");
          compression = switch (c) {
            case "dynamic" -> true;
            case "none" -> false;
            default -> throw error(path + ".compression", "'" + c + "' is not a compression (dynamic, none)");
          };
        }
        return new UnilevelBonus(name, rates, levels, compression);
      }
      case "matching" -> {
        keys(b, path, Set.of("type", "name", "of", "generations"));
        String of = string(b, "of", path + ".of");
        if (!earlier.contains(of)) throw error(path + ".of", "'" + of + "' is not a bonus declared before this one (" + String.join(", ", earlier) + ")");
        JsonNode gens = required(b, "generations", path + ".generations");
        if (!gens.isArray() || gens.isEmpty() || gens.size() > 127) throw error(path + ".generations", "must be a list of 1 to 127 generations");
        List<MatchingBonus.Generation> list = new ArrayList<>();
        for (int g = 0; g < gens.size(); g++) {
          String p = path + ".generations[" + g + "]";
          JsonNode gn = gens.get(g);
          if (!gn.isObject()) throw error(p, "must be a mapping with rate and min_rank");
          keys(gn, p, Set.of("rate", "min_rank"));
          String rn = string(gn, "min_rank", p + ".min_rank");
          int ri = rankNames.indexOf(rn);
          if (ri < 0) throw error(p + ".min_rank", "unknown rank '" + rn + "' (ranks: " + String.join(", ", rankNames) + ")");
          list.add(new MatchingBonus.Generation(rate(required(gn, "rate", p + ".rate"), p + ".rate"), ri));
        }
        return new MatchingBonus(name, of, list);
      }
      case "rank_advancement" -> {
        keys(b, path, Set.of("type", "name", "amounts"));
        JsonNode a = required(b, "amounts", path + ".amounts");
        if (!a.isObject()) throw error(path + ".amounts", "must map rank names to one-time amounts");
        long[] amounts = new long[rankNames.size()];
        for (Map.Entry<String, JsonNode> e : a.properties()) {
          int ri = rankNames.indexOf(e.getKey());
          String p = path + ".amounts." + e.getKey();
          if (ri < 0) throw error(p, "unknown rank '" + e.getKey() + "' (ranks: " + String.join(", ", rankNames) + ")");
          amounts[ri] = nonNegativeCents(e.getValue(), p);
        }
        return new RankAdvancementBonus(name, amounts);
      }
      case "binary" -> {
        keys(b, path, Set.of("type", "name", "rate", "cap_by_rank"));
        Rate rate = rate(required(b, "rate", path + ".rate"), path + ".rate");
        JsonNode caps = required(b, "cap_by_rank", path + ".cap_by_rank");
        if (!caps.isObject()) throw error(path + ".cap_by_rank", "must map every rank name to the most one period's pairing pays");
        long[] cap = new long[rankNames.size()];
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, JsonNode> e : caps.properties()) {
          int ri = rankNames.indexOf(e.getKey());
          String p = path + ".cap_by_rank." + e.getKey();
          if (ri < 0) throw error(p, "unknown rank '" + e.getKey() + "' (ranks: " + String.join(", ", rankNames) + ")");
          cap[ri] = nonNegativeCents(e.getValue(), p);
          seen.add(e.getKey());
        }
        for (String rn : rankNames) if (!seen.contains(rn)) throw error(path + ".cap_by_rank", "rank '" + rn + "' is missing");
        return new BinaryBonus(name, rate, cap);
      }
      case "generation" -> {
        keys(b, path, Set.of("type", "name", "leader_rank", "own_group", "rates", "generations_by_rank"));
        String lr = string(b, "leader_rank", path + ".leader_rank");
        int leader = rankNames.indexOf(lr);
        if (leader < 0) throw error(path + ".leader_rank", "unknown rank '" + lr + "' (ranks: " + String.join(", ", rankNames) + ")");
        if (leader == 0) throw error(path + ".leader_rank", "every distributor has the first rank; a leader's rank must be above it");
        Rate own = b.has("own_group") ? rate(b.get("own_group"), path + ".own_group") : null;
        JsonNode ratesNode = required(b, "rates", path + ".rates");
        if (!ratesNode.isArray() || ratesNode.isEmpty() || ratesNode.size() > 127) {
          throw error(path + ".rates", "must be a list of 1 to 127 rates, generation 1 first");
        }
        List<Rate> rates = new ArrayList<>();
        for (int k = 0; k < ratesNode.size(); k++) rates.add(rate(ratesNode.get(k), path + ".rates[" + k + "]"));
        int[] gens = perRank(required(b, "generations_by_rank", path + ".generations_by_rank"), path + ".generations_by_rank",
            rankNames, rates.size());
        return new GenerationBonus(name, leader, own, rates, gens);
      }
      default -> throw error(path + ".type",
          "unknown bonus type '" + type + "' (customer, fast_start, unilevel, matching, rank_advancement, binary, generation)");
    }
  }

  private int[] perRank(JsonNode node, String path, List<String> rankNames, int max) {
    if (!node.isObject()) throw error(path, "must map every rank name to a number of levels");
    int[] out = new int[rankNames.size()];
    Set<String> seen = new HashSet<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      int ri = rankNames.indexOf(e.getKey());
      if (ri < 0) throw error(path + "." + e.getKey(), "unknown rank '" + e.getKey() + "' (ranks: " + String.join(", ", rankNames) + ")");
      int v = wholeNumber(e.getValue(), path + "." + e.getKey());
      if (v < 0 || v > max) throw error(path + "." + e.getKey(), "must be between 0 and " + max + " (the number of rates)");
      out[ri] = v;
      seen.add(e.getKey());
    }
    for (String rn : rankNames) if (!seen.contains(rn)) throw error(path, "rank '" + rn + "' is missing");
    return out;
  }

  private List<String> bonusList(JsonNode node, String path, Set<String> bonusNames) {
    List<String> out = new ArrayList<>();
    if (node == null || node.isNull()) return out;
    if (!node.isArray()) throw error(path, "must be a list of bonus names");
    for (int i = 0; i < node.size(); i++) {
      String s = scalarText(node.get(i), path + "[" + i + "]");
      if (!bonusNames.contains(s)) throw error(path + "[" + i + "]", "unknown bonus '" + s + "' (bonuses: " + String.join(", ", bonusNames) + ")");
      if (out.contains(s)) throw error(path + "[" + i + "]", "'" + s + "' is listed twice");
      out.add(s);
    }
    return out;
  }

  private void keys(JsonNode node, String path, Set<String> allowed) {
    if (!node.isObject()) throw error(path, "must be a mapping");
    for (String k : node.propertyNames()) {
      if (!allowed.contains(k)) {
        throw error(path.equals("(top)") ? k : path + "." + k, "unknown key (allowed here: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
      }
    }
  }

  private JsonNode required(JsonNode node, String key, String path) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) throw error(path, "is required");
    return v;
  }

  private String string(JsonNode node, String key, String path) {
    String s = scalarText(required(node, key, path), path);
    if (s.isBlank()) throw error(path, "must not be empty");
    return s;
  }

  private String scalarText(JsonNode v, String path) {
    if (v.isString()) return v.stringValue();
    if (v.isNumber()) return v.decimalValue().toPlainString();
    throw error(path, "must be a single value");
  }

  private boolean bool(JsonNode v, String path) {
    if (v.isBoolean()) return v.booleanValue();
    throw error(path, "must be true or false");
  }

  private int wholeNumber(JsonNode v, String path) {
    if (v.isNumber()) {
      try {
        return v.decimalValue().intValueExact();
      } catch (ArithmeticException e) {
        // fall through
      }
    }
    throw error(path, "'" + text(v) + "' is not a whole number");
  }

  private long cents(JsonNode v, String path) {
    if (v.isNumber() || v.isString()) {
      String t = v.isNumber() ? v.decimalValue().toPlainString() : v.stringValue();
      try {
        return Decimals.parseCents(t);
      } catch (NumberFormatException | ArithmeticException e) {
        throw error(path, "'" + t + "' is not an amount with at most two decimals");
      }
    }
    throw error(path, "'" + text(v) + "' is not an amount");
  }

  private long nonNegativeCents(JsonNode v, String path) {
    long c = cents(v, path);
    if (c < 0) throw error(path, "must not be negative");
    return c;
  }

  /** "5%", "0.05" or 0.05; exact to a millionth (0.0001%). */
  private Rate rate(JsonNode v, String path) {
    BigDecimal fraction;
    try {
      if (v.isNumber()) {
        fraction = v.decimalValue();
      } else if (v.isString()) {
        String t = v.stringValue().strip();
        fraction = t.endsWith("%") ? new BigDecimal(t.substring(0, t.length() - 1).strip()).movePointLeft(2) : new BigDecimal(t);
      } else {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      throw error(path, "'" + text(v) + "' is not a rate (write 5% or 0.05)");
    }
    if (fraction.signum() < 0) throw error(path, "a rate must not be negative");
    if (fraction.compareTo(BigDecimal.ONE) > 0) throw error(path, "a rate above 100% is surely a mistake (write 5% or 0.05)");
    try {
      return Rate.ofPpm(fraction.movePointRight(6).longValueExact());
    } catch (ArithmeticException e) {
      throw error(path, "'" + text(v) + "' is finer than 0.0001%");
    }
  }

  private static String text(JsonNode v) {
    if (v.isNumber()) return v.decimalValue().toPlainString();
    return v.isString() ? v.stringValue() : v.toString();
  }
}
