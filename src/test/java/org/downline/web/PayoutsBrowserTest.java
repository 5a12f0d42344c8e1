package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The payouts console in headless Chromium on {@link PayoutsToSettle} (B 50.00 and C 30.00 in one
 * batch): staff approve the batch, mark B's line failed and the rest paid, and post an adjustment;
 * every page passes axe-core and fits a phone in each language. Screenshots:
 * target/screenshots/*-payouts-*.png.
 */
@SpringBootTest(classes = WebApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PayoutsBrowserTest extends BrowserTestSupport {
  static final String DB = "payoutsbrowser";

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(WebApp.DB_URL, () -> PayoutsToSettle.url(DB));
  }

  @BeforeAll
  static void browser() throws IOException {
    driver = Chromium.start(900);
  }

  private void checked(String where) {
    for (String lang : new String[] {"en", "ro", "pl"}) {
      String url = driver.getCurrentUrl();
      driver.get(url + (url.contains("?") ? "&" : "?") + "lang=" + lang);
      assertNoSeriousA11yViolations(where + " (" + lang + ")");
      size(PHONE);
      assertNoSidewaysScroll(where + " (" + lang + ", phone)");
      size(DESKTOP);
      driver.get(url);
    }
    // Back to English for the next steps (the choice is remembered per login).
    driver.get(driver.getCurrentUrl() + (driver.getCurrentUrl().contains("?") ? "&" : "?") + "lang=en");
  }

  @Test
  void staffSettleABatchAndAdjustABalance() throws Exception {
    long id = PayoutsToSettle.batch(DB);
    signIn(TestCompany.ADMIN);
    open("/console/payouts/batches/" + id);
    checked("batch waiting for approval");
    shot("70-payouts-batch-created");

    open("/console/payouts");
    checked("payouts console");
    driver.findElement(By.cssSelector("form[action$='/batches/" + id + "/approve'] button")).click();
    waiting().until(ExpectedConditions.urlToBe(at("/console/payouts")));

    open("/console/payouts/batches/" + id);
    checked("approved batch");
    size(PHONE);
    shot("71-payouts-batch-approved-phone");
    size(DESKTOP);
    driver.findElement(By.id("reason-B")).sendKeys("account closed");
    driver.findElement(By.id("failed-B")).click();
    waiting().until(ExpectedConditions.textToBe(By.cssSelector("[data-state-of='B']"), "failed"));
    driver.findElement(By.id("paid-all")).click();
    waiting().until(ExpectedConditions.textToBe(By.cssSelector("[data-state-of='C']"), "paid"));
    assertThat(text("#batch-state")).isEqualTo("closed");
    checked("settled batch");
    shot("72-payouts-batch-settled");

    open("/console/payouts");
    driver.findElement(By.id("adjust-member")).sendKeys("B");
    driver.findElement(By.id("adjust-amount")).sendKeys("-2.50");
    driver.findElement(By.id("adjust-period")).sendKeys("2026-01");
    driver.findElement(By.id("adjust-reason")).sendKeys("duplicate sample refunded");
    driver.findElement(By.id("adjust")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("adjusted")));
    assertThat(text("#adjusted")).startsWith("Adjustment posted (posting");
    checked("adjustment posted");
    shot("73-payouts-adjusted");
    signOut();

    // B sees the failed payout back in the balance and the adjustment with its reason: 50.00 - 2.50 = 47.50.
    signIn(TestCompany.BEN);
    open("/office/earnings");
    assertThat(driver.getPageSource()).contains("47.50").contains("duplicate sample refunded");
    signOut();
  }
}
