package org.downline.nextstep;

import java.nio.charset.StandardCharsets;

/**
 * Deterministic holdout assignment: a member's bucket is the 64-bit FNV-1a hash of the UTF-8 text
 * {@code seed + ":" + memberId}, as an unsigned number, modulo 10000; the member is held out of a
 * segment whose holdout share is {@code b} hundredths of a percent when the bucket is below
 * {@code b}. The same member and seed always give the same bucket, so a member held out of one
 * segment is held out of every segment with an equal or larger share, and a new seed draws anew.
 */
public final class Holdout {
  static final long FNV_OFFSET = 0xcbf29ce484222325L;
  static final long FNV_PRIME = 0x100000001b3L;

  private Holdout() {}

  /** The member's bucket, 0..9999. */
  public static int bucket(String seed, String memberId) {
    long h = FNV_OFFSET;
    for (byte b : (seed + ":" + memberId).getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= FNV_PRIME;
    }
    return (int) Long.remainderUnsigned(h, 10_000);
  }

  public static boolean heldOut(String seed, String memberId, int basisPoints) {
    return bucket(seed, memberId) < basisPoints;
  }
}
