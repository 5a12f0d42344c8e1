package org.downline.network;

import java.util.Arrays;

/**
 * The placement tree of a binary plan over a {@link Network}'s indexes: every root and placed
 * distributor with at most a left and a right child. Members are laid out in preorder, so the
 * subtree of a member is one contiguous range {@code at(m) .. at(m) + size(m) - 1}: a leg's volume
 * is a difference of prefix sums, and "is c in d's left leg" is two comparisons. Unplaced
 * distributors (the holding tank) and customers are not in the tree.
 */
public final class PlacementTree {
  public static final int LEFT = 0;
  public static final int RIGHT = 1;
  public static final int NONE = Network.NONE;

  private final int[] child;
  private final int[] preorder;
  private final int[] at;
  private final int[] size;

  private PlacementTree(int[] child, int[] preorder, int[] at, int[] size) {
    this.child = child;
    this.preorder = preorder;
    this.at = at;
    this.size = size;
  }

  /** "left" or "right". */
  public static String sideName(int side) {
    return side == LEFT ? "left" : "right";
  }

  /** The side of a position text, or -1 when it is neither {@code left} nor {@code right}. */
  public static int sideOf(String text) {
    return switch (text) {
      case "left" -> LEFT;
      case "right" -> RIGHT;
      default -> -1;
    };
  }

  /**
   * Lays out the tree from child slots ({@code child[2 x parent + side]}, {@link #NONE} when free)
   * by a depth-first walk from every distributor without a sponsor. Members reached from no root
   * (placement links in a cycle) keep {@code at = NONE}.
   */
  static PlacementTree of(int[] child, int[] sponsor, byte[] kind) {
    int n = sponsor.length;
    int[] at = new int[n];
    Arrays.fill(at, NONE);
    int[] size = new int[n];
    int[] preorder = new int[n];
    int count = 0;
    int[] stack = new int[Math.max(16, n)];
    for (int r = 0; r < n; r++) {
      if (sponsor[r] != Network.NONE || kind[r] != Network.DISTRIBUTOR) continue;
      int top = 0;
      stack[top++] = r;
      while (top > 0) {
        int m = stack[--top];
        at[m] = count;
        preorder[count++] = m;
        // Right pushed first so that left is visited first: left subtree, then right.
        int rc = child[2 * m + RIGHT];
        int lc = child[2 * m + LEFT];
        if (rc != NONE && at[rc] == NONE) stack[top++] = rc;
        if (lc != NONE && at[lc] == NONE) stack[top++] = lc;
      }
    }
    preorder = Arrays.copyOf(preorder, count);
    // Subtree sizes bottom up: in preorder every child comes after its parent.
    for (int k = count - 1; k >= 0; k--) {
      int m = preorder[k];
      size[m] += 1;
      for (int s = 0; s < 2; s++) {
        int c = child[2 * m + s];
        if (c != NONE) size[m] += size[c];
      }
    }
    return new PlacementTree(child, preorder, at, size);
  }

  /** From a built network's placement columns (assumed valid: the builder checked them). */
  static PlacementTree of(Network net) {
    int n = net.size();
    int[] child = new int[2 * n];
    Arrays.fill(child, NONE);
    for (int i = 0; i < n; i++) {
      int p = net.placement(i);
      int s = net.placementPosition(i);
      if (p != Network.NONE && (s == LEFT || s == RIGHT)) child[2 * p + s] = i;
    }
    return of(child, net.sponsors(), net.kinds());
  }

  /** True for a root or a placed distributor. */
  public boolean inTree(int m) {
    return at[m] != NONE;
  }

  /** The member placed at (m, side), or {@link #NONE}. */
  public int child(int m, int side) {
    return child[2 * m + side];
  }

  /** Members of the tree in preorder (a parent before its children, each subtree contiguous). */
  public int[] preorder() {
    return preorder;
  }

  /** Position of m in {@link #preorder()}, or {@link #NONE} when m is not in the tree. */
  public int at(int m) {
    return at[m];
  }

  /** Members in m's subtree, m included (0 when m is not in the tree). */
  public int size(int m) {
    return size[m];
  }

  /** True when c is d or below d in the tree. */
  public boolean contains(int d, int c) {
    int a = at[d];
    int b = at[c];
    return a != NONE && b != NONE && b >= a && b < a + size[d];
  }

  /** The side of d whose leg holds c, or {@link #NONE} (c is d, not below d, or not placed). */
  public int legOf(int d, int c) {
    for (int s = 0; s < 2; s++) {
      int h = child[2 * d + s];
      if (h != NONE && contains(h, c)) return s;
    }
    return NONE;
  }

  /**
   * Per member and side ({@code 2 x m + side}): the sum of {@code perMember} over that leg, in
   * one pass of prefix sums over the preorder.
   */
  public long[] legSums(long[] perMember) {
    int count = preorder.length;
    long[] prefix = new long[count + 1];
    for (int k = 0; k < count; k++) prefix[k + 1] = Math.addExact(prefix[k], perMember[preorder[k]]);
    long[] out = new long[child.length];
    for (int k = 0; k < count; k++) {
      int m = preorder[k];
      for (int s = 0; s < 2; s++) {
        int h = child[2 * m + s];
        if (h != NONE) out[2 * m + s] = prefix[at[h] + size[h]] - prefix[at[h]];
      }
    }
    return out;
  }
}
