package org.downline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The three kinds of invalid input keep their messages, and only a parser's own refusal becomes one. */
class InvalidInputExceptionTest {
  @Test
  void rowsParametersAndFileKeysSayWhereAndWhy() {
    InvalidInputException rows = new InvalidInputException(List.of(new InputError("orders.csv", 3, "pv", "'x' is not a number")), 7);
    assertThat(rows.getMessage()).isEqualTo("7 input errors, nothing written" + System.lineSeparator()
        + "  orders.csv:3: column pv: 'x' is not a number" + System.lineSeparator() + "  ... and 6 more");
    assertThat(rows.aboutParameters()).isFalse();

    InvalidInputException parameter = InvalidInputException.parameter("period", "'2026-13' is not a period");
    assertThat(parameter.getMessage()).isEqualTo("'2026-13' is not a period");
    assertThat(parameter.aboutParameters()).isTrue();
    assertThat(parameter.errors().get(0).toString()).isEqualTo("period: '2026-13' is not a period");

    InvalidInputException key = InvalidInputException.inFile("p.yaml", "bonuses[0].type", "unknown bonus type 'x'");
    assertThat(key.getMessage()).isEqualTo("p.yaml: bonuses[0].type: unknown bonus type 'x'");
    assertThat(InvalidInputException.inFile("p.yaml", "", "no such file").getMessage()).isEqualTo("p.yaml: no such file");
    assertThat(key.aboutParameters()).isFalse();
  }

  @Test
  void parsingTurnsOnlyTheParsersRefusalIntoInvalidInput() {
    assertThat(InvalidInputException.parsing("period", () -> Periods.parse("2026-02"))).hasToString("2026-02");
    assertThatThrownBy(() -> InvalidInputException.parsing("period", () -> Periods.parse("2026-13")))
        .isInstanceOf(InvalidInputException.class).hasMessage("'2026-13' is not a period of the form YYYY-MM");
    // Anything else the call throws stays what it is: a bug.
    assertThatThrownBy(() -> InvalidInputException.parsing("period", () -> {
      throw new IllegalStateException("broken invariant");
    })).isExactlyInstanceOf(IllegalStateException.class);
  }

  @Test
  void aParsersRefusalCarriesTheReasonItIsGiven() {
    assertThat(InvalidInputException.parsing("corrects", () -> Long.parseLong("12"), e -> Reason.of("notWhole", "12"))).isEqualTo(12L);
    InvalidInputException refused = catchRefusal(() -> InvalidInputException.parsing("corrects", () -> Long.parseLong("x7"),
        e -> Reason.of("notWhole", "x7")));
    assertThat(refused.getMessage()).isEqualTo("'x7' is not a whole number");
    assertThat(refused.key()).isEqualTo("input.notWhole");
    assertThat(refused.args()).containsExactly("x7");
    assertThat(refused.errors()).containsExactly(new InputError(null, 0, "corrects", "'x7' is not a whole number", "input.notWhole",
        List.of("x7")));
    assertThatThrownBy(() -> InvalidInputException.parsing("corrects", () -> {
      throw new IllegalStateException("broken invariant");
    }, e -> Reason.of("notWhole", ""))).isExactlyInstanceOf(IllegalStateException.class);
  }

  @Test
  void anAmountParameterIsRefusedForEachOfItsReasons() {
    assertThat(InvalidInputException.amount("amount", "-3.5")).isEqualTo(-350);
    String[][] told = {{"", "input.emptyNumber", "empty number"}, {"1,5", "input.notNumber", "'1,5' is not a number"},
        {"1.005", "input.decimals", "'1.005' has more than two decimal places"},
        {"99999999999999999999", "input.tooLarge", "'99999999999999999999' is too large a number"}};
    for (String[] t : told) {
      InvalidInputException refused = catchRefusal(() -> InvalidInputException.amount("amount", t[0]));
      assertThat(refused.key()).as(t[0]).isEqualTo(t[1]);
      assertThat(refused.getMessage()).isEqualTo(t[2]);
      assertThat(refused.errors().getFirst().column()).isEqualTo("amount");
      assertThat(refused.aboutParameters()).isTrue();
    }
  }

  private static InvalidInputException catchRefusal(Runnable call) {
    try {
      call.run();
    } catch (InvalidInputException e) {
      return e;
    }
    throw new AssertionError("not refused");
  }
}
