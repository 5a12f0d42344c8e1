package org.downline.payout;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The payout engine's rules on small hand-made figures. */
class PayoutEngineTest {
  @Test
  void reasonsAreDecidedInOrderAndPayTheSmallerOfThroughAndWhole() {
    // through 50.00 but a later clawback leaves 30.00 in all: 30.00 is paid, not 50.00
    assertThat(PayoutRules.decide(5000, 3000, false, true, 2500)).isEqualTo(PayoutRules.PAY);
    PayoutRules.Decisions d = PayoutRules.decide(new long[] {5000, -100, 4000, 4000, 2499, 0},
        new long[] {3000, -100, 4000, 4000, 2499, 0}, new boolean[] {false, true, true, false, false, false},
        new boolean[] {true, true, true, false, true, true}, 2500);
    assertThat(d.pay()).containsExactly(3000, 0, 0, 0, 0, 0);
    assertThat(d.reason()).containsExactly(PayoutRules.PAY, PayoutRules.NEGATIVE, PayoutRules.ON_HOLD, PayoutRules.NO_DETAILS,
        PayoutRules.BELOW_MINIMUM, PayoutRules.NOTHING);
  }

  @Test
  void conversionRoundsHalvesAwayFromZero() {
    // 10.01 x 0.5 = 5.005 -> 5.01; 604.32 x 0.9215 = 556.88088 -> 556.88
    assertThat(Rates.convert(1001, new BigDecimal("0.5"))).isEqualTo(501);
    assertThat(Rates.convert(60432, new BigDecimal("0.9215"))).isEqualTo(55688);
  }

  @Test
  void restatementDifferencesNameTheirCause() {
    List<Restatement.Line> before = List.of(
        new Restatement.Line("A", "unilevel", "o1", "X", 1, 500),
        new Restatement.Line("A", "rank_advancement", null, null, 0, 10000),
        new Restatement.Line("B", "unilevel", "o1", "X", 2, 300));
    List<Restatement.Line> after = List.of(
        new Restatement.Line("A", "unilevel", "o1", "X", 1, 500), // unchanged: not listed
        new Restatement.Line("A", "rank_advancement", null, null, 0, 25000), // a higher rank from the late order's volume
        new Restatement.Line("A", "unilevel", "late", "Y", 1, 250)); // B's line is gone: B lost its level
    List<Restatement.Difference> d = Restatement.differences(before, after, Set.of("late"));
    assertThat(d).extracting(Restatement.Difference::earner, Restatement.Difference::bonus, Restatement.Difference::delta,
        Restatement.Difference::cause).containsExactly(
            org.assertj.core.groups.Tuple.tuple("A", "rank_advancement", 15000L, "volumes and ranks changed by order late"),
            org.assertj.core.groups.Tuple.tuple("A", "unilevel", 250L, "order late"),
            org.assertj.core.groups.Tuple.tuple("B", "unilevel", -300L, "volumes and ranks changed by order late"));
    // A: +150.00 + 2.50 = 152.50; B: -3.00
    assertThat(Restatement.byEarner(d)).containsExactly(java.util.Map.entry("A", 15250L), java.util.Map.entry("B", -300L));
  }

  @Test
  void ibanCheckDigits() {
    assertThat(Iban.valid("DE89 3704 0044 0532 0130 00")).isTrue();
    assertThat(Iban.valid("DE88370400440532013000")).isFalse();
    assertThat(Iban.of("DE", "370400440532013000")).isEqualTo("DE89370400440532013000");
  }

  @Test
  void aPostingBalancesPerCurrency() {
    assertThat(Postings.balanced(new long[] {100, -100, 50, -50}, new String[] {"USD", "USD", "EUR", "EUR"})).isTrue();
    // 100 USD against 100 EUR is not balanced: currencies are never netted
    assertThat(Postings.balanced(new long[] {100, -100}, new String[] {"USD", "EUR"})).isFalse();
  }
}
