package org.downline.web.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.downline.store.ImportResult;
import org.downline.web.Imports;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff import a CSV file sent as the request body; bad rows answer 422 with every problem. */
@RestController
@RequestMapping("/api/v1")
public class ImportApi {
  private final Imports imports;

  public ImportApi(Imports imports) {
    this.imports = imports;
  }

  @PostMapping(path = "/import/{kind}", consumes = {"text/csv", "text/plain", "application/octet-stream"})
  Json.Import importFile(@PathVariable String kind, @RequestParam(name = "file", defaultValue = "upload.csv") String file,
      HttpServletRequest request, Authentication auth) throws IOException {
    ImportResult r = imports.run(auth.getName(), kind, file, request.getInputStream());
    return new Json.Import(r.kind(), r.file(), r.read(), r.inserted(), r.updated(), r.unchanged());
  }
}
