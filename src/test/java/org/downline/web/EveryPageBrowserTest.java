package org.downline.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every page of the console, the back office and the public pages, as staff and as a distributor,
 * in English, Romanian and Polish, at desktop (1280 x 900) and phone (390 x 844) size: axe-core finds
 * no serious or critical violation, the page does not scroll sideways (its scrollWidth is at most the
 * window's innerWidth), and a screenshot of each in English goes to target/screenshots/every-SIZE-NAME.png. Over
 * {@link TestCompany} in a database of its own (February 2026 run twice, so that a run, a comparison
 * and a distributor's explained pay exist).
 */
@SpringBootTest(classes = WebApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EveryPageBrowserTest extends BrowserTestSupport {
  static final String[][] PUBLIC = {
    {"login", "/login"}, {"login-refused", "/login?error"}, {"activate", "/activate"},
  };
  static final String[][] STAFF = {
    {"console-dashboard", "/console"},
    {"console-members", "/console/members"},
    {"console-member", "/console/members/B"},
    {"console-genealogy", "/console/genealogy"},
    {"console-genealogy-focus", "/console/genealogy?member=B"},
    {"console-next-steps", "/console/next-steps"},
    {"console-segment", "/console/next-steps/segment?segment=customers/1"},
    {"console-commissions", "/console/commissions"},
    {"console-run", "/console/commissions/runs/RUN1"},
    {"console-compare", "/console/commissions/compare?a=RUN1&b=RUN2"},
    {"console-explain", "/console/commissions/explain?member=B&period=2026-02"},
    {"console-holding-tank", "/console/holding-tank"},
    {"console-binary", "/console/binary?member=A"},
    {"console-plan-compare", "/console/plans/compare?a=demo&b=binary&from=2026-01&to=2026-02"},
    {"console-import", "/console/import"},
    {"console-users", "/console/users"},
    {"console-audit", "/console/audit"},
    {"console-snapshot", "/console/snapshot"},
    {"console-not-found", "/console/members/NOBODY"},
  };
  static final String[][] DISTRIBUTOR = {
    {"office-month", "/office"},
    {"office-downline", "/office/downline"},
    {"office-holding-tank", "/office/holding-tank"},
    {"office-binary", "/office/binary"},
    {"office-team", "/office/team"},
    {"office-next-steps", "/office/next-steps"},
    {"office-pay", "/office/pay"},
    {"office-pay-explained", "/office/pay?period=2026-02"},
    {"office-pay-how", "/office/pay/explained?period=2026-02"},
    {"office-statement", "/office/statement?period=2026-02"},
    {"office-other-role", "/console"},
  };
  static final String[] LANGUAGES = {"en", "ro", "pl"};

  static String run1;
  static String run2;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(WebApp.DB_URL, () -> PayTestDatabases.url("everypage"));
  }

  @BeforeAll
  static void browser() throws IOException {
    driver = Chromium.start(900);
  }

  String runPeriod(String period) {
    open("/console/commissions");
    var field = driver.findElement(By.id("run-period"));
    field.clear();
    field.sendKeys(period);
    driver.findElement(By.id("run")).click();
    waiting().until(ExpectedConditions.urlContains("/console/commissions/runs/"));
    return text("#run-id");
  }

  /** Opens each page in each language at both sizes; collects every failure so one run lists them all. */
  void tour(String role, String[][] pages) throws IOException {
    List<String> failures = new ArrayList<>();
    for (String lang : LANGUAGES) {
      for (Dimension d : new Dimension[] {DESKTOP, PHONE}) {
        size(d);
        String sizeName = d == PHONE ? "phone" : "desktop";
        for (String[] page : pages) {
          String path = page[1].replace("RUN1", run1 == null ? "" : run1).replace("RUN2", run2 == null ? "" : run2);
          open(path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
          String where = role + " " + page[0] + " (" + lang + ", " + sizeName + ")";
          // The month page loads the next-step tile with htmx: measure the page once it is there.
          if (page[0].equals("office-month")) {
            waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("my-next-step-tile")));
          }
          // axe in every language at desktop size, and at phone size in English (the layout is the
          // same in every language; the words, lang and contrast are checked at desktop size).
          if (d == DESKTOP || lang.equals("en")) {
            try {
              if (System.getProperty("a11y.report") != null) System.out.println("A11Y " + where + " " + a11yViolations());
              assertNoSeriousA11yViolations(where);
            } catch (AssertionError e) {
              failures.add(e.getMessage());
            }
          }
          try {
            assertNoSidewaysScroll(where);
          } catch (AssertionError e) {
            failures.add(e.getMessage());
          }
          if (lang.equals("en")) shot("every-" + sizeName + "-" + page[0]);
        }
      }
    }
    size(DESKTOP);
    if (!failures.isEmpty()) throw new AssertionError(failures.size() + " failure(s):\n" + String.join("\n\n", failures));
  }

  @Test
  @Order(1)
  void publicPages() throws IOException {
    tour("public", PUBLIC);
  }

  @Test
  @Order(2)
  void everyConsolePageAsStaff() throws IOException {
    signIn(TestCompany.ADMIN);
    run1 = runPeriod("2026-02");
    run2 = runPeriod("2026-02");
    tour("staff", STAFF);
    open("/console");
    signOut();
  }

  @Test
  @Order(3)
  void everyBackOfficePageAsADistributor() throws IOException {
    signIn(TestCompany.BEN);
    tour("distributor", DISTRIBUTOR);
    open("/office");
    signOut();
  }
}
