package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Commission runs in headless Chromium over {@link TestCompany} (a database of its own): staff run
 * February 2026; the distributor Ben sees his rank, next step and projected pay; staff run again,
 * compare, close January then February (confirming), export the lines and explain a member.
 * Figures are the ones worked by hand in {@link CommissionPagesTest}. Screenshots go to
 * target/screenshots/ (2x-*.png).
 */
@SpringBootTest(classes = WebApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommissionBrowserTest extends BrowserTestSupport {
  static String firstRun;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(WebApp.DB_URL, () -> PayTestDatabases.url("paybrowser"));
  }

  @BeforeAll
  static void browser() throws IOException {
    driver = Chromium.start(1000);
  }

  void runPeriod(String period) {
    driver.findElement(By.linkText("Commissions")).click();
    var field = driver.findElement(By.id("run-period"));
    field.clear();
    field.sendKeys(period);
    driver.findElement(By.id("run")).click();
    waiting().until(ExpectedConditions.urlContains("/console/commissions/runs/"));
  }

  /** Ticks the confirmation, presses Close and accepts the browser's "are you sure" dialog. */
  void closeRun() {
    driver.findElement(By.id("confirm-close")).click();
    driver.findElement(By.id("close")).click();
    waiting().until(ExpectedConditions.alertIsPresent()).accept();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("closed-note")));
  }

  @Test
  @Order(1)
  void staffRunFebruary() throws Exception {
    signIn(TestCompany.ADMIN);
    runPeriod("2026-02");
    firstRun = text("#run-id");
    assertThat(text("#run-period")).isEqualTo("2026-02");
    assertThat(text("#payout")).isEqualTo("21.50"); // 7.00 customer + 10.00 fast start + 4.50 unilevel
    assertThat(text("#cv")).isEqualTo("335.00");
    assertThat(text("#share")).isEqualTo("6.4 %"); // 21.50 / 335.00
    assertThat(text("#cap")).isEqualTo("not applied");
    assertThat(text("#bonuses")).contains("customer 7.00", "fast_start 10.00", "unilevel 4.50");
    assertThat(text("#provenance")).contains("Plan demo version 1");
    shot("30-commission-run");
    driver.findElement(By.linkText("Dashboard")).click();
    assertThat(text("#payout-share")).contains("6.4 %", "paid 21.50");
    signOut();
  }

  @Test
  @Order(2)
  void theDistributorSeesRankNextStepAndProjectedPay() throws Exception {
    signIn(TestCompany.BEN);
    assertThat(text("#pv")).isEqualTo("70.00");
    assertThat(text("#rank-name")).isEqualTo("member");
    assertThat(text("#next-rank")).isEqualToIgnoringCase("bronze"); // headings are styled in capitals
    assertThat(text("#next-step")).contains("30.00 PV more", "390.00 GV more"); // 100 - 70; 500 - 110
    shot("31-office-month-next-step");
    driver.findElement(By.linkText("My pay")).click();
    assertThat(text("#projected")).contains("projected, before the payout cap");
    assertThat(text("#projected-total")).isEqualTo("4.00"); // 20% of E's net CV 20.00
    assertThat(text("#history")).contains("2026-02", "4.00");
    assertThat(text("#x-lines")).contains("customer 4.00 O3 E 0");
    assertThat(text("#pay-total")).isEqualTo("4.00");
    shot("32-office-my-pay");
    signOut();
  }

  @Test
  @Order(3)
  void staffCompareCloseExportAndExplain() throws Exception {
    signIn(TestCompany.ADMIN);
    runPeriod("2026-02");
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("compare-with"))).selectByVisibleText("run " + firstRun);
    driver.findElement(By.id("compare")).click();
    waiting().until(ExpectedConditions.urlContains("/console/commissions/compare"));
    assertThat(text("#total-diff")).isEqualTo("0.00"); // nothing changed between the runs
    assertThat(text("#changed")).isEqualTo("0");
    shot("33-commission-compare");

    runPeriod("2026-01");
    assertThat(text("#payout")).isEqualTo("0.00"); // January: A (PV 60) is not Active, nobody earns
    closeRun();
    driver.findElement(By.linkText("Commissions")).click();
    driver.findElement(By.partialLinkText("run " + firstRun)).click();
    closeRun();
    assertThat(text("#run-state")).isEqualTo("closed");
    shot("34-commission-closed");
    String lines = (String) ((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch(document.getElementById('export').href).then(r => r.text()).then(done);");
    assertThat(lines).startsWith("period,earner_id,bonus,amount,source_order_id,source_member_id,level\n")
        .contains("2026-02,A,fast_start,10.00,O2,B,1\n", "2026-02,B,customer,4.00,O3,E,0\n", "2026-02,H,customer,3.00,O6,J,0\n");
    driver.findElement(By.linkText("Commissions")).click();
    assertThat(text("#period-2026-02 .state")).isEqualTo("closed");
    assertThat(text("#period-2026-01 .state")).isEqualTo("closed");
    driver.findElement(By.id("explain-member")).sendKeys("A");
    driver.findElement(By.id("explain")).click();
    assertThat(text("#x-total")).isEqualTo("14.50"); // 10.00 fast start + 2.00 + 1.00 + 1.50 unilevel
    assertThat(text("#x-lines")).contains("fast_start 10.00 O2 B 1 25%");
    shot("35-commission-explain");
    signOut();
  }
}
