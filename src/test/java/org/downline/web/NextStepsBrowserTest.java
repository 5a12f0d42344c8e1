package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.downline.store.Database;
import org.downline.web.security.Account;
import org.downline.web.security.UserStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The next-steps pages in headless Chromium, as {@link BrowserTest} does for the rest: staff open
 * the report, change the as-of date, issue recommendations, read the conversion, drill into a
 * segment and look up a distributor's health; distributors see their team's and their own next
 * step. Figures are {@link NextStepsPagesTest}'s, worked by hand there. Screenshots:
 * target/screenshots/2x-*.png. A database of its own, with a login "gus" for G (no first sale,
 * sponsored nobody, not held out).
 */
@SpringBootTest(classes = WebApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NextStepsBrowserTest extends BrowserTestSupport {
  static final String URL = "jdbc:h2:mem:nextstepsbrowser;DB_CLOSE_DELAY=-1";
  static Database db;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(WebApp.DB_URL, () -> {
      synchronized (NextStepsBrowserTest.class) {
        if (db == null) {
          db = Database.open(URL);
          TestCompany.load(db);
          new UserStore(db, new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4))
              .add("gus", TestCompany.PASSWORD, Account.Role.DISTRIBUTOR, "G");
        }
      }
      return URL;
    });
  }

  @BeforeAll
  static void browser() throws IOException {
    driver = Chromium.start(900);
  }

  void show(String css) {
    WebElement e = driver.findElement(By.cssSelector(css));
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'});", e);
  }

  void asOf(String day) {
    // The date input's typing order depends on the browser's locale; its value is always YYYY-MM-DD.
    ((JavascriptExecutor) driver).executeScript("document.getElementById('as-of-picker').value = arguments[0];", day);
    driver.findElement(By.id("show-as-of")).click();
    waiting().until(ExpectedConditions.textToBe(By.id("as-of"), day));
  }

  @Test
  @Order(1)
  void staffReadTheReportIssueRecommendationsAndDrillIntoASegment() throws Exception {
    signIn(TestCompany.ADMIN);
    driver.findElement(By.linkText("Next steps")).click();
    // The default as-of date is the latest order's day.
    assertThat(text("#as-of")).isEqualTo("2026-02-20");
    assertThat(text("#frequency tr[data-segment='customers/1']")).isEqualTo("customers 1 2 2 48.00 24.00 A second order");
    assertThat(text("#frequency tr[data-segment='distributors/2-3']")).contains("2 4 280.00 70.00");
    Object drawn = ((JavascriptExecutor) driver).executeScript(
        "return typeof Chart !== 'undefined' && !!Chart.getChart('chart-members') && !!Chart.getChart('chart-revenue');");
    assertThat(drawn).isEqualTo(true);
    assertThat(text("#issue-days")).contains("No next steps issued");
    shot("20-next-steps-report");

    // Issue as of 2026-02-05: 9 steps, D and I held out of their 2 each.
    asOf("2026-02-05");
    driver.findElement(By.id("issue")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("issued")));
    assertThat(text("#issued")).startsWith("Issued 9 next steps as of 2026-02-05 (4 held out");
    shot("21-next-steps-issued");

    // Back to the 20th: who took the step since the 5th, against the holdout.
    asOf("2026-02-20");
    assertThat(text("#issue-days")).contains("2026-02-05 (9)");
    assertThat(text("#conversion tr[data-segment='no-first-sale']")).isEqualTo(
        "no-first-sale first-sale 3 1 2 0 33.33 % 0.00 % 33.33 pts –");
    assertThat(text("#conversion tr[data-segment='sponsored-nobody']")).contains("100.00 % 0.00 % 100.00 pts");
    assertThat(text("#impact-distributors-change")).isEqualTo("32.00");
    assertThat(text("#impact-distributors-thumb")).isEqualTo("58.00");
    show("#conversion");
    shot("22-next-steps-conversion-impact");

    // Network health: the company, then one distributor.
    driver.findElement(By.id("health-member")).sendKeys("A");
    driver.findElement(By.id("show-health")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("member-health-row")));
    assertThat(text("#health-duplication")).isEqualTo("40.00 %");
    assertThat(text("#member-health-row")).isEqualTo("A 2 2 2 210.00 100.00 % 100.00 % – –");
    show("#company-health");
    shot("23-next-steps-health");

    // Drill into a distributor segment.
    show("#distributor-segments");
    driver.findElement(By.cssSelector("tr[data-segment='no-first-sale'] a")).click();
    waiting().until(ExpectedConditions.textToBe(By.id("segment"), "no-first-sale"));
    assertThat(text("#segment-count")).isEqualTo("5 members");
    assertThat(text("tr[data-member='C']")).contains("no sale by a customer of theirs since joining on 2026-01-10",
        "Make a first sale", "Conversation starters");
    assertThat(text("tr[data-member='D'] .step")).isEqualTo("held out (no recommendation)");
    shot("24-next-steps-segment");
    signOut();
  }

  @Test
  @Order(2)
  void distributorsSeeTheirTeamsAndTheirOwnNextSteps() throws Exception {
    signIn(TestCompany.BEN);
    // The month page loads my next step beside the rank tile.
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("my-next-step-tile")));
    assertThat(text("#my-next-step-tile")).containsIgnoringCase("My next step").contains("distributors/2-3: 2 orders, revenue 90.00");
    shot("25-office-month-next-step");
    driver.findElement(By.linkText("Next steps")).click();
    assertThat(text("#next-steps-customers tr[data-member='E']")).contains("customers/1", "A second order");
    assertThat(text("#next-steps-team")).contains("D", "no-first-sale", "sponsored-nobody").doesNotContain("Make a first sale");
    assertThat(driver.findElements(By.cssSelector("tr[data-member='H'], tr[data-member='J'], tr[data-member='C']"))).isEmpty();
    shot("26-office-team-next-steps");
    signOut();

    signIn("gus");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("my-next-step-tile")));
    assertThat(text("#my-next-step-tile")).contains("Make a first sale", "Sponsor a first distributor",
        "no distributor sponsored since joining on 2026-02-10");
    shot("27-office-own-next-step");
    signOut();
  }
}
