package org.downline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Refusals exit 2 with their message; anything else exits 1 with "internal error, see the log (error
 * id ...)" on stderr and the stack trace, under the same id, in data/logs/downline.log as the
 * shipped logback.xml configures it (here moved by -Ddownline.log.dir to a temporary directory).
 */
class ExitStatusTest {
  @TempDir Path dir;

  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    @Override
    public Integer call() {
      Object nothing = null;
      return nothing.hashCode(); // a bug: NullPointerException
    }
  }

  @Test
  void aRefusalExitsTwoWithItsMessage() {
    Cli refused = Cli.run("commissions", "explain", "--period", "2026-13", "--member", "A", "--db",
        "jdbc:h2:mem:exit_" + System.nanoTime());
    assertThat(refused.status()).isEqualTo(2);
    assertThat(refused.err()).isEqualTo("error: '2026-13' is not a period of the form YYYY-MM" + System.lineSeparator());
  }

  @Test
  void aBugExitsOneWithAnErrorIdAndTheTraceGoesToTheLogFile() throws Exception {
    LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
    System.setProperty("downline.log.dir", dir.toString());
    configure(logging, "/logback.xml");
    StringWriter err = new StringWriter();
    int status;
    try {
      CommandLine cl = Downline.commandLine().addSubcommand("boom", new Boom());
      cl.setErr(new PrintWriter(err, true));
      status = cl.execute("boom");
    } finally {
      System.clearProperty("downline.log.dir");
      configure(logging, "/logback-test.xml");
    }
    assertThat(status).isEqualTo(1);
    String id = err.toString().replaceAll("(?s)^internal error, see the log \\(error id ([a-z2-9]{12})\\)\\R$", "$1");
    assertThat(id).as(err.toString()).matches("[a-z2-9]{12}");
    String log = Files.readString(dir.resolve("downline.log"));
    assertThat(log).contains("error id " + id + ": downline boom failed")
        .contains("java.lang.NullPointerException").contains("ExitStatusTest$Boom.call");
  }

  private static void configure(LoggerContext logging, String resource) throws Exception {
    logging.reset();
    JoranConfigurator config = new JoranConfigurator();
    config.setContext(logging);
    config.doConfigure(ExitStatusTest.class.getResource(resource));
  }
}
