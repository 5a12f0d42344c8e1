package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.downline.app.prospect.Actor;
import org.downline.app.prospect.Contacts;
import org.downline.app.prospect.Relationships;
import org.downline.prospect.Tie;
import org.downline.store.Database;
import org.downline.web.security.Account;
import org.downline.web.security.UserStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The prospecting pages in headless Chromium: ben's today list, pipeline and network picture (the
 * hand-made data of {@link ProspectTestData}, figures worked there and in {@link ProspectPagesTest})
 * on a phone and on a desk, axe-core with no serious or critical finding and no sideways scroll;
 * gus (member G) with 2,000 contacts in 40 communities, whose picture is capped; the company page as
 * staff. Screenshots: target/screenshots/6x-prospects-*.png.
 */
@SpringBootTest(classes = WebApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ProspectTestData.FixedClock.class)
class ProspectBrowserTest extends BrowserTestSupport {
  static final String URL = "jdbc:h2:mem:prospectbrowser;DB_CLOSE_DELAY=-1";
  static final int MANY = 2_000;
  static final int COMMUNITIES = 40;
  static Database db;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(WebApp.DB_URL, () -> {
      synchronized (ProspectBrowserTest.class) {
        if (db == null) {
          db = Database.open(URL);
          ProspectTestData.load(db);
          many(db);
          cara(db);
        }
      }
      return URL;
    });
  }

  /**
   * gus's 2,000 contacts: contact k is in community k mod 40 (50 members each), and linked to the
   * next one in the same community (k and k + 40), so each community is a chain of 49 links.
   */
  static void many(Database db) {
    new UserStore(db, new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4))
        .add("gus", TestCompany.PASSWORD, Account.Role.DISTRIBUTOR, "G");
    Actor gus = Actor.distributor("gus", "G");
    Contacts contacts = new Contacts(db);
    Relationships relationships = new Relationships(db);
    List<Long> communities = new ArrayList<>();
    for (int c = 0; c < COMMUNITIES; c++) communities.add(relationships.createCommunity(gus, "Group " + c, "club").id());
    long[] ids = new long[MANY];
    Tie[] ties = Tie.values();
    for (int k = 0; k < MANY; k++) {
      ids[k] = contacts.create(gus, ProspectTestData.form("Person " + k, null, ties[k % ties.length], null),
          LocalDate.of(2026, 1, 1)).id();
      relationships.addToCommunity(gus, communities.get(k % COMMUNITIES), ids[k]);
      if (k >= COMMUNITIES) relationships.link(gus, ids[k - COMMUNITIES], ids[k]);
    }
  }

  /** cara (member C) with two contacts of the same name, "Lena Dup" and "dup lena": one likely duplicate pair. */
  static void cara(Database db) {
    new UserStore(db, new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4))
        .add("cara", TestCompany.PASSWORD, Account.Role.DISTRIBUTOR, "C");
    Actor cara = Actor.distributor("cara", "C");
    Contacts contacts = new Contacts(db);
    contacts.create(cara, ProspectTestData.form("Lena Dup", null, Tie.FRIEND, null), LocalDate.of(2026, 1, 1));
    contacts.create(cara, ProspectTestData.form("dup lena", null, Tie.FRIEND, null), LocalDate.of(2026, 1, 1));
  }

  @BeforeAll
  static void browser() throws IOException {
    driver = Chromium.start(900);
  }

  void check(String where, Dimension size) throws IOException {
    size(size);
    driver.navigate().refresh();
    assertNoSeriousA11yViolations(where + " at " + size.width + " px");
    assertNoSidewaysScroll(where + " at " + size.width + " px");
    shot("6x-prospects-" + where + "-" + size.width);
  }

  @Test
  void aDistributorsTodayPipelineAndNetworkOnAPhoneAndADesk() throws Exception {
    size(PHONE);
    signIn(TestCompany.BEN);
    open("/office/today");
    // The order worked by hand in ProspectPagesTest: follow-up, reconnect, check-in, cadence.
    assertThat(driver.findElements(By.cssSelector("#today-list > li")).stream().map(e -> e.getAttribute("data-kind")))
        .containsExactly("follow-up", "reconnect", "check-in", "cadence");
    assertThat(text("#today-list > li:first-child")).contains("Dan Ionescu", "Send the product sheet");
    check("today", PHONE);
    check("today", DESKTOP);

    open("/office/pipeline");
    assertThat(text("#stage-exploring")).contains("Exploring their options", "Dan Ionescu");
    assertThat(text("#outcome-not-now")).contains("Eva Nowak", "reconnect on 2026-03-01");
    check("pipeline", PHONE);
    check("pipeline", DESKTOP);

    open("/office/network");
    // 2 communities + 5 contacts drawn by cytoscape.
    waiting().until(ExpectedConditions.attributeToBe(By.id("network-picture"), "data-drawn", "7"));
    assertThat(text("#weak-ties")).isEqualTo("1");
    check("network", PHONE);
    waiting().until(ExpectedConditions.attributeToBe(By.id("network-picture"), "data-drawn", "7"));
    check("network", DESKTOP);

    // Marking the follow-up done with htmx takes its line off without leaving the page.
    size(PHONE);
    open("/office/today");
    driver.findElement(By.cssSelector("#today-list > li[data-kind='follow-up'] button.done")).click();
    waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#today-list > li"), 3));
    assertThat(driver.getCurrentUrl()).endsWith("/office/today");
    size(DESKTOP);
    signOut();
  }

  @Test
  void theNetworkPictureOf2000ContactsIsCappedAndTheTablesHaveEveryone() throws Exception {
    signIn("gus");
    open("/office/network");
    // 250 contacts (the most ties) and the 40 communities are drawn.
    waiting().until(ExpectedConditions.attributeToBe(By.id("network-picture"), "data-drawn", "290"));
    assertThat(text("#contacts")).isEqualTo("2,000");
    assertThat(text("#picture-note")).isEqualTo("Showing 250 of 2,000 contacts (those with the most ties) and every community; the tables below have everyone.");
    assertThat(driver.findElements(By.cssSelector("#community-list tbody tr"))).hasSize(COMMUNITIES);
    assertThat(text(".pager span")).isEqualTo("Page 1 of 40");
    check("network-2000", PHONE);
    waiting().until(ExpectedConditions.attributeToBe(By.id("network-picture"), "data-drawn", "290"));
    check("network-2000", DESKTOP);
    signOut();
  }

  /** axe on the page as it is, at the size it is (no reload: a reload would send a form again). */
  void checkHere(String where) throws IOException {
    assertNoSeriousA11yViolations(where);
    assertNoSidewaysScroll(where);
    shot("6x-prospects-" + where);
  }

  /**
   * cara's contact tools on a phone, from the relationships page's links: a CSV import with a
   * duplicate row (2 read, 1 added, line 3 the same email as line 2), a bad file (line 2: not an
   * email; nothing written), the likely duplicates and a merge, the erasure asked to confirm and then
   * done; axe on every state, and in Polish too.
   */
  @Test
  void aDistributorsContactToolsOnAPhone() throws Exception {
    size(PHONE);
    signIn("cara");
    open("/office/contacts");
    checkHere("relationships-tools-390");
    driver.findElement(By.id("to-import")).click();
    waiting().until(ExpectedConditions.urlContains("/office/contacts/import"));
    checkHere("import-390");

    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("contact-tools");
    java.nio.file.Path good = dir.resolve("friends.csv");
    java.nio.file.Files.writeString(good, "name,email\nMira Import,mira@example.org\nMira I.,MIRA@example.org\n");
    driver.findElement(By.id("file")).sendKeys(good.toString());
    driver.findElement(By.id("import")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("report")));
    assertThat(text("#report-counts")).isEqualTo("2 read, 1 added, 1 already among your contacts.");
    assertThat(text("#import-duplicates tbody")).contains("3", "Email");
    checkHere("import-report-390");

    java.nio.file.Path bad = dir.resolve("bad.csv");
    java.nio.file.Files.writeString(bad, "name,email\nNina Bad,not-an-email\n");
    driver.findElement(By.id("file")).sendKeys(bad.toString());
    driver.findElement(By.id("import")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("failure")));
    assertThat(text("#errors tbody")).contains("bad.csv", "2", "email", "is not an email address");
    checkHere("import-refused-390");

    open("/office/contacts/duplicates");
    assertThat(driver.findElements(By.cssSelector("#pairs > li"))).hasSize(1);
    checkHere("duplicates-390");
    driver.findElement(By.cssSelector("#pairs > li .merge-keep-a")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("merged")));
    assertThat(text("#merged")).isEqualTo("Merged into Lena Dup.");
    assertThat(driver.findElements(By.id("no-duplicates"))).hasSize(1);
    checkHere("duplicates-merged-390");

    open("/office/contacts?q=Mira");
    driver.findElement(By.cssSelector("#contacts a.who")).click();
    driver.findElement(By.id("erase-link")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("erase-form")));
    checkHere("erase-390");
    driver.findElement(By.id("erase")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("failure")));
    checkHere("erase-unconfirmed-390");
    driver.findElement(By.id("confirm")).click();
    driver.findElement(By.id("erase")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("erased")));
    open("/office/contacts?q=Mira");
    assertThat(driver.findElements(By.cssSelector("#contacts a.who"))).isEmpty();

    open("/office/contacts/import?lang=pl");
    assertThat(text("h1")).isEqualTo("Importuj kontakty");
    checkHere("import-pl-390");
    open("/office/contacts/duplicates?lang=en");
    size(DESKTOP);
    signOut();
  }

  @Test
  void staffSeeTheCompanyFiguresOnly() throws Exception {
    signIn(TestCompany.ADMIN);
    open("/console/prospects");
    assertThat(text("h1")).isEqualTo("Prospecting across the company");
    assertThat(driver.getPageSource()).doesNotContain("Ana Pop", "Person 1", "Hana Secret", "Book club");
    check("company", PHONE);
    check("company", DESKTOP);
    signOut();
  }
}
