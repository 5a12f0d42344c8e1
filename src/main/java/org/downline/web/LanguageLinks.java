package org.downline.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** For every page: the language switch, a link per language to this same page with {@code ?lang=}. */
@ControllerAdvice(basePackages = {"org.downline.web.console", "org.downline.web.office", "org.downline.web.pages"})
public class LanguageLinks {
  /** One language as the switch shows it: its own name in its own language. */
  public record Link(String tag, String name, String href, boolean current) {}

  @ModelAttribute("languages")
  List<Link> languages(HttpServletRequest request) {
    Locale now = LocaleContextHolder.getLocale();
    return Languages.SUPPORTED.stream().map(l -> new Link(l.toLanguageTag(), name(l),
        UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
            .replaceQueryParam(Languages.PARAM, l.toLanguageTag()).build().toUriString(),
        l.getLanguage().equals(now.getLanguage()))).toList();
  }

  /** A language's name in itself, capitalised (English, Română, Polski). */
  static String name(Locale l) {
    String n = l.getDisplayLanguage(l);
    return n.isEmpty() ? l.toLanguageTag() : n.substring(0, 1).toUpperCase(l) + n.substring(1);
  }
}
