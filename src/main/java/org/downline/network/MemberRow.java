package org.downline.network;

/**
 * One member's tree data as read from a file or the database, before the tree is built. Dates are
 * epoch days; {@code sponsorId} and {@code placementId} are null when absent; {@code statusDay} is
 * {@link Integer#MIN_VALUE} when the status never changed; {@code line} is where the row came from
 * (0 when it came from the database).
 */
public record MemberRow(
    long line,
    String id,
    String sponsorId,
    MemberKind kind,
    boolean preferred,
    int joinDay,
    MemberStatus status,
    int statusDay,
    String placementId,
    int placementPosition) {

  public static MemberRow of(long line, String id, String sponsorId, MemberKind kind, int joinDay) {
    return new MemberRow(
        line, id, sponsorId, kind, false, joinDay, MemberStatus.ACTIVE, Integer.MIN_VALUE, null, -1);
  }
}
