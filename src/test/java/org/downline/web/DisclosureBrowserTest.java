package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The statement and the retail share in headless Chromium on {@link DisclosureTestDatabase} (figures
 * worked by hand in {@link org.downline.disclosure.DisclosureCompany}); also at phone width, where the
 * tables scroll in their own box and the page does not. Screenshots: target/screenshots/*-disclosure-*.png.
 */
@SpringBootTest(classes = WebApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DisclosureBrowserTest extends BrowserTestSupport {
  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(WebApp.DB_URL, DisclosureTestDatabase::url);
    registry.add("downline.plan", DisclosureTestDatabase::plan);
  }

  @BeforeAll
  static void browser() throws IOException {
    driver = Chromium.start(900);
  }

  @Test
  void staffOpenTheStatementAndTheRetailShare() throws Exception {
    signIn(TestCompany.ADMIN);
    open("/console/disclosure");
    assertThat(text("#title")).isEqualTo("Income disclosure statement 2025");
    assertThat(text("#participants")).isEqualTo("5 people took part in 2025.");
    assertThat(text("#left")).isEqualTo("20.0% of them left during the year.");
    // The all row: 5, 100.0, 2, 40.0, mean 6.95, median 6.00, p10 0.00, p25 0.00, p75 12.25, p90 16.50, ...
    assertThat(text("#statement tr[data-group='all']")).startsWith("ALL 5 100.0 2 40.0 6.95 6.00 0.00 0.00 12.25 16.50"); // row headers are set in capitals
    assertThat(driver.findElements(By.cssSelector("#distribution tr"))).hasSize(7);
    shot("60-disclosure-statement");

    open("/console/disclosure/retail?year=2025");
    assertThat(text("#retail tr[data-period='2025-03']")).isEqualTo("2025-03 38.50 36.50 15.50 42.5");
    assertThat(text("#retail tr[data-period='2025']")).isEqualTo("2025 34.75 31.75 7.75 24.4");
    assertThat(text("#retail-chart tr[data-period='2025-03']")).contains("42.5 %");
    shot("61-disclosure-retail-share");
    signOut();
  }

  @Test
  void thePublicStatementFitsAPhone() throws Exception {
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    try {
      open("/disclosure");
      assertThat(text("#participants")).isEqualTo("5 people took part in 2025.");
      Object sideways = ((JavascriptExecutor) driver).executeScript(
          "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
      assertThat(sideways).isEqualTo(false);
      shot("62-disclosure-public-phone");
    } finally {
      driver.manage().window().setSize(new org.openqa.selenium.Dimension(900, 1000));
    }
  }
}
