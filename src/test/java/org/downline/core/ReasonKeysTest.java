package org.downline.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every reason the code names ({@code Reason.of("name", ...)}, a ternary of two names included) is a key
 * of the English inputs bundle, and every refusal the payouts and the order endpoint name is a key of
 * theirs; BundlesTest holds those bundles complete in Romanian and Polish. A missing
 * key would otherwise fail only when that input is refused, in front of the person who sent it.
 */
class ReasonKeysTest {
  private static final Pattern CALL = Pattern.compile("Reason\\.of\\(([^,;]*)");
  private static final Pattern PROSPECTS_CALL = Pattern.compile("Texts\\.reason\\(([^,;]*)");
  /**
   * A refusal made from a RefusalTexts ({@code TEXTS.conflict("name"}, {@code TEXTS.parameter("field", "name"}) or by
   * a {@code refused(HttpStatus.X, "name"} helper.
   */
  private static final Pattern KEYED_CALL = Pattern.compile(
      "(?:TEXTS\\.(?:notFound|notAllowed|conflict|reason)\\(|TEXTS\\.parameter\\(\"\\w+\", |refused\\(HttpStatus\\.\\w+, )([^,;]*)");
  private static final Pattern NAME = Pattern.compile("\"(\\w+)\"");

  @Test
  void everyReasonTheCodeNamesIsInTheBundle() throws IOException {
    TreeSet<String> named = named(CALL, Path.of("src/main/java"));
    assertThat(named).hasSizeGreaterThan(60).contains("unknownMember", "oneField", "fieldCount", "empty");
    assertThat(missing(named, "/i18n/inputs.properties", "input.")).isEmpty();
  }

  @Test
  void everyReasonOfTheContactImportIsInTheProspectsBundle() throws IOException {
    TreeSet<String> named = named(PROSPECTS_CALL, Path.of("src/main/java/org/downline/app/prospect"));
    assertThat(named).contains("importTie", "atMost", "vcardNested", "notEmail");
    assertThat(missing(named, "/i18n/prospects.properties", "prospects.refusal.")).isEmpty();
  }

  @Test
  void everyRefusalOfThePayoutsIsInThePayoutsBundle() throws IOException {
    // The use cases' (TEXTS.notFound("noBatch", ...)), the API's and the console's own (refused(HttpStatus.X, "staffOnly")).
    TreeSet<String> named = named(KEYED_CALL, Path.of("src/main/java/org/downline/app/payout"),
        Path.of("src/main/java/org/downline/web/api/PayoutsApi.java"), Path.of("src/main/java/org/downline/web/console/PayoutsConsole.java"));
    assertThat(named).contains("noBatch", "noHold", "staffOnly", "nameTheMember", "notApprovedYet", "thresholdNotNumber");
    assertThat(missing(named, "/i18n/payouts.properties", "payouts.refusal.")).isEmpty();
  }

  @Test
  void everyRefusalOfTheOrderEndpointIsInTheReliabilityBundle() throws IOException {
    TreeSet<String> named = named(KEYED_CALL, Path.of("src/main/java/org/downline/web/api/OrderService.java"));
    assertThat(named).contains("idempotencyKey", "keyReused", "notInOrganisation");
    assertThat(missing(named, "/i18n/reliability.properties", "reliability.refusal.")).isEmpty();
  }

  private static TreeSet<String> named(Pattern calls, Path... sources) throws IOException {
    TreeSet<String> named = new TreeSet<>();
    for (Path source : sources) {
      try (Stream<Path> files = Files.walk(source)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          Matcher call = calls.matcher(Files.readString(f));
          while (call.find()) {
            Matcher name = NAME.matcher(call.group(1));
            while (name.find()) named.add(name.group(1));
          }
        }
      }
    }
    return named;
  }

  private static List<String> missing(TreeSet<String> named, String bundle, String prefix) throws IOException {
    Properties english = new Properties();
    try (InputStream in = ReasonKeysTest.class.getResourceAsStream(bundle)) {
      english.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    List<String> missing = new ArrayList<>();
    for (String n : named) if (english.getProperty(prefix + n) == null) missing.add(prefix + n);
    return missing;
  }

  @Test
  void theEnglishIsTheBundlesTextWithItsArguments() {
    assertThat(Reason.of("tooLong", 300, 200).english()).isEqualTo("is 300 characters long; at most 200 are allowed");
    assertThat(Reason.of("saleNegative", "pv").english()).isEqualTo("a sale's pv must not be negative");
    // An id of four digits stays as typed: arguments are text, never grouped by a locale.
    assertThat(Reason.of("unknownMember", 1234).args()).containsExactly("1234");
    assertThat(Reason.of("unknownMember", 1234).english()).isEqualTo("unknown member '1234'");
  }
}
