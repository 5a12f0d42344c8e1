package org.downline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.downline.core.Progress;
import org.junit.jupiter.api.Test;

/**
 * The COPY text format by hand: rows as PostgreSQL writes them (its documentation, "COPY", text
 * format), parsed whole and split at every byte; and what {@link CopyWriter} writes read back.
 */
class CopyTextTest {

  /** Every row's fields as strings (null for NULL), feeding {@code bytes} in chunks of {@code chunk}. */
  static List<List<String>> parse(byte[] bytes, int chunk) {
    List<List<String>> rows = new ArrayList<>();
    CopyReader reader = new CopyReader(r -> {
      List<String> row = new ArrayList<>();
      for (int f = 0; f < r.fields(); f++) row.add(r.string(f));
      rows.add(row);
    }, Progress.NONE);
    for (int i = 0; i < bytes.length; i += chunk) reader.write(bytes, i, Math.min(chunk, bytes.length - i));
    reader.close();
    return rows;
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void readsNullsEscapesAndUnicodeSplitAnywhere() {
    // Row 1: a NULL, an empty string (not NULL), quotes and commas (plain in this format).
    // Row 2: an escaped tab, newline, carriage return and backslash inside one field; Romanian,
    //        Polish and a character outside the BMP (4 UTF-8 bytes) in another.
    // Row 3: octal \101 = 'A', hex \x42 = 'B', "\x" without digits = 'x', \q = 'q' (any other
    //        character stands for itself), octal \0618 = '1' (\061) then '8'.
    String text = "\\N\t\t\"Ann, the \"\"first\"\"\"\n"
        + "a\\tb\\nc\\rd\\\\e\tȘtefan Łukasz 😀\tx\n"
        + "\\101\\x42\t\\xz\\q\t\\0618\n";
    List<List<String>> expected = List.of(
        Arrays.asList(null, "", "\"Ann, the \"\"first\"\"\""),
        List.of("a\tb\nc\rd\\e", "Ștefan Łukasz 😀", "x"),
        List.of("AB", "xzq", "18"));
    byte[] bytes = utf8(text);
    for (int chunk = 1; chunk <= bytes.length; chunk++) assertThat(parse(bytes, chunk)).as("chunks of %d", chunk).isEqualTo(expected);
  }

  @Test
  void readsNumbersBooleansAndCodesWithoutStrings() {
    long[] numbers = new long[3];
    boolean[] flags = new boolean[2];
    boolean[] isAutoship = new boolean[1];
    CopyReader reader = new CopyReader(r -> {
      numbers[0] = r.number(0);
      numbers[1] = r.number(1);
      numbers[2] = r.number(2, -1);
      flags[0] = r.bool(3);
      flags[1] = r.bool(4);
      isAutoship[0] = r.is(5, "autoship");
    }, Progress.NONE);
    reader.write(utf8("20454\t-1250\t\\N\tt\tf\tautoship\n"), 0, utf8("20454\t-1250\t\\N\tt\tf\tautoship\n").length);
    reader.close();
    assertThat(numbers).containsExactly(20454, -1250, -1);
    assertThat(flags).containsExactly(true, false);
    assertThat(isAutoship[0]).isTrue();
  }

  @Test
  void looksUpMembersAndSharesCodesFromTheBytes() {
    // Ids chosen to share hash slots: "Aa" and "BB" have the same String.hashCode (2112), so one probes past the other.
    org.downline.network.Network network = new org.downline.network.NetworkBuilder("test")
        .add(0, "Aa", null, org.downline.network.MemberKind.DISTRIBUTOR, false, 0, org.downline.network.MemberStatus.ACTIVE,
            Integer.MIN_VALUE, null, -1)
        .add(0, "BB", "Aa", org.downline.network.MemberKind.DISTRIBUTOR, false, 0, org.downline.network.MemberStatus.ACTIVE,
            Integer.MIN_VALUE, null, -1)
        .add(0, "Ștefan", "Aa", org.downline.network.MemberKind.CUSTOMER, false, 0, org.downline.network.MemberStatus.ACTIVE,
            Integer.MIN_VALUE, null, -1)
        .build();
    List<Integer> members = new ArrayList<>();
    List<String> codes = new ArrayList<>();
    List<String> known = new ArrayList<>();
    CopyReader reader = new CopyReader(r -> {
      members.add(r.member(0, network));
      codes.add(r.string(1, known));
    }, Progress.NONE);
    byte[] bytes = utf8("BB\tspring\nAa\t\\N\nȘtefan\tspring\nB\tcafé\nAaa\tcafé\n");
    reader.write(bytes, 0, bytes.length);
    reader.close();
    assertThat(members).containsExactly(network.indexOf("BB"), network.indexOf("Aa"), network.indexOf("Ștefan"),
        org.downline.network.Network.NONE, org.downline.network.Network.NONE);
    assertThat(network.indexOf("Ștefan")).isNotEqualTo(org.downline.network.Network.NONE);
    assertThat(codes).containsExactly("spring", null, "spring", "café", "café");
    assertThat(codes.get(0)).isSameAs(codes.get(2)); // one string a code, however many rows
    assertThat(codes.get(3)).isSameAs(codes.get(4)); // also when it is not ASCII
    assertThat(known).containsExactly("spring", "café");
  }

  @Test
  void refusesBrokenData() {
    CopyReader reader = new CopyReader(r -> r.number(0), Progress.NONE);
    assertThatThrownBy(() -> reader.write(utf8("12x\n"), 0, 4)).hasMessageContaining("field 1 is not a number");
    CopyReader cut = new CopyReader(r -> {}, Progress.NONE);
    cut.write(utf8("a\tb"), 0, 3);
    assertThatThrownBy(cut::close).hasMessageContaining("ended inside row 1");
    CopyReader nul = new CopyReader(r -> {}, Progress.NONE);
    assertThatThrownBy(() -> nul.write(utf8("a\\N\n"), 0, 4)).hasMessageContaining("\\N inside a field");
  }

  @Test
  void writesWhatPostgresqlReadsBack() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CopyWriter w = new CopyWriter(out::write);
    // 2026-01-03 is epoch day 20456 (56 years of 365 days = 20440, 14 leap days 1972..2024 = 20454, + 2).
    w.text("O1").text(null).day(20456).day(Integer.MIN_VALUE).hundredths(12345).hundredths(-5).hundredths(0)
        .integer(-7).nullInteger().bool(true);
    w.endRow();
    w.text("tab\there\\ new\nline\r ß ș 😀 \b\f\u000B");
    w.endRow();
    w.flush();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
        "O1\t\\N\t2026-01-03\t\\N\t123.45\t-0.05\t0.00\t-7\t\\N\tt\n"
            + "tab\\there\\\\ new\\nline\\r ß ș 😀 \\b\\f\\v\n");
    assertThat(parse(out.toByteArray(), 7).get(1)).containsExactly("tab\there\\ new\nline\r ß ș 😀 \b\f\u000B");
  }

  @Test
  void daysAreWrittenAsLocalDateWritesThem() throws Exception {
    // Written as digits: every day from year 1 to 9999 and a few outside, as LocalDate.toString has them.
    int from = (int) java.time.LocalDate.of(1, 1, 1).toEpochDay() - 400;
    int to = (int) java.time.LocalDate.of(9999, 12, 31).toEpochDay() + 400;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CopyWriter w = new CopyWriter(out::write);
    StringBuilder expected = new StringBuilder();
    for (int day = from; day <= to; day += 7) {
      w.day(day);
      w.endRow();
      expected.append(java.time.LocalDate.ofEpochDay(day)).append('\n');
    }
    w.flush();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(expected.toString());
  }

  @Test
  void randomTextRoundTrips() throws Exception {
    Random random = new Random(19);
    String alphabet = "aZ09 ,\"'\\\t\n\r\b\f\u000B.:-_ăîșțĂÎȘȚąćęłńóśźżŁ€😀中";
    int[] cps = alphabet.codePoints().toArray();
    for (int round = 0; round < 200; round++) {
      List<String> row = new ArrayList<>();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      CopyWriter w = new CopyWriter(out::write);
      for (int f = 0; f < 1 + random.nextInt(5); f++) {
        StringBuilder sb = new StringBuilder();
        for (int k = random.nextInt(12); k > 0; k--) sb.appendCodePoint(cps[random.nextInt(cps.length)]);
        String value = random.nextInt(6) == 0 ? null : sb.toString();
        row.add(value);
        w.text(value);
      }
      w.endRow();
      w.flush();
      assertThat(parse(out.toByteArray(), 1 + random.nextInt(9))).containsExactly(row);
    }
  }
}
