package org.downline.web.config;

import org.downline.store.Database;
import org.downline.web.errors.ErrorAnswers;
import org.downline.web.security.DownlineAuthenticationProvider;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.downline.web.security.ApiTokens;
import org.downline.web.security.BearerTokenFilter;
import org.downline.web.security.ClientAddress;
import org.downline.web.security.JsonBodiesOnly;
import org.downline.web.security.LoginAttempts;
import org.downline.web.security.Randomness;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.downline.web.security.SlowedDownException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.downline.web.security.UserStore;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * Two filter chains. The API ({@code /api/**}) is stateless: an API token (or HTTP Basic) on every
 * request, no session read or made, so a browser's cookie can never act on it and CSRF does not
 * arise; its writes take JSON only. The pages use form login with a session cookie (expiring,
 * HttpOnly, SameSite=Lax; Secure when served over HTTPS) and CSRF tokens on every form. Failed
 * sign-ins are counted per username and per client address ({@link LoginAttempts}). Roles: admin for
 * {@code /console}, distributor for {@code /office}.
 */
@Configuration
public class SecurityConfig {
  static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
      + "frame-ancestors 'none'; form-action 'self'";

  /**
   * No observation (timer, span) around every security filter, sign-in and authorisation: nothing
   * reads them (the actuator shows health only), and they cost about 5% of a page's CPU under load.
   */
  @Bean
  static SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  UserStore userStore(Database db) {
    return new UserStore(db);
  }

  @Bean
  ApiTokens apiTokens(Database db, UserStore users) {
    return new ApiTokens(db, users);
  }

  /** Forwarding headers are believed only from these addresses (comma-separated; none by default). */
  @Bean
  ClientAddress clientAddress(@Value("${downline.web.trusted-proxies:}") String proxies) {
    return new ClientAddress(Arrays.stream(proxies.split(",")).map(String::strip).filter(p -> !p.isEmpty())
        .collect(Collectors.toSet()));
  }

  @Bean
  LoginAttempts loginAttempts(Database db) {
    return new LoginAttempts(db);
  }

  @Bean
  AuthenticationManager authenticationManager(UserStore users, LoginAttempts attempts) {
    return new ProviderManager(new DownlineAuthenticationProvider(users, attempts));
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, AuthenticationManager manager, ApiTokens tokens, ClientAddress client)
      throws Exception {
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(a -> a
            .requestMatchers("/api/openapi.yaml").permitAll()
            .requestMatchers("/api/v1/import/**").hasRole("ADMIN")
            .requestMatchers("/api/v1/snapshot/**", "/api/v1/jobs").hasRole("ADMIN")
            .requestMatchers("/api/v1/commissions/**").hasRole("ADMIN")
            .requestMatchers("/api/v1/strategy", "/api/v1/strategy/**").hasRole("ADMIN")
            .requestMatchers("/api/v1/disclosure/my-year").authenticated()
            .requestMatchers("/api/v1/disclosure/**").hasRole("ADMIN")
            .anyRequest().authenticated())
        .authenticationManager(manager)
        .httpBasic(b -> b.authenticationEntryPoint(ErrorAnswers.entryPoint()).authenticationDetailsSource(client))
        .addFilterBefore(new JsonBodiesOnly(java.util.List.of("/api/v1/import/", "/api/v1/contacts/import"),
            (response, status, message) -> ErrorAnswers.write(response, HttpStatus.valueOf(status), message)),
            BasicAuthenticationFilter.class)
        .addFilterBefore(new BearerTokenFilter(tokens, ErrorAnswers.entryPoint()), BasicAuthenticationFilter.class)
        .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
        .csrf(c -> c.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
        .requestCache(r -> r.disable())
        .exceptionHandling(e -> e.authenticationEntryPoint(ErrorAnswers.entryPoint())
            .accessDeniedHandler((request, response, denied) -> ErrorAnswers.write(response, HttpStatus.FORBIDDEN,
                "your role may not use this endpoint")));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain pages(HttpSecurity http, AuthenticationManager manager, ClientAddress client) throws Exception {
    AuthenticationFailureHandler failure = (request, response, e) -> {
      if (e instanceof SlowedDownException slowed) {
        // A page cannot show a 429 and a form at once: the sign-in page says how long to wait.
        response.sendRedirect(request.getContextPath() + "/login?wait=" + slowed.waitFor().seconds());
        return;
      }
      response.sendRedirect(request.getContextPath() + "/login?error");
    };
    http.authorizeHttpRequests(a -> a
            .requestMatchers("/login", "/activate", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
                "/actuator/health", "/disclosure").permitAll()
            .requestMatchers("/console/**").hasRole("ADMIN")
            .requestMatchers("/office/**").hasRole("DISTRIBUTOR")
            .anyRequest().authenticated())
        .authenticationManager(manager)
        .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", true).failureHandler(failure)
            .authenticationDetailsSource(client).permitAll())
        .logout(l -> l.logoutSuccessUrl("/login?logout"))
        .csrf(c -> c.csrfTokenRequestHandler(csrfTokens()))
        .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
            .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
    return http.build();
  }

  /** Spring Security's default handler (the token masked afresh on every page, against BREACH), its mask from the DRBG. */
  private static XorCsrfTokenRequestAttributeHandler csrfTokens() {
    XorCsrfTokenRequestAttributeHandler handler = new XorCsrfTokenRequestAttributeHandler();
    handler.setSecureRandom(Randomness.secure());
    return handler;
  }
}
