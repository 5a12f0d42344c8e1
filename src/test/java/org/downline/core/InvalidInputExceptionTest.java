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
}
