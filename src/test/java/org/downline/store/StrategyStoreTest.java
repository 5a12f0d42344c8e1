package org.downline.store;

import org.downline.app.strategy.StrategyImports;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.downline.app.network.ImportFile;
import org.downline.app.strategy.StrategyBoard;
import org.downline.core.InvalidInputException;
import org.downline.core.NotFoundException;
import org.downline.core.Periods;
import org.downline.core.Progress;
import org.downline.strategy.Measure;
import org.junit.jupiter.api.io.TempDir;

/** Objectives, problems and tags stored and refused; the board on stored data. */
class StrategyStoreTest {
  @TempDir Path dir;

  private Path file(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }

  private void company(Database db) throws Exception {
    ImportFile importer = new ImportFile(db, Progress.NONE);
    importer.importProducts(file("products.csv", """
        sku,name,price,pv,cv
        SERUM,Serum,30.00,20,20
        CREAM,Cream,10.00,5,5
        """));
    importer.importMembers(file("members.csv", """
        id,sponsor_id,kind,join_date
        D1,,distributor,2024-01-01
        C1,D1,customer,2025-01-01
        C2,D1,customer,2025-01-01
        C3,D1,customer,2025-01-01
        """));
    importer.importOrders(file("orders.csv", """
        id,member_id,date,pv,cv,return_of,total,campaign
        o1,C1,2025-02-01,20,20,,30.00,VID
        o2,C2,2025-02-02,5,5,,10.00,
        o3,C3,2025-02-03,20,20,,30.00,AD
        """));
    importer.importOrderLines(file("lines.csv", """
        order_id,line_no,sku,quantity,unit_price,pv,cv
        o1,1,SERUM,1,30.00,20,20
        o2,1,CREAM,1,10.00,5,5
        o3,1,SERUM,1,30.00,20,20
        """));
    new StrategyImports(db).tactics(file("tactics.csv", "code,name,type,cost\nVID,Skin video,video,0\nAD,Print ad,print-ad,0\n"),
        Progress.NONE);
  }

  @BothDatabases
  void objectivesProblemsAndTagsWithTheirRefusals(Database db) throws Exception {
    company(db);
    StrategyStore s = new StrategyStore(db);
    assertThatThrownBy(() -> new StrategyImports(db).objectives(file("bad.csv", """
        code,name,measure,target,by
        loyal,Loyalty,repeat-rate,40.00,2026-12-31
        fame,Fame,applause,1,2026-12-31
        """), Progress.NONE)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("bad.csv:3: column measure: unknown measure 'applause'");
    assertThat(s.objectives()).isEmpty();
    new StrategyImports(db).objectives(file("objectives.csv", """
        code,name,measure,days,target,by
        loyal,Customers come back,repeat-rate,60,40.00,2026-12-31
        respect,Respected,manual,,8.00,2026-12-31
        """), Progress.NONE);
    assertThat(s.objectives()).extracting(o -> o.code() + ":" + o.measure().code() + ":" + o.days() + ":" + o.target())
        .containsExactly("loyal:repeat-rate:60:4000", "respect:manual:90:800");

    assertThatThrownBy(() -> new StrategyImports(db).problems(file("p.csv", "code,name,products,tactics\ndry,Dry skin,SERUM;SOAP,VID;TV\n"),
        Progress.NONE)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("p.csv:2: column products: unknown product 'SOAP'")
        .hasMessageContaining("p.csv:2: column tactics: unknown tactic 'TV'");
    new StrategyImports(db).problems(file("problems.csv", "code,name,products,tactics\ndry,Dry skin,SERUM,VID\n"), Progress.NONE);
    assertThatThrownBy(() -> new StrategyImports(db).tags(file("t.csv", "member_id,problems\nC9,dry\n"), Progress.NONE))
        .hasMessageContaining("t.csv:2: column member_id: unknown member 'C9'");
    new StrategyImports(db).tags(file("tags.csv", "member_id,problems\nC1,dry\nC2,dry\nC3,dry\n"), Progress.NONE);
    // dry: 3 tagged; SERUM bought by C1 and C3 (C2 bought CREAM); VID reached C1 only (o1).
    StrategyStore.ProblemFigures f = s.problemFigures().get("dry");
    assertThat(f.members()).isEqualTo(3);
    assertThat(f.buyersByProduct()).isEqualTo(Map.of("SERUM", 2L));
    assertThat(f.reachedByTactic()).isEqualTo(Map.of("VID", 1L));
    assertThat(s.membersWith("dry")).containsExactly("C1", "C2", "C3");
    assertThatThrownBy(() -> s.saveValue("nope", 0, 1)).isInstanceOf(NotFoundException.class);
  }

  @BothDatabases
  void theBoardGroupsTacticsUnderObjectivesAndListsTheUnlinkedApart(Database db) throws Exception {
    company(db);
    StrategyStore s = new StrategyStore(db);
    s.saveStatement("Educate customers about the problems they have and help them solve them.");
    new StrategyImports(db).objectives(file("objectives.csv", "code,name,measure,target,by\nrespect,Respected,manual,8.00,2026-12-31\n"),
        Progress.NONE);
    new StrategyImports(db).tactics(file("link.csv", "code,objectives\nVID,respect\n"), Progress.NONE);
    s.saveValue("respect", Periods.parseDay("2025-03-10"), 650);
    s.saveValue("respect", Periods.parseDay("2025-05-31"), 720);
    CompanyStore store = new CompanyStore(db);
    var network = store.loadNetwork();
    StrategyBoard.Board b = StrategyBoard.build(db, network, store.loadOrders(network), Periods.parseDay("2025-01-01"),
        Periods.parseDay("2025-06-30"));
    assertThat(b.statement()).startsWith("Educate customers");
    assertThat(b.groups()).hasSize(1);
    StrategyBoard.Group g = b.groups().get(0);
    assertThat(g.tactics()).extracting(t -> t.figures().code()).containsExactly("VID");
    assertThat(g.tactics().get(0).verdicts()).extracting(v -> v.kind().code()).containsExactly("no-measurable-effect");
    assertThat(b.unlinked()).extracting(t -> t.figures().code()).containsExactly("AD");
    // Trend: the 12 months July 2024 .. June 2025; a hand-entered value holds from its date on:
    // none before March 2025, 6.50 at the end of March and April, 7.20 from May 31.
    assertThat(g.objective().trend()).hasSize(12);
    assertThat(g.objective().trend().get(0).month()).isEqualTo("2024-07");
    assertThat(g.objective().trend()).extracting(StrategyBoard.Point::value)
        .containsExactly(null, null, null, null, null, null, null, null, 650L, 650L, 720L, 720L);
    assertThat(g.objective().current()).isEqualTo(720L);
    assertThat(g.objective().objective().measure()).isEqualTo(Measure.MANUAL);
  }
}
