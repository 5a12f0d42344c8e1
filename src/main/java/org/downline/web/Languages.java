package org.downline.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import org.downline.web.security.Account;
import org.downline.web.security.UserStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The language of every page: the one chosen with {@code ?lang=} on any page (kept in the session,
 * and for a signed-in login stored with the login, so it is remembered at the next sign-in), else
 * the member's own locale (member_profile.locale), else the browser's Accept-Language, else English.
 * Only the languages the bundles are complete in ({@link #SUPPORTED}) are ever chosen.
 */
@Configuration
public class Languages implements WebMvcConfigurer {
  /** English, Romanian, Polish: every bundle under i18n/ is complete in these (BundlesTest). */
  public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.of("ro"), Locale.of("pl"));
  static final String PARAM = "lang";
  private static final String SESSION = Languages.class.getName() + ".locale";
  private static final String LOOKED_UP = Languages.class.getName() + ".lookedUp";

  /** The supported language of a BCP 47 tag or locale ({@code pl-PL} is Polish), or null. */
  public static Locale supported(String tag) {
    if (tag == null || tag.isBlank()) return null;
    String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
    for (Locale l : SUPPORTED) if (l.getLanguage().equals(language)) return l;
    return null;
  }

  @Bean
  LocaleResolver localeResolver(UserStore users) {
    return new Resolver(users);
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new HandlerInterceptor() {
      @Override
      public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Locale chosen = supported(request.getParameter(PARAM));
        if (chosen != null) {
          org.springframework.web.servlet.support.RequestContextUtils.getLocaleResolver(request)
              .setLocale(request, response, chosen);
        }
        return true;
      }
    });
  }

  static final class Resolver implements LocaleResolver {
    private final UserStore users;

    Resolver(UserStore users) {
      this.users = users;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
      HttpSession session = request.getSession(false);
      if (session != null && session.getAttribute(SESSION) instanceof Locale l) return l;
      Account account = account();
      if (account != null && (session == null || session.getAttribute(LOOKED_UP) == null)) {
        // Once per session: the login's chosen language or its member's locale.
        Locale stored = supported(users.language(account.username()));
        HttpSession s = request.getSession();
        s.setAttribute(LOOKED_UP, Boolean.TRUE);
        if (stored != null) {
          s.setAttribute(SESSION, stored);
          return stored;
        }
      }
      return fromBrowser(request);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
      Locale l = locale == null ? null : supported(locale.toLanguageTag());
      if (l == null) return;
      request.getSession().setAttribute(SESSION, l);
      Account account = account();
      if (account != null) users.chooseLanguage(account.username(), l.toLanguageTag());
    }

    /** The first supported language of Accept-Language (in the browser's order of preference), else English. */
    static Locale fromBrowser(HttpServletRequest request) {
      if (request.getHeader("Accept-Language") == null) return Locale.ENGLISH;
      Enumeration<Locale> wanted = request.getLocales();
      while (wanted.hasMoreElements()) {
        Locale l = supported(wanted.nextElement().toLanguageTag());
        if (l != null) return l;
      }
      return Locale.ENGLISH;
    }

    private static Account account() {
      Authentication auth = SecurityContextHolder.getContext().getAuthentication();
      return auth != null && auth.getPrincipal() instanceof Account a ? a : null;
    }
  }
}
