package org.downline.store;

import org.downline.app.strategy.StrategyImports;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.downline.core.Decimals;
import org.downline.core.InvalidInputException;
import org.downline.core.Periods;
import org.downline.core.Progress;
import org.downline.csv.TacticCsv;
import org.downline.strategy.Tactic;
import org.junit.jupiter.api.io.TempDir;

/** Tactics on the campaign table: import, refusals that write nothing, partial columns, export. */
class TacticStoreTest {
  @TempDir Path dir;

  private Path file(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }

  @BothDatabases
  void importsEveryColumnIgnoresUnknownOnesAndReadsThemBack(Database db) throws Exception {
    TacticStore store = new TacticStore(db);
    ImportResult r = new StrategyImports(db).tactics(file("tactics.csv", """
        code,name,type,channel,start,end,cost,owner,colour
        VID-1,Skin basics,video,youtube,2025-01-01,2025-03-31,1200.50,Ana,blue
        AD-1,Spring ad,print-ad,,,,0,,red
        """), Progress.NONE);
    assertThat(r.inserted()).isEqualTo(2);
    List<Tactic> all = store.load();
    assertThat(all).extracting(Tactic::code).containsExactly("AD-1", "VID-1");
    Tactic v = all.get(1);
    assertThat(v.name()).isEqualTo("Skin basics");
    assertThat(v.type()).isEqualTo("video");
    assertThat(v.channel()).isEqualTo("youtube");
    assertThat(v.start()).isEqualTo(Periods.parseDay("2025-01-01"));
    assertThat(v.end()).isEqualTo(Periods.parseDay("2025-03-31"));
    assertThat(v.cost()).isEqualTo(Decimals.parseCents("1200.50"));
    assertThat(v.owner()).isEqualTo("Ana");
    assertThat(all.get(0).start()).isEqualTo(Tactic.NO_DAY);
  }

  @BothDatabases
  void badRowsAreNamedAndNothingIsWritten(Database db) throws Exception {
    TacticStore store = new TacticStore(db);
    Path bad = file("bad.csv", """
        code,name,type,start,cost,objectives
        OK-1,Fine,web,2025-01-01,1.00,
        T-2,Unknown type,telepathy,,1.00,
        T-3,Bad date,web,2025-13-01,1.00,
        T-4,Unknown objective,web,,1.00,loyalty
        """);
    assertThatThrownBy(() -> new StrategyImports(db).tactics(bad, Progress.NONE))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("bad.csv:3: column type: unknown tactic type 'telepathy'")
        .hasMessageContaining("bad.csv:4: column start:")
        .hasMessageContaining("bad.csv:5: column objectives: unknown objective 'loyalty'");
    assertThat(store.load()).isEmpty();
  }

  @BothDatabases
  void columnsTheFileLacksKeepWhatIsStoredAndImportCampaignsStillWorks(Database db) throws Exception {
    TacticStore store = new TacticStore(db);
    new StrategyImports(db).tactics(file("t.csv", "code,name,type,cost\nEXPO,Spring expo,event,500.00\n"), Progress.NONE);
    // A campaigns file (code, name, channel) through the old command changes name and channel only.
    new org.downline.app.network.ImportFile(db, Progress.NONE).importCampaigns(file("campaigns.csv", "code,name,channel\nEXPO,Expo 2025,event\n"));
    // A tactics file with only code and cost changes the cost only.
    ImportResult r = new StrategyImports(db).tactics(file("cost.csv", "code,cost\nEXPO,650.00\n"), Progress.NONE);
    assertThat(r.updated()).isEqualTo(1);
    Tactic t = store.load().get(0);
    assertThat(t.name()).isEqualTo("Expo 2025");
    assertThat(t.channel()).isEqualTo("event");
    assertThat(t.type()).isEqualTo("event");
    assertThat(t.cost()).isEqualTo(65_000);
  }

  @BothDatabases
  void exportedTacticsImportBackUnchanged(Database db) throws Exception {
    TacticStore store = new TacticStore(db);
    store.saveType(new TacticStore.TacticType("podcast", "Podcast", true));
    new StrategyImports(db).tactics(file("t.csv", """
        code,name,type,start,end,cost,owner
        POD-1,"Episode 1, skin",podcast,2025-02-01,,10.00,Ion
        SMS-1,Flash,discount,,,0.00,
        """), Progress.NONE);
    Path out = dir.resolve("out.csv");
    TacticCsv.write(out, store.load());
    assertThat(Files.readString(out)).isEqualTo("""
        code,name,type,channel,start,end,cost,owner,objectives,problems
        POD-1,"Episode 1, skin",podcast,,2025-02-01,,10.00,Ion,,
        SMS-1,Flash,discount,,,,0.00,,,
        """);
    ImportResult again = new StrategyImports(db).tactics(out, Progress.NONE);
    assertThat(again.unchanged()).isEqualTo(2);
    assertThat(store.types()).extracting(TacticStore.TacticType::code).contains("podcast", "video", "discount");
  }
}
