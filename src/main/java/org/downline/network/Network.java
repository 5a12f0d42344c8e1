package org.downline.network;

/**
 * The sponsor tree of a company as parallel primitive arrays, indexed 0..size-1 in breadth-first
 * order from the roots. Two properties follow and the engines rely on them:
 *
 * <ul>
 *   <li>a member's sponsor has a smaller index than the member, so a single reverse loop rolls
 *       volume up the whole tree ({@code for i = n-1..0: gv[sponsor[i]] += gv[i]});
 *   <li>the children of a member are the contiguous range {@code childStart(i)..childEnd(i)}.
 * </ul>
 *
 * Personal data (names, emails) is deliberately not here: analytics never need it. Arrays are
 * shared, not copied; callers must not modify them. Build one with {@link NetworkBuilder}.
 */
public final class Network {
  public static final int NONE = -1;

  private final String[] ids;
  private final int[] sponsor;
  private final byte[] kind;
  private final boolean[] preferred;
  private final int[] joinDay;
  private final byte[] status;
  private final int[] statusDay;
  private final int[] placement;
  private final int[] placementPosition;
  private final int[] childStart;
  private final int[] depth;
  private final IdIndex indexById;

  Network(
      String[] ids,
      int[] sponsor,
      byte[] kind,
      boolean[] preferred,
      int[] joinDay,
      byte[] status,
      int[] statusDay,
      int[] placement,
      int[] placementPosition,
      int[] childStart,
      int[] depth,
      IdIndex indexById) {
    this.ids = ids;
    this.sponsor = sponsor;
    this.kind = kind;
    this.preferred = preferred;
    this.joinDay = joinDay;
    this.status = status;
    this.statusDay = statusDay;
    this.placement = placement;
    this.placementPosition = placementPosition;
    this.childStart = childStart;
    this.depth = depth;
    this.indexById = indexById;
  }

  /** The columns as they are, for a stored copy of the model (ADR 38). */
  boolean[] preferreds() {
    return preferred;
  }

  byte[] statuses() {
    return status;
  }

  int[] statusDays() {
    return statusDay;
  }

  int[] placements() {
    return placement;
  }

  int[] placementPositions() {
    return placementPosition;
  }

  public static Network empty() {
    return new Network(
        new String[0], new int[0], new byte[0], new boolean[0], new int[0], new byte[0],
        new int[0], new int[0], new int[0], new int[] {0}, new int[0], new IdIndex(new String[0], 0));
  }

  public int size() {
    return ids.length;
  }

  /** Index of the member with this id, or {@link #NONE}. */
  public int indexOf(String id) {
    return indexById.get(id);
  }

  /**
   * Index of the member whose id is the ASCII text {@code bytes[from..to)}, {@link #NONE} when none,
   * or {@link IdIndex#NOT_ASCII} (then ask {@link #indexOf(String)}); a bulk loader's lookup without a string.
   */
  public int indexOf(byte[] bytes, int from, int to) {
    return indexById.get(bytes, from, to);
  }

  public String id(int i) {
    return ids[i];
  }

  public String[] ids() {
    return ids;
  }

  /** Sponsor index per member, {@link #NONE} for a root; always smaller than the member's index. */
  public int[] sponsors() {
    return sponsor;
  }

  public int sponsor(int i) {
    return sponsor[i];
  }

  public MemberKind kind(int i) {
    return MemberKind.values()[kind[i]];
  }

  public boolean isDistributor(int i) {
    return kind[i] == DISTRIBUTOR;
  }

  /** Kind codes per member: {@link #DISTRIBUTOR} or {@link #CUSTOMER}. */
  public byte[] kinds() {
    return kind;
  }

  public static final byte DISTRIBUTOR = (byte) MemberKind.DISTRIBUTOR.ordinal();
  public static final byte CUSTOMER = (byte) MemberKind.CUSTOMER.ordinal();

  public boolean isPreferred(int i) {
    return preferred[i];
  }

  /** Join date per member as an epoch day. */
  public int[] joinDays() {
    return joinDay;
  }

  public int joinDay(int i) {
    return joinDay[i];
  }

  public MemberStatus status(int i) {
    return MemberStatus.values()[status[i]];
  }

  /** Epoch day the status was set, or {@link Integer#MIN_VALUE} when never changed. */
  public int statusDay(int i) {
    return statusDay[i];
  }

  /** Placement parent (binary and matrix plans), {@link #NONE} when not placed. */
  public int placement(int i) {
    return placement[i];
  }

  /** Position under the placement parent (0 = left, 1 = right for binary), or {@link #NONE}. */
  public int placementPosition(int i) {
    return placementPosition[i];
  }

  private volatile PlacementTree placementTree;

  /** The placement tree (binary plans): laid out once, on first use, unless the builder did. */
  public PlacementTree placementTree() {
    PlacementTree t = placementTree;
    if (t == null) placementTree = t = PlacementTree.of(this);
    return t;
  }

  void placementTree(PlacementTree t) {
    placementTree = t;
  }

  /** First child index of member i (children are contiguous). */
  public int childStart(int i) {
    return childStart[i];
  }

  /** One past the last child index of member i. */
  public int childEnd(int i) {
    return childStart[i + 1];
  }

  /** Array of size+1 such that the children of i are {@code childStarts[i]..childStarts[i+1]-1}. */
  public int[] childStarts() {
    return childStart;
  }

  /** Depth per member: 0 for a root. */
  public int[] depths() {
    return depth;
  }

  /** The nearest distributor at or above member i on the sponsor chain, or {@link #NONE}. */
  public int ownerDistributor(int i) {
    int m = i;
    while (m != NONE && kind[m] != DISTRIBUTOR) m = sponsor[m];
    return m;
  }

  /** {@link #ownerDistributor(int)} for every member at once, in one forward pass. */
  public int[] ownerDistributors() {
    int[] owner = new int[ids.length];
    for (int i = 0; i < ids.length; i++) {
      if (kind[i] == DISTRIBUTOR) owner[i] = i;
      else owner[i] = sponsor[i] == NONE ? NONE : owner[sponsor[i]];
    }
    return owner;
  }
}
