package org.downline.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every browser test does with the page: one headless Chromium per test class (started by the
 * class's {@code @BeforeAll} with {@link Chromium#start}), opening paths on the test server, reading
 * text, screenshots, waiting, signing in and out, and checking the page with axe-core
 * ({@link #assertNoSeriousA11yViolations}) and for sideways scrolling ({@link #assertNoSidewaysScroll}).
 */
@Tag("browser") // the browser tier: failsafe in `verify`, never `./mvnw test`
abstract class BrowserTestSupport {
  /** A phone (an iPhone 12 to 15 in portrait, CSS pixels) and the desktop size the accessibility tests use. */
  static final Dimension PHONE = new Dimension(390, 844);
  static final Dimension DESKTOP = new Dimension(1280, 900);

  static WebDriver driver;
  private static String axeSource;

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
    // On a phone the sign-out button sits in the collapsed menu: open it first, as a person would.
    var button = driver.findElement(By.cssSelector("form.logout button"));
    if (!button.isDisplayed()) driver.findElement(By.id("menu-button")).click();
    waiting().until(ExpectedConditions.elementToBeClickable(button));
    button.click();
    waiting().until(ExpectedConditions.urlContains("/login?logout"));
  }

  /** Resizes the browser window (its viewport: headless Chromium has no window frame). */
  void size(Dimension d) {
    driver.manage().window().setSize(d);
  }

  /**
   * Runs axe-core 4 (the npm package's file under src/test/resources/axe-core, injected into the
   * page; the app never serves it) on the page as it is now, with every rule axe has for WCAG 2.0
   * to 2.2 A and AA plus its best practices, and fails listing each serious or critical violation as
   * rule id, impact, help text and the CSS selectors of the elements. Moderate and minor findings do
   * not fail (they are in the message of a failure all the same). Call it on every page a test
   * opens, as staff and as a distributor; {@code where} names the page in the failure.
   */
  void assertNoSeriousA11yViolations(String where) {
    List<String> found = a11yViolations();
    List<String> serious = found.stream().filter(v -> v.startsWith("serious ") || v.startsWith("critical ")
        || v.startsWith("error ") || FAILING_RULES.stream().anyMatch(r -> v.contains(" " + r + ": "))).toList();
    if (!serious.isEmpty()) {
      throw new AssertionError("axe-core on " + where + " (" + driver.getCurrentUrl() + "): " + serious.size()
          + " serious or critical violation(s):\n  " + String.join("\n  ", serious)
          + (found.size() > serious.size() ? "\nand lesser ones:\n  " + String.join("\n  ",
              found.stream().filter(v -> !serious.contains(v)).toList()) : ""));
    }
  }

  /**
   * Moderate rules that fail all the same, for what the project promises beyond axe's serious ones:
   * headings in order and landmarks that are told apart.
   */
  static final List<String> FAILING_RULES = List.of("heading-order", "landmark-unique", "landmark-no-duplicate-banner",
      "landmark-no-duplicate-main", "landmark-one-main", "page-has-heading-one");

  /** Every axe-core violation on the page as it is now: "impact rule-id: help [selectors]". */
  List<String> a11yViolations() {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe !== 'undefined';"))) {
      js.executeScript(axe());
    }
    @SuppressWarnings("unchecked")
    List<String> found = (List<String>) js.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        // The other elements a finding is about (the duplicate of a landmark, the background of a text).
        const related = n => {
          const r = [...n.any, ...n.all, ...n.none].flatMap(c => c.relatedNodes || []).map(x => x.target.join(' '));
          return r.length ? ' (with ' + r.join(', ') + ')' : '';
        };
        axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations.map(v =>
            v.impact + ' ' + v.id + ': ' + v.help + ' [' + v.nodes.map(n => n.target.join(' ') + related(n)).join(', ') + ']')),
          e => done(['error axe: ' + e]));
        """);
    return found;
  }

  /** The page does not scroll sideways: the document is no wider than the viewport. */
  void assertNoSidewaysScroll(String where) {
    Object wide = ((JavascriptExecutor) driver).executeScript(
        "return document.documentElement.scrollWidth + ' > ' + window.innerWidth;");
    String[] parts = wide.toString().split(" > ");
    if (Integer.parseInt(parts[0]) > Integer.parseInt(parts[1])) {
      throw new AssertionError(where + " scrolls sideways: scrollWidth " + wide + " innerWidth (" + driver.getCurrentUrl() + ")");
    }
  }

  private static synchronized String axe() {
    if (axeSource == null) {
      try (InputStream in = BrowserTestSupport.class.getResourceAsStream("/axe-core/axe.min.js")) {
        if (in == null) throw new IllegalStateException("axe-core/axe.min.js is missing from the test resources");
        axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return axeSource;
  }
}
