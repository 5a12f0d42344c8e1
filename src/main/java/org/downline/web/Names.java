package org.downline.web;

import java.util.Map;
import org.downline.planfile.PlanFile;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Names that come from data rather than from the bundles, as the reader's language has them
 * ({@code ${@names.rank(code)}}): rank and bonus names from the plan file and segment codes, each
 * translated by the plan file's optional {@code names:} section (see docs/plans.md), else shown as
 * the file writes it.
 */
@Component("names")
public final class Names {
  /** Language -> name in the file -> name to show. */
  private final Map<String, Map<String, String>> translations;

  @Autowired
  public Names(@Value("${downline.plan:demo}") String planName) {
    this(PlanFile.names(PlanFile.source(planName)));
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
}
