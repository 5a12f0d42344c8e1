package org.downline.prospect;

/**
 * Who among a distributor's contacts know each other, as arrays over contact indices {@code 0..n-1}.
 * Two contacts know each other when a link between them is recorded or they share a community. A
 * community's density is the share of its member pairs with a recorded link: k members have
 * k(k-1)/2 pairs. A community is dense with at least {@link #DENSE_MIN_MEMBERS} members and a density
 * of at least {@link #DENSE_BASIS_POINTS}. A weak tie into a dense community is an acquaintance who
 * belongs to one: the count is of such contacts (each once), the fastest-growing distributors'
 * starting point in the seed's research.
 */
public final class RelationshipNetwork {
  public static final long DENSE_BASIS_POINTS = 5_000;
  public static final int DENSE_MIN_MEMBERS = 3;

  private final int n;
  private final long[] linkKeys; // a * n + b with a < b, sorted
  private final int[][] communities;
  private final long[] density;
  private final boolean[] dense;
  private final boolean[] weakTieIntoDense;
  private final int weakTies;

  /**
   * @param tie per contact
   * @param linkA one end of each recorded link (contact index)
   * @param linkB the other end
   * @param communities per community, its members' contact indices
   */
  public RelationshipNetwork(Tie[] tie, int[] linkA, int[] linkB, int[][] communities) {
    this.n = tie.length;
    long[] keys = new long[linkA.length];
    for (int l = 0; l < linkA.length; l++) keys[l] = key(linkA[l], linkB[l]);
    java.util.Arrays.sort(keys);
    this.linkKeys = keys;
    this.communities = communities;
    density = new long[communities.length];
    dense = new boolean[communities.length];
    weakTieIntoDense = new boolean[n];
    for (int c = 0; c < communities.length; c++) {
      int[] m = communities[c];
      long pairs = (long) m.length * (m.length - 1) / 2;
      long linked = 0;
      for (int i = 0; i < m.length; i++) {
        for (int j = i + 1; j < m.length; j++) if (linked(m[i], m[j])) linked++;
      }
      density[c] = StageFlow.basisPoints(linked, pairs);
      dense[c] = m.length >= DENSE_MIN_MEMBERS && density[c] >= DENSE_BASIS_POINTS;
      if (dense[c]) for (int x : m) if (tie[x] == Tie.ACQUAINTANCE) weakTieIntoDense[x] = true;
    }
    int w = 0;
    for (boolean b : weakTieIntoDense) if (b) w++;
    weakTies = w;
  }

  private long key(int a, int b) {
    if (a == b) throw new IllegalArgumentException("a contact cannot be linked to itself");
    return a < b ? (long) a * n + b : (long) b * n + a;
  }

  /** A link between the two is recorded. */
  public boolean linked(int a, int b) {
    return a != b && java.util.Arrays.binarySearch(linkKeys, key(a, b)) >= 0;
  }

  /** They know each other: a recorded link or a shared community. */
  public boolean know(int a, int b) {
    if (linked(a, b)) return true;
    for (int[] m : communities) {
      boolean hasA = false;
      boolean hasB = false;
      for (int x : m) {
        hasA |= x == a;
        hasB |= x == b;
      }
      if (hasA && hasB) return true;
    }
    return false;
  }

  public long densityBasisPoints(int community) {
    return density[community];
  }

  public boolean dense(int community) {
    return dense[community];
  }

  public boolean weakTieIntoDense(int contact) {
    return weakTieIntoDense[contact];
  }

  public int weakTiesIntoDenseCommunities() {
    return weakTies;
  }
}
