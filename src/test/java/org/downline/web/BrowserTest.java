package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.downline.store.Database;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The pages in headless Chromium (Debian's chromium and chromium-driver): staff and a distributor
 * sign in and click through every page, checking what each shows against {@link TestCompany}'s
 * hand-worked figures; screenshots go to target/screenshots/. The server runs on a free port over
 * a database of its own, so no other test's writes move the figures.
 */
@SpringBootTest(classes = WebApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserTest extends BrowserTestSupport {
  static final String URL = "jdbc:h2:mem:browsertest;DB_CLOSE_DELAY=-1";
  static Database db;
  static String newLoginPassword;
  static String invitationCode;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(WebApp.DB_URL, () -> {
      synchronized (BrowserTest.class) {
        if (db == null) {
          db = Database.open(URL);
          TestCompany.load(db);
        }
      }
      return URL;
    });
  }

  @BeforeAll
  static void browser() throws IOException {
    driver = Chromium.start(900);
  }

  /** The row of a member in the genealogy explorer, and its open/close button. */
  WebElement line(String id) {
    return driver.findElement(By.xpath("//div[@class='line'][a[@class='id' and text()='" + id + "']]"));
  }

  WebElement toggle(String id) {
    return line(id).findElement(By.cssSelector("button.toggle"));
  }

  void navigate(String linkText) {
    driver.findElement(By.linkText(linkText)).click();
  }

  @Test
  @Order(1)
  void staffWorkThroughTheConsole() throws Exception {
    open("/console");
    assertThat(driver.getCurrentUrl()).endsWith("/login"); // not signed in yet
    shot("01-login");
    signIn(TestCompany.ADMIN, TestCompany.PASSWORD);
    assertThat(driver.getCurrentUrl()).endsWith("/console");
    // February 2026 is the month of the latest order: the dashboard opens on it.
    assertThat(text("#period")).isEqualTo("2026-02");
    assertThat(text("#revenue")).isEqualTo("528.00");
    assertThat(text("#orders")).isEqualTo("7");
    assertThat(text("#active")).isEqualTo("2"); // A 100 and H 220 reach the demo plan's Active 100
    assertThat(text("#recruits")).isEqualTo("3");
    assertThat(text("#payout-share")).contains("no commission run for this period yet");
    Object drawn = ((JavascriptExecutor) driver).executeScript(
        "return typeof Chart !== 'undefined' && !!Chart.getChart('chart-revenue') && !!Chart.getChart('chart-recruits');");
    assertThat(drawn).isEqualTo(true);
    shot("02-console-dashboard");

    navigate("Members");
    List<WebElement> rows = driver.findElements(By.cssSelector("#member-list tbody tr"));
    assertThat(rows).hasSize(9);
    driver.findElement(By.name("q")).sendKeys("blue");
    driver.findElement(By.cssSelector("form.filters button")).click();
    waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#member-list tbody tr"), 1));
    assertThat(text("#member-list tbody")).contains("Ben Blue");
    shot("03-console-members-search");
    driver.findElement(By.linkText("B")).click();
    assertThat(text("#member-id")).isEqualTo("B");
    assertThat(text("#pv")).isEqualTo("70.00");
    assertThat(text("#gv")).isEqualTo("110.00");
    assertThat(text("#org")).isEqualTo("3");
    assertThat(text("#orders")).contains("O2", "J2");
    shot("04-console-member");

    navigate("Genealogy");
    assertThat(driver.findElements(By.cssSelector("#tree > li.node"))).hasSize(2); // roots A and H
    toggle("A").click();
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//a[@class='id' and text()='B']")));
    assertThat(toggle("A").getAttribute("aria-expanded")).isEqualTo("true");
    // The keyboard opens B: Tab reaches its toggle (a button of its own, beside B's link), Enter presses it.
    toggle("B").sendKeys(Keys.ENTER);
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//a[@class='id' and text()='D']")));
    assertThat(line("B").getText()).contains("GV 110.00", "org 3");
    shot("05-console-genealogy-expanded");
    // Collapse A again with the space bar: its recruits disappear from view.
    toggle("A").sendKeys(Keys.SPACE);
    waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.xpath("//a[@class='id' and text()='B']")));
    assertThat(toggle("A").getAttribute("aria-expanded")).isEqualTo("false");
    driver.findElement(By.name("member")).sendKeys("D");
    driver.findElement(By.cssSelector("form.filters button")).click();
    assertThat(text("#focus")).contains("D", "Dev Dale", "40.00");
    assertThat(text("nav.path")).contains("A", "B");
    shot("06-console-genealogy-jump");

    navigate("Import");
    Path bad = Files.createTempDirectory("upload").resolve("bad-orders.csv");
    Files.writeString(bad, "id,member_id,date,pv,cv,return_of\nX1,NOBODY,2026-02-01,1,1,\nX2,D,2026-01-02,1,1,\n");
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("kind"))).selectByValue("orders");
    driver.findElement(By.id("file")).sendKeys(bad.toString());
    driver.findElement(By.id("import")).click();
    assertThat(text("#failure")).contains("2 input errors, nothing written",
        "unknown member 'NOBODY'", "order dated 2026-01-02 is before member 'D' joined on 2026-02-01");
    shot("07-console-import-errors");
    Path products = bad.resolveSibling("products.csv");
    Files.writeString(products, "sku,name,price,pv,cv,kit,category\nP2,Tea,12.50,10,8,false,nutrition\n");
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("kind"))).selectByValue("products");
    driver.findElement(By.id("file")).sendKeys(products.toString());
    driver.findElement(By.id("import")).click();
    assertThat(text("#result")).contains("products from products.csv: 1 read, 1 new");
    shot("08-console-import-done");

    navigate("Logins");
    driver.findElement(By.id("new-member")).sendKeys("D");
    driver.findElement(By.id("create-login")).click();
    newLoginPassword = text("#new-password");
    assertThat(newLoginPassword).hasSize(14);
    driver.findElement(By.id("invite-member")).sendKeys("G");
    driver.findElement(By.id("create-invitation")).click();
    invitationCode = text("#invitation-code");
    assertThat(text("#logins")).contains("ben", "hal", "staff", "D");
    shot("09-console-logins");

    navigate("Audit log");
    String audit = text("#audit");
    assertThat(audit).contains("login.create", "invitation.create", "import.products", "member D", "member G");
    assertThat(audit).doesNotContain("dev@example.com", newLoginPassword);
    shot("10-console-audit");
    signOut();
  }

  @Test
  @Order(2)
  void aDistributorSeesTheirOwnOrganisation() throws Exception {
    signIn(TestCompany.BEN, TestCompany.PASSWORD);
    assertThat(driver.getCurrentUrl()).endsWith("/office");
    assertThat(text("#period")).isEqualTo("2026-02");
    assertThat(text("#pv")).isEqualTo("70.00");
    assertThat(text("#gv")).isEqualTo("110.00");
    assertThat(text("#org")).isEqualTo("3");
    assertThat(text("#first-level")).isEqualTo("1");
    assertThat(text("#my-orders")).contains("O2").doesNotContain("O3"); // E's order is E's, counted in my PV
    shot("11-office-month");

    navigate("My downline");
    assertThat(text("#focus")).contains("B", "Ben Blue", "110.00");
    assertThat(text("#tree")).contains("D", "E").doesNotContain("Ana Root");
    shot("12-office-downline");

    navigate("Customers & team");
    assertThat(text("#customers")).contains("E", "Eve East");
    assertThat(text("#team")).contains("D", "Dev Dale", "40.00");
    shot("13-office-team");

    navigate("Statement");
    assertThat(text("#statement")).contains("once the company has run commissions");
    shot("14-office-statement");

    open("/office/downline?member=H");
    assertThat(text("#problem")).isEqualTo("no member 'H' in your organisation");
    shot("15-office-refused-other-organisation");
    open("/console");
    assertThat(text("#problem")).contains("another role");
    open("/office");
    signOut();
  }

  @Test
  @Order(3)
  void newLoginsWork() throws Exception {
    signIn("D", newLoginPassword);
    assertThat(driver.getCurrentUrl()).endsWith("/office");
    assertThat(text("#me")).isEqualTo("D");
    assertThat(text("#pv")).isEqualTo("40.00");
    signOut();

    open("/activate");
    driver.findElement(By.name("code")).sendKeys(invitationCode);
    driver.findElement(By.name("username")).sendKeys("gus");
    driver.findElement(By.name("password")).sendKeys("a-long-enough-secret");
    shot("16-activate");
    driver.findElement(By.cssSelector("form button")).click();
    waiting().until(ExpectedConditions.urlContains("/login?activated")); // bcrypt takes a moment
    signIn("gus", "a-long-enough-secret");
    assertThat(text("#me")).isEqualTo("G");
    signOut();

    open("/login");
    driver.findElement(By.id("username")).sendKeys(TestCompany.HAL);
    driver.findElement(By.id("password")).sendKeys("wrong-password");
    driver.findElement(By.id("sign-in")).click();
    waiting().until(ExpectedConditions.urlContains("/login?error"));
    assertThat(text(".error")).isEqualTo("Wrong username or password.");
    shot("17-login-refused");
  }
}
