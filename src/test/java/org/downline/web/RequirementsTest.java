package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.downline.commission.Explanation;
import org.downline.commission.Plan;
import org.downline.commission.Requirement;
import org.downline.planfile.PlanFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Rank requirements worded in the reader's language from the engine's figures: each kind of
 * requirement the engine names (its own English words, read back here), with the reader's number
 * format and the plan's translated rank names.
 */
class RequirementsTest {
  final Plan demo = PlanFile.load("demo");
  final Requirements words;

  RequirementsTest() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasenames("i18n/messages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    words = new Requirements(messages, new Formats("USD"), new Names(Map.of("ro", Map.of("silver", "argint"),
        "pl", Map.of("silver", "srebro"))));
  }

  @AfterEach
  void reset() {
    LocaleContextHolder.resetLocaleContext();
  }

  private String what(Requirement r) {
    return words.what(r.describe(demo));
  }

  @Test
  void everyRequirementTheEngineNamesInEachLanguage() {
    // demo: rank 2 is silver.
    Requirement capped = new Requirement.MinCappedGv(600000, 300000);
    Requirement legs = new Requirement.MinLegsWithRank(2, 2);
    LocaleContextHolder.setLocale(Locale.ENGLISH);
    assertThat(what(new Requirement.MinPv(10000))).isEqualTo("PV");
    assertThat(what(new Requirement.MinGv(50000))).isEqualTo("GV");
    assertThat(what(capped)).isEqualTo("capped GV (each leg at most 3,000.00)");
    assertThat(what(legs)).isEqualTo("legs with silver");
    assertThat(what(new Requirement.Qualified())).isEqualTo("qualified (Active, with 1 sponsored Active on each leg)");
    assertThat(what(new Requirement.MinLesserLeg(100000))).isEqualTo("lesser leg volume");
    LocaleContextHolder.setLocale(Locale.forLanguageTag("ro"));
    assertThat(what(capped)).isEqualTo("GV plafonat (fiecare ramură cel mult 3.000,00)");
    assertThat(what(legs)).isEqualTo("ramuri cu argint");
    assertThat(what(new Requirement.MinLesserLeg(100000))).isEqualTo("volumul ramurii mai mici");
    LocaleContextHolder.setLocale(Locale.forLanguageTag("pl"));
    assertThat(what(capped)).isEqualTo("GV z limitem (każda noga najwyżej 3\u00a0000,00)");
    assertThat(what(legs)).isEqualTo("nogi z srebro");
    assertThat(what(new Requirement.Qualified())).isEqualTo("kwalifikacja (aktywny, z 1 aktywnymi wprowadzonymi w każdej nodze)");
  }

  @Test
  void whatIsMissingAndEachCheck() {
    // B of the test company: PV 70.00 of 100.00 (30.00 short), GV 1,110.00 of 2,000.00 (890.00 short), 1 leg of 2.
    Explanation.Missing pv = new Explanation.Missing("PV", 3000, true);
    Explanation.Missing gv = new Explanation.Missing("GV", 89000, true);
    Explanation.Missing leg = new Explanation.Missing("legs with silver", 1, false);
    Explanation.Check active = new Explanation.Check("PV (Active)", 7000, 10000, true, false);
    Explanation.Check met = new Explanation.Check("GV", 111000, 50000, true, true);
    LocaleContextHolder.setLocale(Locale.ENGLISH);
    assertThat(words.missing(pv)).isEqualTo("30.00 PV more");
    assertThat(words.missing(gv)).isEqualTo("890.00 GV more");
    assertThat(words.missing(leg)).isEqualTo("legs with silver: 1 more");
    assertThat(words.check(active)).isEqualTo("PV (Active) 70.00 < 100.00 missed");
    assertThat(words.check(met)).isEqualTo("GV 1,110.00 >= 500.00 met");
    LocaleContextHolder.setLocale(Locale.forLanguageTag("ro"));
    assertThat(words.missing(pv)).isEqualTo("încă 30,00 PV");
    assertThat(words.missing(leg)).isEqualTo("ramuri cu argint: încă 1");
    assertThat(words.check(active)).isEqualTo("PV (activ) 70,00 < 100,00 neîndeplinit");
    assertThat(words.check(met)).isEqualTo("GV 1.110,00 >= 500,00 îndeplinit");
    LocaleContextHolder.setLocale(Locale.forLanguageTag("pl"));
    assertThat(words.missing(gv)).isEqualTo("jeszcze 890,00 GV");
    assertThat(words.check(met)).isEqualTo("GV 1\u00a0110,00 >= 500,00 spełnione");
  }

  @Test
  void aTextItDoesNotKnowIsShownAsTheEngineWroteIt() {
    LocaleContextHolder.setLocale(Locale.forLanguageTag("ro"));
    assertThat(words.what("titles held")).isEqualTo("titles held");
    assertThat(words.what("capped GV (each leg at most lots)")).isEqualTo("capped GV (each leg at most lots)");
  }
}
