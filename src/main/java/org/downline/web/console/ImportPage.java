package org.downline.web.console;

import java.io.IOException;
import org.downline.core.InvalidInputException;
import org.downline.web.Imports;
import org.springframework.security.core.Authentication;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Upload a CSV file; the same validation and error report as {@code downline import}. */
@Controller
public class ImportPage {
  private final Imports imports;
  private final MessageSource messages;

  public ImportPage(Imports imports, MessageSource messages) {
    this.imports = imports;
    this.messages = messages;
  }

  @GetMapping("/console/import")
  String form() {
    return "console/import";
  }

  @PostMapping("/console/import")
  String upload(@RequestParam String kind, @RequestParam MultipartFile file, Authentication auth, Model model)
      throws IOException {
    model.addAttribute("kind", kind);
    if (file.isEmpty()) {
      model.addAttribute("failure", messages.getMessage("console.import.noFile", null, LocaleContextHolder.getLocale()));
      return "console/import";
    }
    try {
      model.addAttribute("result", imports.run(auth.getName(), kind, file.getOriginalFilename(), file.getInputStream()));
    } catch (InvalidInputException e) {
      model.addAttribute("failure", messages.getMessage("console.import.refused", new Object[] {e.total()},
          LocaleContextHolder.getLocale()));
      model.addAttribute("errors", org.downline.web.SaidReasons.told(messages, e.errors(), LocaleContextHolder.getLocale()));
      model.addAttribute("more", e.total() - e.errors().size());
    }
    return "console/import";
  }
}
