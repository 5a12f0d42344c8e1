package org.downline.web;

import org.downline.app.strategy.StrategyImports;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.downline.core.Progress;
import org.downline.store.Database;
import org.downline.app.network.ImportFile;
import org.downline.store.StrategyStore;
import org.downline.store.TacticStore;
import org.downline.web.security.Account;
import org.downline.web.security.UserStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The strategy board in headless Chromium, on a company of its own: 30 customers came with the
 * educational series EDU and each bought again 30 days later; 30 came with the discount blast BLAST
 * and never again; POST (one distributor's sale) serves no objective. Objective "loyal": repeat rate
 * within 90 days. Window 2025-01-01 .. 2025-12-31. Screenshots: target/screenshots/3x-strategy*.png.
 */
@SpringBootTest(classes = WebApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StrategyBrowserTest extends BrowserTestSupport {
  static final String URL = "jdbc:h2:mem:strategybrowser;DB_CLOSE_DELAY=-1";
  static Database db;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(WebApp.DB_URL, () -> {
      synchronized (StrategyBrowserTest.class) {
        if (db == null) {
          db = Database.open(URL);
          load(db);
        }
      }
      return URL;
    });
  }

  static void load(Database db) {
    try {
      Path dir = Files.createTempDirectory("strategy-web");
      StringBuilder members = new StringBuilder("id,sponsor_id,kind,join_date\nD0,,distributor,2024-01-01\n");
      StringBuilder orders = new StringBuilder("id,member_id,date,pv,cv,return_of,total,campaign\n");
      for (int k = 0; k < 30; k++) {
        members.append("E").append(k).append(",D0,customer,2024-12-01\nB").append(k).append(",D0,customer,2024-12-01\n");
        orders.append("e").append(k).append(",E").append(k).append(",2025-01-05,20,20,,20.00,EDU\n");
        orders.append("f").append(k).append(",E").append(k).append(",2025-02-04,20,20,,20.00,\n");
        orders.append("b").append(k).append(",B").append(k).append(",2025-01-06,20,20,,20.00,BLAST\n");
      }
      orders.append("p1,D0,2025-03-01,50,50,,50.00,POST\n");
      ImportFile importer = new ImportFile(db, Progress.NONE);
      importer.importMembers(Files.writeString(dir.resolve("members.csv"), members));
      importer.importOrders(Files.writeString(dir.resolve("orders.csv"), orders));
      importer.importProducts(Files.writeString(dir.resolve("products.csv"), "sku,name,price,pv,cv\nSERUM,Serum,20,20,20\n"));
      StrategyStore strategy = new StrategyStore(db);
      strategy.saveStatement("Educate customers about the problems they have and help them solve them.");
      new StrategyImports(db).objectives(Files.writeString(dir.resolve("objectives.csv"),
          "code,name,measure,days,target,by\nloyal,Customers always come back,repeat-rate,90,60.00,2026-06-30\n"),
          Progress.NONE);
      TacticStore tactics = new TacticStore(db);
      new StrategyImports(db).tactics(Files.writeString(dir.resolve("tactics.csv"), """
          code,name,type,cost,objectives
          EDU,Skin basics series,video,300.00,loyal
          BLAST,48-hour 30% off,discount,600.00,loyal
          POST,Weekend post,social,0,
          """), Progress.NONE);
      new StrategyImports(db).problems(Files.writeString(dir.resolve("problems.csv"),
          "code,name,description,products,tactics\ndry,Dry skin,Skin that feels tight,SERUM,EDU\n"), Progress.NONE);
      new StrategyImports(db).tags(Files.writeString(dir.resolve("tags.csv"), "member_id,problems\nE0,dry\nE1,dry\nB0,dry\n"),
          Progress.NONE);
      new UserStore(db, new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4))
          .add(TestCompany.ADMIN, TestCompany.PASSWORD, Account.Role.ADMIN, null);
      new UserStore(db, new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4))
          .add(TestCompany.BEN, TestCompany.PASSWORD, Account.Role.DISTRIBUTOR, "D0");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @BeforeAll
  static void browser() throws IOException {
    driver = Chromium.start(1400);
  }

  @Test
  void staffReadTheBoardOnADeskAndOnAPhone() throws Exception {
    signIn(TestCompany.ADMIN);
    open("/console/strategy?from=2025-01-01&to=2025-12-31");
    assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
    assertThat(text("#statement")).contains("Educate customers");
    assertThat(text("#objective-loyal h3")).containsIgnoringCase("Customers always come back");
    // Everyone: customers whose first sale is in the 365 days ending 90 days before 2025-12-31: 60,
    // of whom the 30 EDU customers bought again within 90 days: 50.00%.
    assertThat(text("#objective-loyal .current")).isEqualTo("50.00");
    // The trend's cohort needs first sales (2025-01-05/06) 90 days before the month's end: from April.
    assertThat(text("#objective-loyal .trend-table tbody tr:nth-child(3)")).isEqualTo("2025-03 – 60.00");
    assertThat(text("#objective-loyal .trend-table tbody tr:nth-child(4)")).isEqualTo("2025-04 50.00 60.00");
    Object drawn = ((JavascriptExecutor) driver).executeScript("return !!Chart.getChart('chart-loyal');");
    assertThat(drawn).isEqualTo(true);
    // EDU: 30 orders 600.00, 30 new customers, all back: 100.0%, first-touch 30 x 40.00 = 1200.00,
    // 300.00 / 30 = 10.00 each. Its customers 100.00% against the company's 50.00%: toward.
    assertThat(text("#objective-loyal tr[data-tactic='EDU']")).contains("EDU", "30 600.00 30 100.0% 0 1,200.00 10.00",
        "Toward the target", "its customers 100.00, company 50.00 (30 measured)");
    // BLAST: 30 new customers, none back: 0.0%; 600.00 / 30 = 20.00; away.
    assertThat(text("#objective-loyal tr[data-tactic='BLAST']")).contains("30 600.00 30 0.0% 0 600.00 20.00",
        "Away from the target", "its customers 0.00, company 50.00 (30 measured)");
    assertThat(text("#unlinked")).contains("Reacting, not strategic", "POST", "serves no objective");
    assertThat(text("#unlinked")).doesNotContain("BLAST");
    // dry: E0, E1, B0 tagged; EDU reached E0 and E1; nobody has order lines with SERUM.
    assertThat(text("#problems tr[data-problem='dry']")).contains("Dry skin", "3", "SERUM: 0", "EDU: 2");
    shot("3x-strategy");

    driver.manage().window().setSize(new Dimension(390, 1400));
    open("/console/strategy?from=2025-01-01&to=2025-12-31");
    Object sideways = ((JavascriptExecutor) driver).executeScript(
        "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
    assertThat(sideways).as("the page scrolls sideways at 390 px").isEqualTo(false);
    shot("3x-strategy-phone");
    driver.manage().window().setSize(new Dimension(1280, 1400));
    signOut();
  }

  @Test
  void theApiGivesTheSameBoardToStaffAndRefusesADistributor() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> staff = http.send(get(TestCompany.ADMIN), HttpResponse.BodyHandlers.ofString());
    assertThat(staff.statusCode()).isEqualTo(200);
    assertThat(staff.body()).contains("\"statement\":\"Educate customers", "\"code\":\"loyal\"", "\"current\":50.00",
        "\"verdict\":\"toward\"", "\"verdict\":\"away\"", "\"unlinked\":[{\"code\":\"POST\"");
    assertThat(http.send(get(TestCompany.BEN), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
  }

  HttpRequest get(String user) {
    String auth = Base64.getEncoder().encodeToString((user + ":" + TestCompany.PASSWORD).getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create(at("/api/v1/strategy?from=2025-01-01&to=2025-12-31")))
        .header("Authorization", "Basic " + auth).build();
  }
}
