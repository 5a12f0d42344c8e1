package org.downline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.downline.app.network.ImportFile;
import org.downline.core.Progress;
import org.downline.store.ChangeLog;
import org.downline.store.Database;
import org.downline.store.ModelSnapshot;
import org.downline.web.CompanyData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code downline snapshot} stores the model at the change log's last number, a start reads it; {@code --forget} removes it. */
class SnapshotCommandTest {
  @TempDir Path dir;

  @Test
  void storesTheModelThatAStartReadsAndForgetsIt() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("db");
    try (Database db = Database.open(url)) {
      ImportFile importing = new ImportFile(db, Progress.NONE);
      importing.importMembers(Files.writeString(dir.resolve("m.csv"), "id,sponsor_id,kind,join_date\n"
          + "D1,,distributor,2026-01-05\nC1,D1,customer,2026-02-01\nD2,D1,distributor,2026-02-03\n"));
      importing.importOrders(Files.writeString(dir.resolve("o.csv"), "id,member_id,date,pv,cv,return_of\n"
          + "o1,C1,2026-02-01,100,80,\no2,D2,2026-03-01,50,40,\nr1,C1,2026-03-02,-20,-16,o1\n"));
    }
    assertThat(Cli.run("snapshot", "--db", url).status()).isZero();
    try (Database db = Database.open(url)) {
      ModelSnapshot.Header stored = new ModelSnapshot(db).header();
      assertThat(stored.present()).isTrue();
      assertThat(stored.seq()).isEqualTo(new ChangeLog(db).last()).isPositive();
      assertThat(stored.members()).isEqualTo(3);
      assertThat(stored.orders()).isEqualTo(3);
      CompanyData started = new CompanyData(db, "demo", 3_600_000);
      try {
        assertThat(started.refusedStoredModel()).isNull();
        assertThat(started.current().book().indexOf("r1")).isNotNegative();
        assertThat(started.current().book().id(started.current().book().returnOf()[started.current().book().indexOf("r1")])).isEqualTo("o1");
      } finally {
        started.destroy();
      }
    }
    assertThat(Cli.run("snapshot", "--forget", "--db", url).status()).isZero();
    try (Database db = Database.open(url)) {
      assertThat(new ModelSnapshot(db).header().present()).isFalse();
    }
  }
}
