package org.downline.web;

import java.util.Map;
import org.downline.planfile.PlanFile;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Names that come from data rather than from the bundles, as the reader's language has them
 * ({@code ${@names.rank(code)}}): rank and bonus names from the plan file, segment codes, step
 * titles and materials from the playbook, each translated by the optional {@code names:} section
 * of the file it comes from (see docs/plans.md, docs/next-steps.md), else shown as the file writes it.
 */
@Component("names")
public final class Names {
  /** Language -> name in the file -> name to show. */
  private final Map<String, Map<String, String>> translations;

  @Autowired
  public Names(@Value("${downline.plan:demo}") String planName) {
    this(merged(PlanFile.names(PlanFile.source(planName)), org.downline.playbook.PlaybookFile.defaultNames()));
  }

  /** The plan's names, then the playbook's for what the plan does not name. */
  static Map<String, Map<String, String>> merged(Map<String, Map<String, String>> plan,
      Map<String, Map<String, String>> playbook) {
    Map<String, Map<String, String>> out = new java.util.HashMap<>();
    for (var e : playbook.entrySet()) out.put(e.getKey(), new java.util.HashMap<>(e.getValue()));
    for (var e : plan.entrySet()) out.computeIfAbsent(e.getKey(), k -> new java.util.HashMap<>()).putAll(e.getValue());
    Map<String, Map<String, String>> frozen = new java.util.HashMap<>();
    out.forEach((k, v) -> frozen.put(k, Map.copyOf(v)));
    return Map.copyOf(frozen);
  }

  Names(Map<String, Map<String, String>> translations) {
    this.translations = translations;
  }

  private String name(String code) {
    if (code == null) return "";
    Map<String, String> own = translations.get(LocaleContextHolder.getLocale().getLanguage());
    String t = own == null ? null : own.get(code);
    return t == null ? code : t;
  }

  public String rank(String code) {
    return name(code);
  }

  public String bonus(String code) {
    return name(code);
  }

  public String segment(String code) {
    return name(code);
  }

  /** A step title or a material of the playbook. */
  public String text(String text) {
    return name(text);
  }

  /** Materials, each translated, joined as the page lists them. */
  public String texts(java.util.List<String> texts, String separator) {
    StringBuilder sb = new StringBuilder();
    for (String t : texts) sb.append(sb.isEmpty() ? "" : separator).append(name(t));
    return sb.toString();
  }
}
