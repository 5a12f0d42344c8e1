package org.downline.web.security;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * The web app's random numbers for what is made per request (the CSRF token's mask on every page,
 * an order's id): a DRBG seeded once from the system, not {@code new SecureRandom()}'s NativePRNG,
 * which reads {@code /dev/urandom} under one lock for the whole process on every call (the
 * requests queued behind it under load).
 */
public final class Randomness {
  private static final SecureRandom DRBG = drbg();

  private Randomness() {}

  public static SecureRandom secure() {
    return DRBG;
  }

  /** A random (version 4) UUID, as {@link UUID#randomUUID()} makes it, from the DRBG. */
  public static UUID uuid() {
    byte[] b = new byte[16];
    DRBG.nextBytes(b);
    b[6] = (byte) ((b[6] & 0x0f) | 0x40);
    b[8] = (byte) ((b[8] & 0x3f) | 0x80);
    ByteBuffer buffer = ByteBuffer.wrap(b);
    return new UUID(buffer.getLong(), buffer.getLong());
  }

  private static SecureRandom drbg() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException e) {
      return new SecureRandom();
    }
  }
}
