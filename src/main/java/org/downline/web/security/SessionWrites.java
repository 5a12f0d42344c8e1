package org.downline.web.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * The database's session store, written only when a session changed (ADR 34). Spring Session saves
 * every request's last-access time, one transaction and UPDATE per page; here a session whose
 * attributes, id and timeout did not change is written only when its stored last access is
 * {@code window} or more behind. A session so expires between {@code timeout - window} and
 * {@code timeout} after its last request, never later; everything else (a sign-in, a sign-out, a
 * language chosen, a CSRF token made) is written at once as before, so any server sees it.
 */
public final class SessionWrites<S extends Session> implements SessionRepository<SessionWrites.Tracked<S>>, DisposableBean {
  private final SessionRepository<S> store;
  private final Duration window;

  public SessionWrites(SessionRepository<S> store, Duration window) {
    this.store = store;
    this.window = window;
  }

  @Override
  public Tracked<S> createSession() {
    return new Tracked<>(store.createSession(), window, true);
  }

  @Override
  public void save(Tracked<S> session) {
    if (!session.dirty) return;
    store.save(session.stored);
    session.dirty = false;
  }

  @Override
  public Tracked<S> findById(String id) {
    S found = store.findById(id);
    return found == null ? null : new Tracked<>(found, window, false);
  }

  @Override
  public void deleteById(String id) {
    store.deleteById(id);
  }

  @Override
  public void destroy() throws Exception {
    if (store instanceof DisposableBean d) d.destroy(); // the store's own clean-up of expired sessions
  }

  /** A session as stored, with what this request changed; a last access within the window is kept in memory only. */
  public static final class Tracked<S extends Session> implements Session {
    private final S stored;
    private final Duration window;
    private boolean dirty;
    private Instant lastAccessed;

    Tracked(S stored, Duration window, boolean fresh) {
      this.stored = stored;
      this.window = window;
      this.dirty = fresh;
      this.lastAccessed = stored.getLastAccessedTime();
    }

    @Override
    public void setLastAccessedTime(Instant time) {
      lastAccessed = time;
      if (dirty || Duration.between(stored.getLastAccessedTime(), time).compareTo(window) >= 0) {
        stored.setLastAccessedTime(time);
        dirty = true;
      }
    }

    @Override
    public Instant getLastAccessedTime() {
      return lastAccessed;
    }

    @Override
    public String getId() {
      return stored.getId();
    }

    @Override
    public String changeSessionId() {
      dirty = true;
      stored.setLastAccessedTime(lastAccessed);
      return stored.changeSessionId();
    }

    @Override
    public <T> T getAttribute(String name) {
      return stored.getAttribute(name);
    }

    @Override
    public Set<String> getAttributeNames() {
      return stored.getAttributeNames();
    }

    @Override
    public void setAttribute(String name, Object value) {
      written();
      stored.setAttribute(name, value);
    }

    @Override
    public void removeAttribute(String name) {
      written();
      stored.removeAttribute(name);
    }

    @Override
    public Instant getCreationTime() {
      return stored.getCreationTime();
    }

    @Override
    public void setMaxInactiveInterval(Duration interval) {
      written();
      stored.setMaxInactiveInterval(interval);
    }

    @Override
    public Duration getMaxInactiveInterval() {
      return stored.getMaxInactiveInterval();
    }

    /** Expired as stored: what every server decides by. */
    @Override
    public boolean isExpired() {
      return stored.isExpired();
    }

    /** A write goes to the store anyway: it takes the latest access with it. */
    private void written() {
      dirty = true;
      stored.setLastAccessedTime(lastAccessed);
    }
  }
}
