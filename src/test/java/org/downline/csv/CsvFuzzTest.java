package org.downline.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.downline.core.InputErrors;
import org.downline.core.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every reader, fed random bytes and mutations of a good file (truncated, bytes flipped, columns
 * swapped, fields made huge), answers with named input errors or rows, never another exception.
 * Seeded, so a failure names the seed that reproduces it.
 */
class CsvFuzzTest {
  private static final int SEEDS = 300;

  @TempDir Path dir;

  private static final String MEMBERS = """
      id,sponsor_id,kind,join_date,status,status_date,placement_id,position,name,email,phone,country,locale
      D1,,distributor,2026-01-05,active,,,,Ana,ana@example.com,+40 1,RO,ro-RO
      D2,D1,distributor,2026-02-01,cancelled,2026-05-01,D1,left,"Bo, Jr",,,,
      C1,D2,preferred_customer,2026-02-03,active,,,,,,,,
      """;
  private static final String ORDERS = """
      id,member_id,date,pv,cv,return_of,total,kind,campaign,currency
      O1,D1,2026-02-01,100.00,80.00,,120.00,sale,IG-1,EUR
      O2,C1,2026-02-05,30,25,,40,autoship,,EUR
      O3,C1,2026-02-06,-30,-25,O2,-40,return,,EUR
      """;
  private static final String PRODUCTS = """
      sku,name,price,pv,cv,kit,category
      P1,"Shake, vanilla",40.00,30,25,false,nutrition
      K1,Kit,49,25,10,true,kit
      """;
  private static final String LINES = """
      order_id,line_no,sku,quantity,unit_price,pv,cv
      O1,1,P1,3,40.00,90,75
      """;
  private static final String AUTOSHIPS = """
      id,member_id,items,interval_months,start_date,next_date,status,status_date
      A1,C1,P1:2;K1:1,1,2026-02-05,2026-03-05,active,
      """;
  private static final String CAMPAIGNS = """
      code,name,channel
      IG-1,Reels,social
      """;

  interface Reader {
    void read(Path file, CsvInput.Rules rules, InputErrors errors);
  }

  private static final List<Reader> READERS = List.of(
      (f, r, e) -> MemberCsv.read(f, r, e, Progress.NONE),
      (f, r, e) -> OrderCsv.read(f, r, e, Progress.NONE, row -> {}),
      (f, r, e) -> ProductCsv.read(f, r, e, Progress.NONE),
      (f, r, e) -> OrderLineCsv.read(f, r, e, Progress.NONE, row -> {}),
      (f, r, e) -> AutoshipCsv.read(f, r, e, Progress.NONE),
      (f, r, e) -> CampaignCsv.read(f, r, e, Progress.NONE));
  private static final List<String> GOOD = List.of(MEMBERS, ORDERS, PRODUCTS, LINES, AUTOSHIPS, CAMPAIGNS);

  @Test
  void theGoodFilesReadWithoutErrors() throws Exception {
    // The mutations below start from these: they must be good, or the fuzzing proves little.
    for (int i = 0; i < READERS.size(); i++) {
      InputErrors errors = new InputErrors();
      READERS.get(i).read(Files.writeString(dir.resolve("good" + i + ".csv"), GOOD.get(i)), CsvInput.Rules.STORE, errors);
      assertThat(errors.kept()).as("file %d", i).isEmpty();
    }
  }

  @Test
  void mutatedFilesAnswerWithNamedErrorsOnly() throws Exception {
    int refused = 0;
    for (long seed = 1; seed <= SEEDS; seed++) {
      Random random = new Random(seed);
      int which = random.nextInt(READERS.size());
      byte[] bytes = mutate(GOOD.get(which).getBytes(StandardCharsets.UTF_8), random);
      Path file = Files.write(dir.resolve("fuzz.csv"), bytes);
      for (CsvInput.Rules rules : CsvInput.Rules.values()) {
        InputErrors errors = new InputErrors();
        try {
          READERS.get(which).read(file, rules, errors);
        } catch (RuntimeException e) {
          throw new AssertionError("seed " + seed + " (reader " + which + ", " + rules + "): " + e, e);
        }
        long s = seed;
        errors.kept().forEach(err -> assertThat(err.file()).as("seed %d", s).isEqualTo("fuzz.csv"));
        if (!errors.isEmpty()) refused++;
      }
    }
    // Most mutations break something; a fuzzer whose inputs all pass would be testing nothing.
    assertThat(refused).isGreaterThan(SEEDS / 2);
  }

  private static byte[] mutate(byte[] good, Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> { // random bytes
        byte[] b = new byte[random.nextInt(400)];
        random.nextBytes(b);
        yield b;
      }
      case 1 -> java.util.Arrays.copyOf(good, random.nextInt(good.length + 1)); // truncated anywhere
      case 2 -> { // a few bytes flipped
        byte[] b = good.clone();
        for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) b[random.nextInt(b.length)] = (byte) random.nextInt(256);
        yield b;
      }
      case 3 -> swapColumns(new String(good, StandardCharsets.UTF_8), random).getBytes(StandardCharsets.UTF_8);
      case 4 -> { // one field made huge
        String s = new String(good, StandardCharsets.UTF_8);
        int at = s.indexOf(',', s.indexOf('\n') + 1);
        yield (s.substring(0, at + 1) + "Z".repeat(100_000 + random.nextInt(1000)) + s.substring(at + 1))
            .getBytes(StandardCharsets.UTF_8);
      }
      default -> { // stray quotes and commas
        StringBuilder s = new StringBuilder(new String(good, StandardCharsets.UTF_8));
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) s.insert(random.nextInt(s.length()), random.nextBoolean() ? '"' : ',');
        yield s.toString().getBytes(StandardCharsets.UTF_8);
      }
    };
  }

  /** Swaps two columns' values in the data rows, not in the header: the values land in the wrong columns. */
  private static String swapColumns(String csv, Random random) {
    String[] rows = csv.split("\n");
    int columns = rows[0].split(",", -1).length;
    int a = random.nextInt(columns);
    int b = random.nextInt(columns);
    List<String> out = new ArrayList<>(List.of(rows[0]));
    for (int r = 1; r < rows.length; r++) {
      String[] f = rows[r].split(",", -1);
      if (a < f.length && b < f.length) {
        String t = f[a];
        f[a] = f[b];
        f[b] = t;
      }
      out.add(String.join(",", f));
    }
    return String.join("\n", out) + "\n";
  }
}
