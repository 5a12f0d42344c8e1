package org.downline.planfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.function.Consumer;
import org.downline.core.InvalidInputException;
import org.downline.playbook.PlaybookFile;
import org.junit.jupiter.api.Test;

/**
 * The plan and playbook loaders, fed mutations of the bundled files (truncated, characters flipped,
 * lines dropped or swapped, huge values, random bytes), answer with a named input error or a plan,
 * never another exception. Seeded, so a failure names the seed that reproduces it.
 */
class LoaderFuzzTest {
  private static final int SEEDS = 400;

  @Test
  void mutatedPlansAnswerWithNamedErrorsOnly() throws IOException {
    for (String plan : PlanFile.BUILT_IN) fuzz(resource("/plans/" + plan + ".yaml"), yaml -> PlanFile.parse("fuzz.yaml", yaml));
  }

  @Test
  void mutatedPlaybooksAnswerWithNamedErrorsOnly() throws IOException {
    fuzz(resource("/org/downline/playbook/" + PlaybookFile.DEFAULT_RESOURCE), yaml -> PlaybookFile.parse("fuzz.yaml", yaml));
  }

  private static void fuzz(String good, Consumer<String> load) {
    load.accept(good); // the starting point loads: the mutations are of a good file
    int refused = 0;
    for (long seed = 1; seed <= SEEDS; seed++) {
      String yaml = mutate(good, new Random(seed));
      try {
        load.accept(yaml);
      } catch (InvalidInputException e) {
        assertThat(e.getMessage()).as("seed %d", seed).startsWith("fuzz.yaml");
        refused++;
      } catch (RuntimeException e) {
        throw new AssertionError("seed " + seed + ": " + e + "\n--- input ---\n" + yaml, e);
      }
    }
    assertThat(refused).isGreaterThan(SEEDS / 4); // the fuzzer must actually break files
  }

  private static String mutate(String good, Random r) {
    String[] lines = good.split("\n", -1);
    return switch (r.nextInt(6)) {
      case 0 -> good.substring(0, r.nextInt(good.length() + 1));
      case 1 -> {
        char[] c = good.toCharArray();
        for (int i = 0, n = 1 + r.nextInt(5); i < n; i++) c[r.nextInt(c.length)] = ":-[]{}#&*!|>'\"%@`0a \t\n".charAt(r.nextInt(22));
        yield new String(c);
      }
      case 2 -> {
        int drop = r.nextInt(lines.length);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.length; i++) if (i != drop) sb.append(lines[i]).append('\n');
        yield sb.toString();
      }
      case 3 -> {
        int a = r.nextInt(lines.length);
        int b = r.nextInt(lines.length);
        String t = lines[a];
        lines[a] = lines[b];
        lines[b] = t;
        yield String.join("\n", lines);
      }
      case 4 -> good.replaceFirst(": [0-9.]+", ": " + "9".repeat(1 + r.nextInt(400)));
      default -> {
        byte[] b = new byte[r.nextInt(300)];
        r.nextBytes(b);
        yield new String(b, StandardCharsets.ISO_8859_1);
      }
    };
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = LoaderFuzzTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
