package org.downline.web.office;

import java.io.IOException;
import org.downline.app.prospect.Actor;
import org.downline.app.prospect.ContactImport;
import org.downline.core.InvalidInputException;
import org.downline.web.Imports;
import org.downline.web.Visibility;
import org.downline.web.prospect.ProspectServices;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The back office's pages for a distributor's contacts as a whole, linked from the relationships
 * page: import a CSV or vCard file ({@link ContactImport}, as {@code downline contacts import}), the
 * likely duplicates and their merge, the export (as {@code downline contacts export}: do-not-contact
 * and refused channels left out), and a contact's erasure on request after a confirmation (audited by
 * the use case). The rules are the use cases'; another distributor's contact is "not found".
 */
@Controller
public class ContactTools {
  private final ProspectServices app;
  private final MessageSource messages;

  public ContactTools(ProspectServices app, MessageSource messages) {
    this.app = app;
    this.messages = messages;
  }

  private static Actor actor(Authentication auth) {
    return ProspectServices.actor(Visibility.account(auth));
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }

  @GetMapping("/office/contacts/import")
  String importForm(Authentication auth, Model model) {
    actor(auth).owner(); // a distributor's page
    model.addAttribute("csvHeader", ContactImport.CSV_HEADER);
    return "prospects/import";
  }

  @PostMapping("/office/contacts/import")
  String importFile(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String callingCode,
      Authentication auth, Model model) throws IOException {
    Actor actor = actor(auth);
    model.addAttribute("csvHeader", ContactImport.CSV_HEADER);
    model.addAttribute("callingCode", callingCode);
    if (file == null || file.isEmpty()) {
      model.addAttribute("failure", text("prospects.import.noFile"));
      return "prospects/import";
    }
    String name = Imports.safeName(file.getOriginalFilename());
    try {
      String code = ProspectServices.callingCode(callingCode);
      ContactImport.Report r = app.contactImport().upload(actor, name, file.getInputStream(), code, app.today());
      model.addAttribute("file", name);
      model.addAttribute("report", r);
    } catch (InvalidInputException e) {
      model.addAttribute("failure", text("prospects.import.refused", e.total()));
      model.addAttribute("errors", org.downline.web.SaidReasons.told(messages, e.errors(), LocaleContextHolder.getLocale()));
      model.addAttribute("more", e.total() - e.errors().size());
    }
    return "prospects/import";
  }

  @GetMapping("/office/contacts/duplicates")
  String duplicates(Authentication auth, Model model) {
    model.addAttribute("pairs", app.contacts().duplicates(actor(auth)));
    return "prospects/duplicates";
  }

  /** keep: the contact that stays; merged: the one whose channels, touches and history move to it. */
  @PostMapping("/office/contacts/merge")
  String merge(@RequestParam long keep, @RequestParam long merged, Authentication auth, RedirectAttributes redirect) {
    var kept = app.contacts().merge(actor(auth), keep, merged);
    redirect.addFlashAttribute("merged", text("prospects.duplicates.mergedInto", kept.name()));
    return "redirect:/office/contacts/duplicates";
  }

  /** The distributor's contacts as CSV, exactly as the command line's export writes them. */
  @GetMapping(value = "/office/contacts/export.csv", produces = "text/csv")
  ResponseEntity<byte[]> export(Authentication auth) {
    return app.contactsCsv(actor(auth));
  }

  @GetMapping("/office/contacts/{id}/erase")
  String eraseConfirm(@PathVariable long id, Authentication auth, Model model) {
    model.addAttribute("contact", app.contacts().get(actor(auth), id));
    return "prospects/erase";
  }

  /** Erases only when the box saying the contact asked for it is ticked; the use case audits it. */
  @PostMapping("/office/contacts/{id}/erase")
  String erase(@PathVariable long id, @RequestParam(required = false) boolean confirm, Authentication auth, Model model,
      RedirectAttributes redirect) {
    Actor actor = actor(auth);
    if (!confirm) {
      model.addAttribute("contact", app.contacts().get(actor, id));
      model.addAttribute("failure", text("prospects.erase.confirmNeeded"));
      return "prospects/erase";
    }
    app.contacts().erase(actor, id);
    redirect.addFlashAttribute("erased", text("prospects.erase.done", Long.toString(id)));
    return "redirect:/office/contacts";
  }
}
