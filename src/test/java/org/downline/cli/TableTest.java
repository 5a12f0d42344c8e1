package org.downline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TableTest {
  static String print(Table t, OutputFormat f) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    t.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), f);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  final Table table = new Table("segment", "members", "revenue").row("1", "12", "340.50").row("a, \"b\"", "3", "-1.00")
      .numeric("members", "revenue");

  @Test
  void alignsNumericColumnsRightAndTextLeft() {
    assertThat(print(table, OutputFormat.table)).isEqualTo("""
        segment  members  revenue
        -------  -------  -------
        1             12   340.50
        a, "b"         3    -1.00
        """);
  }

  @Test
  void quotesCsvFieldsThatNeedIt() {
    assertThat(print(table, OutputFormat.csv)).isEqualTo("""
        segment,members,revenue
        1,12,340.50
        "a, ""b\""",3,-1.00
        """);
  }

  @Test
  void writesNumericColumnsBareInJson() {
    assertThat(print(table, OutputFormat.json)).isEqualTo("""
        [
          {"segment": "1", "members": 12, "revenue": 340.50},
          {"segment": "a, \\"b\\"", "members": 3, "revenue": -1.00}
        ]
        """);
  }
}
