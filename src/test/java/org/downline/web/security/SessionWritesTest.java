package org.downline.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.Session;

/** ADR 34: a request that changes nothing in its session writes nothing until the stored last access is a window old. */
class SessionWritesTest {
  private final ConcurrentHashMap<String, Session> rows = new ConcurrentHashMap<>();
  private final MapSessionRepository store = new MapSessionRepository(rows);
  private final SessionWrites<MapSession> sessions = new SessionWrites<>(store, Duration.ofSeconds(60));
  // Now, not a fixed instant: the map store refuses a session whose last access is a timeout behind the clock.
  private final Instant t0 = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

  private String signedIn() {
    var s = sessions.createSession();
    s.setLastAccessedTime(t0);
    s.setAttribute("SPRING_SECURITY_CONTEXT", "someone");
    sessions.save(s);
    return s.getId();
  }

  private Instant stored(String id) {
    return rows.get(id).getLastAccessedTime();
  }

  private void request(String id, Instant at) {
    var s = sessions.findById(id);
    s.setLastAccessedTime(at);
    sessions.save(s);
  }

  @Test
  void aNewSessionIsWrittenAtOnce() {
    String id = signedIn();
    assertThat(rows).containsKey(id);
    assertThat(stored(id)).isEqualTo(t0);
    assertThat((String) rows.get(id).getAttribute("SPRING_SECURITY_CONTEXT")).isEqualTo("someone");
  }

  @Test
  void aRequestWithinTheWindowChangingNothingWritesNothing() {
    String id = signedIn();
    request(id, t0.plusSeconds(30));
    assertThat(stored(id)).isEqualTo(t0);
    request(id, t0.plusSeconds(59));
    assertThat(stored(id)).isEqualTo(t0);
  }

  @Test
  void theLastAccessIsWrittenOnceTheStoredOneIsAWindowOld() {
    String id = signedIn();
    request(id, t0.plusSeconds(30));
    request(id, t0.plusSeconds(60));
    assertThat(stored(id)).isEqualTo(t0.plusSeconds(60));
    request(id, t0.plusSeconds(100));
    assertThat(stored(id)).isEqualTo(t0.plusSeconds(60));
  }

  @Test
  void aChangedAttributeIsWrittenAtOnceWithTheLatestAccess() {
    String id = signedIn();
    var s = sessions.findById(id);
    s.setLastAccessedTime(t0.plusSeconds(5));
    s.setAttribute("lang", "ro");
    sessions.save(s);
    assertThat((String) rows.get(id).getAttribute("lang")).isEqualTo("ro");
    assertThat(stored(id)).isEqualTo(t0.plusSeconds(5));

    s = sessions.findById(id);
    s.setLastAccessedTime(t0.plusSeconds(6));
    s.removeAttribute("lang");
    sessions.save(s);
    assertThat(rows.get(id).getAttributeNames()).doesNotContain("lang");
  }

  @Test
  void aNewIdIsWrittenAtOnce() {
    String id = signedIn();
    var s = sessions.findById(id);
    s.setLastAccessedTime(t0.plusSeconds(1));
    String next = s.changeSessionId();
    sessions.save(s);
    assertThat(rows).containsKey(next).doesNotContainKey(id);
  }

  @Test
  void aSessionExpiresByItsStoredLastAccessNeverLaterThanTheTimeout() {
    String id = signedIn();
    Duration timeout = rows.get(id).getMaxInactiveInterval();
    request(id, t0.plusSeconds(59)); // not written: the stored access stays t0
    assertThat(stored(id).plus(timeout)).isBeforeOrEqualTo(t0.plusSeconds(59).plus(timeout));
    assertThat(stored(id).plus(timeout)).isAfterOrEqualTo(t0.plusSeconds(59).plus(timeout).minusSeconds(60));
  }

  @Test
  void signingOutDeletesTheSession() {
    String id = signedIn();
    sessions.deleteById(id);
    assertThat(sessions.findById(id)).isNull();
  }
}
