package org.downline.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.downline.nextstep.DistributorRules;
import org.downline.nextstep.FastStartStep;
import org.downline.nextstep.FrequencyBounds;
import org.downline.nextstep.Goal;
import org.downline.nextstep.Playbook;
import org.downline.nextstep.PlaybookStep;
import org.junit.jupiter.api.Test;

class PlaybookFileTest {
  @Test
  void theBundledDefaultPlaybook() {
    Playbook p = PlaybookFile.defaults();
    assertThat(p.bounds().toString()).isEqualTo(FrequencyBounds.DEFAULT.toString());
    assertThat(p.distributorRules()).isEqualTo(DistributorRules.DEFAULT);
    assertThat(p.holdoutSeed()).isEqualTo("downline");
    assertThat(p.steps()).extracting(PlaybookStep::segment, PlaybookStep::step, PlaybookStep::goals).containsExactly(
        // one order: a second order, not autoship, not the referral programme yet
        org.assertj.core.groups.Tuple.tuple("customers/1", "second-order", List.of(Goal.NEXT_ORDER)),
        org.assertj.core.groups.Tuple.tuple("customers/2-3", "preferred-or-autoship", List.of(Goal.AUTOSHIP)),
        org.assertj.core.groups.Tuple.tuple("customers/4-6", "autoship-new-product", List.of(Goal.AUTOSHIP)),
        org.assertj.core.groups.Tuple.tuple("customers/7-10", "refer-or-join", List.of(Goal.REFERRAL, Goal.ENROLMENT)),
        org.assertj.core.groups.Tuple.tuple("customers/11+", "refer-or-join", List.of(Goal.REFERRAL, Goal.ENROLMENT)),
        org.assertj.core.groups.Tuple.tuple("no-first-sale", "first-sale", List.of(Goal.FIRST_SALE)),
        org.assertj.core.groups.Tuple.tuple("sponsored-nobody", "first-recruit", List.of(Goal.FIRST_RECRUIT)),
        org.assertj.core.groups.Tuple.tuple("wide-not-deep", "duplicate", List.of(Goal.FRONTLINE_RECRUIT)),
        org.assertj.core.groups.Tuple.tuple("leaders", "develop-leaders", List.of(Goal.LEADER_DEVELOPED)));
    assertThat(p.step("customers/1").materials()).containsExactly(
        "An incentive for the second order, such as a discount code",
        "Product information on what they bought and what goes with it",
        "Reviews and testimonials of other customers");
    assertThat(p.step("no-first-sale").materials()).containsExactly(
        "Conversation starters", "Social-media posting tips", "Whom to approach first", "Scripts and talking points");
    assertThat(p.steps()).allMatch(s -> s.holdoutBasisPoints() == 1000); // 10%
    assertThat(p.step("customers/lapsed")).isNull();
  }

  @Test
  void boundsRulesAndStepsFromAFile() {
    Playbook p = PlaybookFile.parse("mine.yaml", """
        frequency-bounds: [1, 3]
        distributors:
          active-pv: 150.50
          fast-start:
            - { goal: first-recruit, days: 45 }
          wide: { min-frontline: 8 }
          leader-rank: 3
        holdout: { seed: spring, share: 12.5 }
        steps:
          customers/1-2:
            step: come-back
            goals: [next-order]
          customers/3+:
            step: join
            goals: [enrolment]
            holdout: 0%
          customers/lapsed:
            step: win-back
            title: Win them back
            goals: [next-order]
            materials: [A welcome-back offer]
          fast-start/first-recruit:
            step: fast-start-recruit
            goals: [first-recruit]
        """);
    assertThat(p.bounds().toString()).isEqualTo("1-2, 3+, lapsed");
    assertThat(p.distributorRules()).isEqualTo(new DistributorRules(150_50,
        List.of(new FastStartStep(FastStartStep.Goal.FIRST_RECRUIT, 45)), 8, 50, 3));
    assertThat(p.holdoutSeed()).isEqualTo("spring");
    assertThat(p.step("customers/1-2").holdoutBasisPoints()).isEqualTo(1250);
    assertThat(p.step("customers/1-2").title()).isEqualTo("come-back"); // no title: the step code
    assertThat(p.step("customers/3+").holdoutBasisPoints()).isZero();
    assertThat(p.step("customers/lapsed").materials()).containsExactly("A welcome-back offer");
    assertThat(p.step("customers/1")).isNull();
  }

  @Test
  void errorsNameTheFileAndTheKey() {
    assertThatThrownBy(() -> PlaybookFile.parse("p.yaml", "steps:\n  customers/1:\n    step: x\n    goals: [second-order]\n"))
        .hasMessageStartingWith("p.yaml: steps.customers/1.goals[0]: 'second-order' is not a goal (next-order, autoship,");
    assertThatThrownBy(() -> PlaybookFile.parse("p.yaml", "steps:\n  customers/1:\n    goals: [next-order]\n"))
        .hasMessage("p.yaml: steps.customers/1.step: missing");
    assertThatThrownBy(() -> PlaybookFile.parse("p.yaml", "steps:\n  customers/1:\n    step: x\n    goal: [next-order]\n"))
        .hasMessageStartingWith("p.yaml: steps.customers/1.goal: unknown key");
    assertThatThrownBy(() -> PlaybookFile.parse("p.yaml", "frequency-bounds: [1, 5, 3]\n"))
        .hasMessageStartingWith("p.yaml: frequency-bounds: segment bounds must increase");
    assertThatThrownBy(() -> PlaybookFile.parse("p.yaml", "frequency-bounds: [1, two]\n"))
        .hasMessage("p.yaml: frequency-bounds[1]: a whole number is expected");
    assertThatThrownBy(() -> PlaybookFile.parse("p.yaml", "holdout: { share: 120% }\n"))
        .hasMessage("p.yaml: holdout.share: must be between 0% and 100%");
    assertThatThrownBy(() -> PlaybookFile.parse("p.yaml", "distributors:\n  fast-start:\n    - { goal: first-sale, days: 30 }\n"))
        .hasMessageStartingWith("p.yaml: distributors.fast-start[0].goal: 'first-sale' is not a Fast Start step");
    // 4-6 is no segment when the bounds are 1, 3
    assertThatThrownBy(() -> PlaybookFile.parse("p.yaml", "frequency-bounds: [1, 3]\nsteps:\n  customers/4-6:\n    step: x\n    goals: [autoship]\n"))
        .hasMessageStartingWith("p.yaml: steps.customers/4-6: no such segment under these bounds and rules");
    assertThatThrownBy(() -> PlaybookFile.parse("p.yaml", "steps: [\n"))
        .hasMessageStartingWith("p.yaml: not valid YAML");
  }

  @Test
  void namesInOtherLanguagesAreCheckedAndTheBundledOnesCoverEveryTitleAndMaterial() {
    // A names section of the wrong shape is refused by its key path; a good one changes nothing the engine reads.
    assertThatThrownBy(() -> PlaybookFile.parse("p.yaml", "names:\n  ro: [a, b]\n"))
        .hasMessageStartingWith("p.yaml: names.ro: must be a mapping");
    assertThatThrownBy(() -> PlaybookFile.parse("p.yaml", "names: nope\n")).hasMessageStartingWith("p.yaml: names: must be a mapping");
    org.assertj.core.api.Assertions.assertThat(PlaybookFile.parse("p.yaml", "names:\n  ro: {A second order: O a doua comandă}\n")
        .step("customers/1")).isEqualTo(PlaybookFile.parse("p.yaml", "").step("customers/1"));
    // Every title and material of the bundled playbook has its Romanian and Polish text.
    java.util.Map<String, java.util.Map<String, String>> names = PlaybookFile.defaultNames();
    Playbook p = PlaybookFile.defaults();
    java.util.List<String> texts = new java.util.ArrayList<>();
    for (String segment : new String[] {"customers/1", "customers/2-3", "customers/4-6", "customers/7-10", "customers/11+",
        "no-first-sale", "sponsored-nobody", "wide-not-deep", "leaders"}) {
      texts.add(p.step(segment).title());
      texts.addAll(p.step(segment).materials());
    }
    for (String language : new String[] {"ro", "pl"}) {
      org.assertj.core.api.Assertions.assertThat(names.get(language)).as(language).containsKeys(texts.toArray(String[]::new));
    }
    org.assertj.core.api.Assertions.assertThat(names.get("ro").get("A second order")).isEqualTo("O a doua comandă");
    org.assertj.core.api.Assertions.assertThat(names.get("pl").get("A second order")).isEqualTo("Drugie zamówienie");
  }
}
