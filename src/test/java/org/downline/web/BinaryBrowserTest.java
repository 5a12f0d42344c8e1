package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The binary pages in headless Chromium on {@link BinaryTestCompany} (the company paid by
 * {@code binary}): staff open the binary tree by keyboard and compare two plans with the chart;
 * Ben places his recruit from the holding tank on a phone. Every page at desktop and phone size
 * passes axe-core and does not scroll sideways. Screenshots: target/screenshots/binary-*.png.
 */
@SpringBootTest(classes = WebApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "downline.plan=binary")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BinaryBrowserTest extends BrowserTestSupport {
  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(WebApp.DB_URL, () -> BinaryTestCompany.url("binarybrowser"));
  }

  @BeforeAll
  static void browser() throws IOException {
    driver = Chromium.start(900);
  }

  void check(String where) {
    assertNoSeriousA11yViolations(where);
    assertNoSidewaysScroll(where);
  }

  @Test
  @Order(1)
  void staffOpenTheBinaryTreeByKeyboardAndComparePlansWithAChart() throws IOException {
    signIn(TestCompany.ADMIN);
    for (var d : new org.openqa.selenium.Dimension[] {DESKTOP, PHONE}) {
      size(d);
      String name = d == PHONE ? "phone" : "desktop";
      open("/console/holding-tank");
      assertThat(text("#waiting")).isEqualTo("2");
      check("staff holding tank (" + name + ")");

      open("/console/binary?member=R");
      // R's legs from the October run: volume 3,350.00 left, 2,500.00 right (BinaryTestCompany).
      assertThat(text("#legs")).contains("3,350.00", "2,500.00", "850.00");
      // A's toggle, by keyboard: Enter loads A's two positions (C left, D right) with htmx.
      WebElement toggle = driver.findElement(By.cssSelector("li[data-member='A'] button.toggle"));
      toggle.sendKeys(Keys.ENTER);
      waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li[data-member='C'][data-side='left']")));
      assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
      assertThat(driver.findElement(By.cssSelector("li[data-member='D']")).isDisplayed()).isTrue();
      check("staff binary tree, A opened (" + name + ")");
      shot("binary-tree-" + name);

      open("/console/plans/compare");
      new Select(driver.findElement(By.id("plan-a"))).selectByValue("demo");
      new Select(driver.findElement(By.id("plan-b"))).selectByValue("binary");
      for (String f : new String[] {"from", "to"}) {
        WebElement input = driver.findElement(By.name(f));
        input.clear();
        input.sendKeys("2026-10");
      }
      driver.findElement(By.id("compare")).click();
      waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("per-period")));
      // PlanComparisonTest: demo 320.00, binary 278.00 in October 2026.
      assertThat(text("#per-period tbody tr")).startsWith("2026-10 320.00 278.00 -42.00");
      Object drawn = ((JavascriptExecutor) driver).executeScript("return !!Chart.getChart('chart-paid');");
      assertThat(drawn).isEqualTo(true);
      check("staff plan comparison (" + name + ")");
      shot("binary-compare-" + name);
    }
    size(DESKTOP);
    signOut();
  }

  @Test
  @Order(2)
  void aDistributorPlacesTheirRecruitOnAPhoneAndSeesTheirLegs() throws IOException {
    signIn(TestCompany.BEN);
    size(DESKTOP);
    open("/office/binary");
    assertThat(text("#legs")).contains("2,000.00");
    check("distributor binary tree (desktop)");
    open("/office/holding-tank");
    check("distributor holding tank (desktop)");

    size(PHONE);
    open("/office/binary");
    check("distributor binary tree (phone)");
    open("/office/holding-tank");
    check("distributor holding tank (phone)");
    WebElement card = driver.findElement(By.cssSelector("li[data-recruit='G']"));
    new Select(card.findElement(By.name("position"))).selectByValue("right");
    card.findElement(By.cssSelector("button[type='submit']")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("placed")));
    assertThat(text("#placed")).isEqualTo("G is placed on the right side under B.");
    assertThat(text("#empty")).isEqualTo("Nobody is waiting to be placed.");
    check("distributor holding tank after placing (phone)");
    shot("binary-tank-phone");
    size(DESKTOP);
    signOut();
  }
}
