package org.downline.web.prospect;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.downline.app.prospect.Actor;
import org.downline.app.prospect.ContactImport;
import org.downline.app.prospect.Contacts;
import org.downline.app.prospect.Joining;
import org.downline.app.prospect.ProspectFigures;
import org.downline.app.prospect.Prospects;
import org.downline.app.prospect.Relationships;
import org.downline.app.prospect.TodayList;
import org.downline.app.prospect.Touches;
import org.downline.prospect.Stage;
import org.downline.store.Database;
import org.downline.web.NextStepsData;
import org.downline.web.disclosure.DisclosureService;
import org.downline.web.security.Account;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The prospecting use cases (app.prospect) as the pages use them, over the app's database, the
 * playbook of the next steps and the income disclosure the pages already keep; who is asking
 * ({@link #actor}) and what day it is ({@link #today}, the machine's clock in UTC unless a
 * {@link Clock} bean says otherwise). The rules (whose contact, which stage) are the use cases'.
 */
@Component
public class ProspectServices {
  private final Contacts contacts;
  private final ContactImport contactImport;
  private final Prospects prospects;
  private final Touches touches;
  private final Relationships relationships;
  private final TodayList today;
  private final Joining joining;
  private final ProspectFigures figures;
  private final Clock clock;
  private final MessageSource messages;

  public ProspectServices(Database db, NextStepsData nextSteps, DisclosureService disclosure,
      ObjectProvider<Clock> clock, MessageSource messages) {
    this.contacts = new Contacts(db);
    this.contactImport = new ContactImport(db);
    this.prospects = new Prospects(db);
    this.touches = new Touches(db);
    this.relationships = new Relationships(db);
    this.today = new TodayList(db, nextSteps.playbook());
    this.joining = new Joining(db, disclosure::statement);
    this.figures = new ProspectFigures(db);
    this.clock = clock.getIfAvailable(Clock::systemUTC);
    this.messages = messages;
  }

  public static Actor actor(Account account) {
    return account.isAdmin() ? Actor.staff(account.username()) : Actor.distributor(account.username(), account.memberId());
  }

  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /** A stage's name in the reader's language: the bundle's for the default stages, the company's own else. */
  public String label(Stage stage, Locale locale) {
    return messages.getMessage("prospects.stage." + stage.code(), null, stage.name(), locale);
  }

  /** The distributor's contacts as a CSV download (Contacts.EXPORT_HEADER), for the page and the API alike. */
  public org.springframework.http.ResponseEntity<byte[]> contactsCsv(Actor actor) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    contacts.exportCsv(actor, out);
    return org.springframework.http.ResponseEntity.ok()
        .contentType(org.springframework.http.MediaType.parseMediaType("text/csv; charset=UTF-8"))
        .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"contacts.csv\"")
        .body(out.toByteArray());
  }

  /** A country calling code typed for an import (digits given to national phone numbers), or null for none. */
  public static String callingCode(String code) {
    if (code == null || code.isBlank()) return null;
    String c = code.strip();
    if (!c.matches("[1-9][0-9]{0,2}")) {
      throw org.downline.core.InvalidInputException.parameter("callingCode", "is 1 to 3 digits, such as 40 or 48");
    }
    return c;
  }

  public Contacts contacts() {
    return contacts;
  }

  public ContactImport contactImport() {
    return contactImport;
  }

  public Prospects prospects() {
    return prospects;
  }

  public Touches touches() {
    return touches;
  }

  public Relationships relationships() {
    return relationships;
  }

  public TodayList todayList() {
    return today;
  }

  public Joining joining() {
    return joining;
  }

  public ProspectFigures figures() {
    return figures;
  }
}
