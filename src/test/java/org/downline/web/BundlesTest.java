package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.downline.network.MemberKind;
import org.downline.network.MemberStatus;
import org.downline.nextstep.Population;
import org.downline.web.security.Account;
import org.junit.jupiter.api.Test;

/**
 * Every message bundle under src/main/resources/i18n (every basename, every capability's) is complete
 * in English, Romanian and Polish: the same keys in the three files, no key twice, no empty text,
 * every message with arguments a valid MessageFormat; and every key a template names exists.
 */
class BundlesTest {
  static final Path BUNDLES = Path.of("src/main/resources/i18n");
  static final Path TEMPLATES = Path.of("src/main/resources/templates");
  static final List<String> SUFFIXES = List.of("", "_ro", "_pl");

  /** basename -> suffix -> key -> text, read line by line so that a key written twice is seen. */
  static Map<String, Map<String, Map<String, String>>> bundles(List<String> problems) throws IOException {
    Map<String, Map<String, Map<String, String>>> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(BUNDLES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".properties")).sorted().toList()) {
        String name = f.getFileName().toString().replace(".properties", "");
        Matcher m = Pattern.compile("(.+?)(_[a-z]{2})?").matcher(name);
        if (!m.matches()) continue;
        String suffix = m.group(2) == null ? "" : m.group(2);
        if (!SUFFIXES.contains(suffix)) problems.add(f + ": a language the app does not offer (" + suffix + ")");
        Map<String, String> keys = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i).strip();
          if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) continue;
          if (line.endsWith("\\")) problems.add(f + ":" + (i + 1) + ": continued lines are not used in the bundles");
          int eq = line.indexOf('=');
          if (eq < 0) {
            problems.add(f + ":" + (i + 1) + ": not key=text");
            continue;
          }
          String key = line.substring(0, eq).strip();
          String text = line.substring(eq + 1).strip();
          if (keys.put(key, text) != null) problems.add(f + ":" + (i + 1) + ": key " + key + " written twice");
          if (text.isEmpty()) problems.add(f + ":" + (i + 1) + ": key " + key + " has no text");
        }
        out.computeIfAbsent(m.group(1), b -> new TreeMap<>()).put(suffix, keys);
      }
    }
    return out;
  }

  @Test
  void everyBundleHasEveryKeyInEnglishRomanianAndPolish() throws IOException {
    List<String> problems = new ArrayList<>();
    Map<String, Map<String, Map<String, String>>> bundles = bundles(problems);
    assertThat(bundles).containsKey("messages");
    for (var b : bundles.entrySet()) {
      TreeSet<String> all = new TreeSet<>();
      b.getValue().values().forEach(k -> all.addAll(k.keySet()));
      for (String suffix : SUFFIXES) {
        Map<String, String> keys = b.getValue().get(suffix);
        if (keys == null) {
          problems.add("i18n/" + b.getKey() + suffix + ".properties is missing");
          continue;
        }
        for (String k : all) {
          if (!keys.containsKey(k)) problems.add("i18n/" + b.getKey() + suffix + ".properties has no key " + k);
        }
      }
    }
    assertThat(problems).as("bundle problems").isEmpty();
  }

  @Test
  void messagesWithArgumentsAreValidMessageFormats() throws IOException {
    List<String> problems = new ArrayList<>();
    for (var b : bundles(problems).entrySet()) {
      for (var lang : b.getValue().entrySet()) {
        for (var e : lang.getValue().entrySet()) {
          if (!e.getValue().contains("{0")) continue;
          try {
            String s = new MessageFormat(e.getValue(), Locale.ENGLISH).format(new Object[] {1, 2, 3, 4});
            // A lone apostrophe swallows the rest of a MessageFormat message: the 1 must still be there.
            if (!s.contains("1")) problems.add(b.getKey() + lang.getKey() + " " + e.getKey() + ": argument lost: " + s);
          } catch (IllegalArgumentException ex) {
            problems.add(b.getKey() + lang.getKey() + " " + e.getKey() + ": " + ex.getMessage());
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  /** Keys templates build from a code ({@code #{'kind.' + ${n.kind}}}) and the codes they are built from. */
  static Map<String, List<String>> builtKeys() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("kind.", Stream.of(MemberKind.values()).map(MemberKind::code).toList());
    m.put("status.", Stream.of(MemberStatus.values()).map(MemberStatus::code).toList());
    m.put("population.", Stream.of(Population.values()).map(Population::code).toList());
    m.put("role.", Stream.of(Account.Role.values()).map(Account.Role::code).toList());
    m.put("order.kind.", List.of("sale", "return", "autoship")); // orders.kind CHECK in V1
    m.put("period.state.", List.of("open", "calculated", "closed")); // period.state CHECK in V1
    m.put("console.nextSteps.rateFrom.", List.of("observed", "given")); // NextStepsReport.impact
    m.put("disclosure.alert.kind.", Stream.of(org.downline.disclosure.Alerts.Kind.values())
        .map(org.downline.disclosure.Alerts.Kind::code).toList());
    m.put("disclosure.retention.", List.of("distributors", "customers")); // Retention's two populations
    m.put("disclosure.point.", List.of("min", "p10", "p25", "median", "p75", "p90", "max")); // the statement's chart
    List<String> definitions = List.of("participant", "months", "gross", "group", "purchases", "net", "percentiles", "shares");
    m.put("disclosure.def.", definitions); // the statement's definitions (disclosure/statement.html)
    m.put("disclosure.deftext.", definitions);
    m.put("payouts.kind.", List.of("earning", "clawback", "adjustment", "restatement", "payout", "payout_failed")); // ledger entry kinds
    m.put("payouts.state.", List.of("pending", "paid", "failed")); // payout line states
    m.put("binary.side.", List.of("left", "right")); // PlacementTree.sideName
    m.put("binary.compare.", List.of("gainers", "losers")); // console/plan-compare.html's two lists
    m.put("prospects.tie.", codes(org.downline.prospect.Tie.values()));
    List<String> channels = new java.util.ArrayList<>(codes(org.downline.prospect.ChannelKind.values()));
    channels.add("in-person"); // where a touch happened (touch.channel CHECK in V110)
    m.put("prospects.channel.", channels);
    m.put("prospects.consent.", codes(org.downline.prospect.Consent.values()));
    m.put("prospects.touch.", codes(org.downline.prospect.TouchKind.values()));
    m.put("prospects.outcome.", codes(org.downline.prospect.Outcome.values()));
    m.put("prospects.source.", codes(org.downline.prospect.Source.values()));
    m.put("prospects.today.kind.", codes(org.downline.prospect.TodayItem.Kind.values()));
    m.put("prospects.figures.group.", List.of(org.downline.prospect.JoinerRetention.GROUPS));
    m.put("prospects.win.", org.downline.app.prospect.Prospects.SUGGESTED_TAGS); // the fit form's tags
    List<String> duplicateBy = List.of("email", "phone", "name"); // Duplicates.find's reasons, strongest first
    m.put("prospects.duplicates.sameBy.", duplicateBy);
    m.put("prospects.duplicates.by.", duplicateBy);
    return m;
  }

  static List<String> codes(org.downline.prospect.Coded[] values) {
    return Stream.of(values).map(org.downline.prospect.Coded::code).toList();
  }

  @Test
  void everyKeyATemplateNamesExists() throws IOException {
    List<String> problems = new ArrayList<>();
    TreeSet<String> english = new TreeSet<>();
    bundles(problems).values().forEach(b -> english.addAll(b.getOrDefault("", Map.of()).keySet()));
    Pattern fixed = Pattern.compile("#\\{([A-Za-z0-9_.-]+)|#messages\\.msg\\('([A-Za-z0-9_.-]+)'");
    Pattern built = Pattern.compile("#\\{'([A-Za-z0-9_.-]+\\.)'");
    Map<String, List<String>> codes = builtKeys();
    try (Stream<Path> files = Files.walk(TEMPLATES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
        String html = Files.readString(f).replaceAll("(?s)<!--.*?-->", "");
        Matcher m = fixed.matcher(html);
        while (m.find()) {
          String key = m.group(1) != null ? m.group(1) : m.group(2);
          if (!english.contains(key)) problems.add(TEMPLATES.relativize(f) + ": no message " + key);
        }
        Matcher b = built.matcher(html);
        while (b.find()) {
          List<String> values = codes.get(b.group(1));
          if (values == null) {
            problems.add(TEMPLATES.relativize(f) + ": a key built from " + b.group(1) + " that BundlesTest does not know the codes of");
            continue;
          }
          for (String v : values) {
            if (!english.contains(b.group(1) + v)) problems.add(TEMPLATES.relativize(f) + ": no message " + b.group(1) + v);
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }
}
