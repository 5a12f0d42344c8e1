package org.downline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.downline.cli.Downline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code commissions run} and {@code close} from the command line, on an embedded H2 file database. */
class CommissionCommandsTest {
  @TempDir Path dir;

  private record Result(int exit, String out, String err) {}

  private Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Downline.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Result(exit, out.toString(), err.toString());
  }

  @Test
  void runThenCloseThenRefuse() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
    Path members = Files.writeString(dir.resolve("members.csv"), CommissionStoreTest.MEMBERS);
    Path orders = Files.writeString(dir.resolve("orders.csv"), CommissionStoreTest.ORDERS);
    assertThat(run("import", "members", members.toString(), "--db", url).exit()).isZero();
    assertThat(run("import", "orders", orders.toString(), "--db", url).exit()).isZero();

    Result oct = run("commissions", "run", "--period", "2026-10", "--db", url);
    assertThat(oct.exit()).as(oct.err()).isZero();
    // 10 lines; total 5.64 + 100 + 5.64 + 0.56 + 600 + 3.76 + 4.70 + 25 + 4.70 + 100 = 850.00
    assertThat(oct.out()).startsWith("run 1 of 2026-10: 10 lines, total 850.00 (plan demo version 1;");

    Result wrong = run("commissions", "close", "--period", "2026-11", "--run", "1", "--db", url);
    assertThat(wrong.exit()).isEqualTo(2);
    assertThat(wrong.err()).contains("run 1 is of period 2026-10, not 2026-11");

    Result close = run("commissions", "close", "--period", "2026-10", "--run", "1", "--db", url);
    assertThat(close.exit()).as(close.err()).isZero();
    assertThat(close.out()).contains("period 2026-10 closed with run 1 (10 lines, total 850.00)");

    // Explain from the database: C's fast_start 25.00 and unilevel 4.70 (after the cap) on D's oD.
    Result explain = run("commissions", "explain", "--member", "C", "--period", "2026-10", "--db", url);
    assertThat(explain.exit()).as(explain.err()).isZero();
    assertThat(explain.out()).contains("C in 2026-10: rank member, Active").contains("fast_start            25.00  order oD by D, level 1, rate 25%")
        .contains("unilevel               4.70  order oD by D, level 1, rate 5%").contains("scaled by the cap").contains("total 29.70");

    Path late = Files.writeString(dir.resolve("late.csv"), "id,member_id,date,pv,cv,return_of\nlate,C,2026-10-20,50,50,\n");
    Result refused = run("import", "orders", late.toString(), "--db", url);
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).contains("late.csv:2: column date: period 2026-10 is closed");
  }
}
