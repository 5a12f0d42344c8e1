package org.downline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code downline copy} refuses, with status 2 and nothing written, a target it cannot copy into. */
class CopyCommandRefusalsTest {
  @TempDir Path dir;

  @Test
  void aTargetThatIsNotPostgresqlIsRefused() {
    Cli copy = Cli.run("copy", "--db", "jdbc:h2:file:" + dir.resolve("db"), "--to", "jdbc:h2:file:" + dir.resolve("other"));
    assertThat(copy.status()).isEqualTo(Downline.EXIT_INPUT);
    assertThat(copy.err()).contains("error: the target must be a PostgreSQL database");
    assertThat(dir.resolve("other.mv.db")).doesNotExist();
  }

  @Test
  void aTargetThatCannotBeReachedIsRefused() {
    // Port 1: nothing listens there, so the connection is refused at once.
    Cli copy = Cli.run("copy", "--db", "jdbc:h2:file:" + dir.resolve("db"), "--to", "jdbc:postgresql://127.0.0.1:1/company?user=postgres");
    assertThat(copy.status()).isEqualTo(Downline.EXIT_INPUT);
    assertThat(copy.err()).contains("error: cannot open the target database: ").doesNotContain("internal error");
  }
}
