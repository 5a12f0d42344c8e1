package org.downline.web.config;

import org.downline.store.Database;
import org.downline.web.errors.ErrorAnswers;
import org.downline.web.security.DownlineAuthenticationProvider;
import org.downline.web.security.LoginThrottle;
import org.downline.web.security.UserStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * Two filter chains. The API ({@code /api/**}) is stateless: HTTP Basic on every request, no session
 * is read or made, so a browser's cookie can never act on it and CSRF does not arise. The pages use
 * form login with a session cookie (expiring, HttpOnly, SameSite=Lax) and CSRF tokens on every form.
 * Roles: admin for {@code /console}, distributor for {@code /office}.
 */
@Configuration
public class SecurityConfig {
  static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
      + "frame-ancestors 'none'; form-action 'self'";

  @Bean
  UserStore userStore(Database db) {
    return new UserStore(db);
  }

  @Bean
  AuthenticationManager authenticationManager(UserStore users, LoginThrottle throttle) {
    return new ProviderManager(new DownlineAuthenticationProvider(users, throttle));
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, AuthenticationManager manager) throws Exception {
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(a -> a
            .requestMatchers("/api/openapi.yaml").permitAll()
            .requestMatchers("/api/v1/import/**").hasRole("ADMIN")
            .requestMatchers("/api/v1/commissions/**").hasRole("ADMIN")
            .anyRequest().authenticated())
        .authenticationManager(manager)
        .httpBasic(b -> b.authenticationEntryPoint(ErrorAnswers.entryPoint()))
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
  SecurityFilterChain pages(HttpSecurity http, AuthenticationManager manager) throws Exception {
    AuthenticationFailureHandler failure = (request, response, e) ->
        response.sendRedirect(request.getContextPath() + (e instanceof LockedException ? "/login?locked" : "/login?error"));
    http.authorizeHttpRequests(a -> a
            .requestMatchers("/login", "/activate", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
                "/actuator/health").permitAll()
            .requestMatchers("/console/**").hasRole("ADMIN")
            .requestMatchers("/office/**").hasRole("DISTRIBUTOR")
            .anyRequest().authenticated())
        .authenticationManager(manager)
        .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", true).failureHandler(failure).permitAll())
        .logout(l -> l.logoutSuccessUrl("/login?logout"))
        .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP)));
    return http.build();
  }
}
