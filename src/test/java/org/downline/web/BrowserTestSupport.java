package org.downline.web;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every browser test does with the page: one headless Chromium per test class (started by the
 * class's {@code @BeforeAll} with {@link Chromium#start}), opening paths on the test server, reading
 * text, screenshots, waiting, signing in and out.
 */
@Tag("browser") // the browser tier: failsafe in `verify`, never `./mvnw test`
abstract class BrowserTestSupport {
  static WebDriver driver;

  @LocalServerPort int port;

  @AfterAll
  static void closeBrowser() {
    if (driver != null) driver.quit();
    driver = null;
  }

  String at(String path) {
    return "http://localhost:" + port + path;
  }

  void open(String path) {
    driver.get(at(path));
  }

  String text(String css) {
    return driver.findElement(By.cssSelector(css)).getText();
  }

  void shot(String name) throws IOException {
    Chromium.shot(driver, name);
  }

  WebDriverWait waiting() {
    return new WebDriverWait(driver, Duration.ofSeconds(10));
  }

  void signIn(String username) {
    signIn(username, TestCompany.PASSWORD);
  }

  void signIn(String username, String password) {
    open("/login");
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.id("sign-in")).click();
    waiting().until(d -> !d.getCurrentUrl().endsWith("/login"));
  }

  void signOut() {
    driver.findElement(By.cssSelector("form.logout button")).click();
    waiting().until(ExpectedConditions.urlContains("/login?logout"));
  }
}
