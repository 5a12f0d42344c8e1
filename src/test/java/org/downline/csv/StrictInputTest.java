package org.downline.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.downline.core.InputError;
import org.downline.core.InputErrors;
import org.downline.core.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a file can be malformed is a named error (file, line, column, reason) and never quotes the value. */
class StrictInputTest {
  @TempDir Path dir;

  private List<String> errors(String text, CsvInput.Rules rules) throws Exception {
    return errors(text.getBytes(StandardCharsets.UTF_8), rules);
  }

  private List<String> errors(byte[] bytes, CsvInput.Rules rules) throws Exception {
    Path file = Files.write(dir.resolve("members.csv"), bytes);
    InputErrors errors = new InputErrors();
    MemberCsv.read(file, rules, errors, Progress.NONE);
    return errors.kept().stream().map(InputError::toString).toList();
  }

  @Test
  void anUnterminatedQuoteIsNamedWhereItOpened() throws Exception {
    // Without the check the parser would take lines 3 to 5 as one name and import one row.
    List<String> e = errors("""
        id,sponsor_id,kind,join_date,name
        D1,,distributor,2026-01-05,Ana
        D2,D1,distributor,2026-01-06,"Bo
        D3,D1,distributor,2026-01-07,Cy
        D4,D1,distributor,2026-01-08,Di
        """, CsvInput.Rules.FILE);
    assertThat(e).anySatisfy(s -> assertThat(s).isEqualTo(
        "members.csv:3: a quote opened on line 3 is never closed (an unterminated quote)"));
  }

  @Test
  void anUnterminatedQuoteOnTheLastLineIsCaughtToo() throws Exception {
    assertThat(errors("id,sponsor_id,kind,join_date,name\nD1,,distributor,2026-01-05,\"Ana", CsvInput.Rules.FILE))
        .containsExactly("members.csv:2: a quote opened on line 2 is never closed (an unterminated quote)");
  }

  @Test
  void rowsWithTooManyOrTooFewFieldsAreNamed() throws Exception {
    assertThat(errors("""
        id,sponsor_id,kind,join_date
        D1,,distributor,2026-01-05,extra
        D2,D1,distributor
        D3,D1,distributor,2026-01-07
        """, CsvInput.Rules.FILE)).containsExactly(
        "members.csv:2: has 5 fields; the header has 4",
        "members.csv:3: has 3 fields; the header has 4");
  }

  @Test
  void latin1TextIsRefusedWithTheLineAndTheByteOffset() throws Exception {
    // "Müller" in Latin-1: ü is the single byte 0xFC. The header is 33 bytes + LF = 34, then
    // "D1,,distributor,2026-01-05,M" is 28 bytes, so the bad byte is at offset 34 + 28 = 62, on line 2.
    byte[] head = "id,sponsor_id,kind,join_date,name\nD1,,distributor,2026-01-05,M".getBytes(StandardCharsets.US_ASCII);
    byte[] tail = "ller\n".getBytes(StandardCharsets.US_ASCII);
    byte[] bytes = new byte[head.length + 1 + tail.length];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0xFC;
    System.arraycopy(tail, 0, bytes, head.length + 1, tail.length);
    assertThat(head.length).isEqualTo(62);
    assertThat(errors(bytes, CsvInput.Rules.FILE)).containsExactly("members.csv:2: the file is not valid UTF-8 at byte offset 62"
        + " (expected UTF-8; convert a Latin-1 or Windows-1252 file to UTF-8 first)");
  }

  @Test
  void overlongAndSurrogateEncodingsAreNotUtf8() throws Exception {
    // C0 AF is an overlong '/', ED A0 80 a UTF-16 surrogate: neither is well-formed UTF-8.
    for (byte[] bad : List.of(new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})) {
      byte[] head = "id,sponsor_id,kind,join_date\nD".getBytes(StandardCharsets.US_ASCII);
      byte[] bytes = new byte[head.length + bad.length + 1];
      System.arraycopy(head, 0, bytes, 0, head.length);
      System.arraycopy(bad, 0, bytes, head.length, bad.length);
      bytes[bytes.length - 1] = '\n';
      assertThat(errors(bytes, CsvInput.Rules.FILE)).singleElement().asString().contains("not valid UTF-8");
    }
  }

  @Test
  void accentedUtf8TextIsFine() throws Exception {
    assertThat(errors("id,sponsor_id,kind,join_date,name\nZ1,,distributor,2026-01-05,Łucja Ștefănescu Zoë\n",
        CsvInput.Rules.STORE)).isEmpty();
  }

  @Test
  void controlCharactersAreRefusedInAnyFieldWithoutQuotingIt() throws Exception {
    List<String> e = errors("id,sponsor_id,kind,join_date,name,email\n"
        + "D1,,distributor,2026-01-05,Ana\u0000Secret,ana@example.com\n"
        + "D\u00072,,distributor,2026-01-05,Bo,bo@example.com\n"
        + "D3,,distributor,2026-01-05,\"Cy\nDee\",cy@example.com\n", CsvInput.Rules.FILE);
    assertThat(e).containsExactly(
        "members.csv:2: column name: contains a NUL character (U+0000) at character 4; control characters are not allowed",
        "members.csv:3: column id: contains a control character (U+0007) at character 2; control characters are not allowed",
        "members.csv:4: column name: contains a line break (U+000A) at character 3; control characters are not allowed");
    assertThat(String.join("\n", e)).doesNotContain("Secret").doesNotContain("Dee");
  }

  @Test
  void storedIdsKeepToTheirCharacterSetAndLength() throws Exception {
    String longId = "X".repeat(100_000);
    List<String> e = errors("id,sponsor_id,kind,join_date\n"
        + "A B,,distributor,2026-01-05\n"
        + longId + ",,distributor,2026-01-05\n"
        + "-x,,distributor,2026-01-05\n"
        + "ok-1_a.b:c,,distributor,2026-01-05\n", CsvInput.Rules.STORE);
    assertThat(e).containsExactly(
        "members.csv:2: column id: holds a character outside the id set at character 2 (ids use A-Z, a-z, 0-9 and - _ . :)",
        "members.csv:3: column id: is 100000 characters long; an id has at most 64",
        "members.csv:4: column id: must start with a letter or a digit (ids use A-Z, a-z, 0-9 and - _ . :)");
  }

  @Test
  void fileModeTakesAnyIdTheSpecAllows() throws Exception {
    // File mode models plans over any company's files: the spec asks only for non-empty, unique ids.
    assertThat(errors("id,sponsor_id,kind,join_date\n\"A,\"\"1\"\"\",,distributor,2026-01-05\n", CsvInput.Rules.FILE))
        .isEmpty();
  }

  @Test
  void storedTextKeepsToItsColumnLengthAndCurrenciesToIso4217() throws Exception {
    String name = "N".repeat(300);
    List<String> e = errors("id,sponsor_id,kind,join_date,name,email\n"
        + "D1,,distributor,2026-01-05," + name + ",ana@example.com\n", CsvInput.Rules.STORE);
    assertThat(e).containsExactly("members.csv:2: column name: is 300 characters long; at most 200 are allowed");
    assertThat(Fields.refusal("currency", "XYZ123").english()).startsWith("is not an ISO 4217 currency code");
    assertThat(Fields.refusal("currency", "XYZ").english()).startsWith("is not an ISO 4217 currency code");
    assertThat(Fields.refusal("currency", "RON")).isNull();
    assertThat(Fields.refusal("currency", "PLN")).isNull();
  }

  @Test
  void formulaCellsAreDefusedAndReadBackAsTheyWere() {
    // The leading characters a spreadsheet runs: = + - @ tab CR. One apostrophe is added; reading takes it off.
    List<String> risky = List.of("=HYPERLINK(\"http://x\",\"y\")", "@SUM(A1:A9)", "+cmd|' /C calc'!A0", "-2+3", "\tx");
    for (String s : risky) {
      assertThat(Fields.toCell(s)).isEqualTo("'" + s);
      assertThat(Fields.fromCell(Fields.toCell(s))).isEqualTo(s);
    }
    // Text that is already an apostrophe before a formula keeps its apostrophe through the round trip.
    assertThat(Fields.toCell("'=x")).isEqualTo("''=x");
    assertThat(Fields.fromCell("''=x")).isEqualTo("'=x");
    // Plain text, and an apostrophe before ordinary text, are untouched either way.
    for (String s : List.of("Ana", "'Tis the season", "'", "O'Brien", "100.00")) {
      assertThat(Fields.toCell(s)).isEqualTo(s);
      assertThat(Fields.fromCell(s)).isEqualTo(s);
    }
  }
}
