package org.downline.web.config;

import java.time.Duration;
import org.downline.web.security.SessionWrites;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * The database's session store (Spring Session JDBC, as Boot configures it: timeout, clean-up,
 * tables) seen through {@link SessionWrites}, so that a request that changes nothing in its session
 * writes nothing (ADR 34). {@code downline.web.session-write-window} (default 60 s; 0 writes every
 * request, as Spring Session does) is how stale the stored last access may get.
 */
@Configuration
public class SessionConfig {
  public static final String WINDOW = "downline.web.session-write-window";

  @Bean
  static BeanPostProcessor sessionWrites(Environment env) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        if (!(bean instanceof JdbcIndexedSessionRepository jdbc)) return bean;
        Duration window = env.getProperty(WINDOW, Duration.class, Duration.ofSeconds(60));
        return window.isZero() ? bean : new SessionWrites<>(jdbc, window);
      }
    };
  }
}
