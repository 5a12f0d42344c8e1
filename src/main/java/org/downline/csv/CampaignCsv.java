package org.downline.csv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.downline.core.InputErrors;
import org.downline.core.Progress;
import org.downline.core.Reason;
import org.downline.generate.Campaign;

/** Reads a campaigns file: {@code code} at least; {@code name} and {@code channel} optional. */
public final class CampaignCsv {
  public static final String[] REQUIRED = {"code"};

  private CampaignCsv() {}

  /** Reads for file mode: the structural rules only (see {@link CsvInput.Rules}). */
  public static List<Campaign> read(Path path, InputErrors errors, Progress progress) {
    return read(path, CsvInput.Rules.FILE, errors, progress);
  }

  public static List<Campaign> read(Path path, CsvInput.Rules rules, InputErrors errors, Progress progress) {
    List<Campaign> campaigns = new ArrayList<>();
    Map<String, Long> seen = new HashMap<>();
    new CsvInput(path, rules, errors, progress).read("campaigns", REQUIRED, r -> {
      String code = r.required("code");
      if (code != null) {
        Long first = seen.putIfAbsent(code, r.line());
        if (first != null) r.error("code", Reason.of("duplicateCampaign", code, first));
      }
      if (r.bad()) return;
      campaigns.add(new Campaign(code, r.text("name"), r.text("channel")));
    });
    return campaigns;
  }
}
