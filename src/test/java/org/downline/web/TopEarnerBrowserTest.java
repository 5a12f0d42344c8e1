package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A top earner's pay page in headless Chromium over {@link TopEarnerRun} (121 lines, worked by hand
 * there), on a phone and on a desktop: the totals by bonus and level, the next page of lines swapped
 * in by htmx (the address follows), a search by source member, and the statement page; axe-core finds
 * nothing serious and nothing scrolls sideways. Screenshots in target/screenshots/.
 */
@SpringBootTest(classes = WebApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TopEarnerBrowserTest extends BrowserTestSupport {
  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(WebApp.DB_URL, () -> PayTestDatabases.url("topearnerbrowser"));
  }

  @BeforeAll
  static void browser() throws IOException {
    TopEarnerRun.store(PayTestDatabases.database("topearnerbrowser"));
    driver = Chromium.start(1000);
  }

  @Test
  void onAPhone() throws Exception {
    walk(PHONE, "phone");
  }

  @Test
  void onADesktop() throws Exception {
    walk(DESKTOP, "desktop");
  }

  private void walk(Dimension size, String name) throws Exception {
    size(size);
    signIn(TestCompany.BEN);
    open("/office/pay?period=" + TopEarnerRun.PERIOD);
    assertThat(text("#pay-total")).isEqualTo("122.50"); // 10.00 + 25.00 + 60.00 + 27.50
    assertThat(text("#pay-line-count")).isEqualTo("121");
    assertThat(text("#lines-page")).isEqualTo("Page 1 of 3");
    assertNoSeriousA11yViolations("my pay of a top earner (" + name + ")");
    assertNoSidewaysScroll("my pay of a top earner (" + name + ")");
    shot("60-top-earner-pay-" + name);
    // The next page comes by htmx into the same page; the address follows for the back button.
    WebElement before = driver.findElement(By.id("pay-lines"));
    driver.findElement(By.id("next-lines")).click();
    waiting().until(ExpectedConditions.stalenessOf(before));
    waiting().until(ExpectedConditions.textToBe(By.id("lines-page"), "Page 2 of 3"));
    assertThat(text("#x-lines")).contains("OU045", "OV034").doesNotContain("OC1");
    assertThat(driver.getCurrentUrl()).contains("/office/pay?", "page=2");
    assertNoSeriousA11yViolations("my pay, page 2 (" + name + ")");
    // Search by source member: S07's three lines (OU007, OU027, OU047).
    WebElement q = driver.findElement(By.name("q"));
    q.clear();
    q.sendKeys("S07");
    driver.findElement(By.cssSelector("#line-search button")).click();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("pay-matching"), "3 lines"));
    assertThat(text("#x-lines")).contains("OU007", "OU027", "OU047").doesNotContain("OU008");
    assertNoSidewaysScroll("my pay, searched (" + name + ")");
    open("/office/statement?period=" + TopEarnerRun.PERIOD);
    assertThat(text("#pay-total")).isEqualTo("122.50");
    assertNoSeriousA11yViolations("my statement of a top earner (" + name + ")");
    assertNoSidewaysScroll("my statement of a top earner (" + name + ")");
    shot("61-top-earner-statement-" + name);
    signOut();
  }
}
