package org.downline.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.downline.core.InputErrors;
import org.downline.core.InvalidInputException;
import org.downline.core.Reason;

/**
 * Builds a {@link Network} from member rows that may arrive in any order (a recruit before their
 * sponsor), checking every rule of the sponsor tree: unique ids, known sponsors, no cycles, a
 * distributor's sponsor is a distributor, a customer always has a sponsor. Every broken rule is
 * reported with file, line and column; a network is returned only when there is none.
 */
public final class NetworkBuilder {
  private final String file;
  // Rows kept in columns as they arrive (not MemberRow objects): at 10 million members the objects
  // and their list cost more than the finished network.
  private int n;
  private long[] line;
  private String[] ids;
  private String[] sponsorIds;
  private String[] placementIds;
  private byte[] kinds;
  private boolean[] preferreds;
  private int[] joinDays;
  private byte[] statuses;
  private int[] statusDays;
  private int[] positions;

  public NetworkBuilder(String file) {
    this(file, 1024);
  }

  public NetworkBuilder(String file, int expectedSize) {
    this.file = file;
    int c = Math.max(16, expectedSize);
    line = new long[c];
    ids = new String[c];
    sponsorIds = new String[c];
    placementIds = new String[c];
    kinds = new byte[c];
    preferreds = new boolean[c];
    joinDays = new int[c];
    statuses = new byte[c];
    statusDays = new int[c];
    positions = new int[c];
  }

  public NetworkBuilder add(MemberRow row) {
    return add(row.line(), row.id(), row.sponsorId(), row.kind(), row.preferred(), row.joinDay(), row.status(),
        row.statusDay(), row.placementId(), row.placementPosition());
  }

  /** The same as {@link #add(MemberRow)} without the row object (bulk loaders). */
  public NetworkBuilder add(long line, String id, String sponsorId, MemberKind kind, boolean preferred, int joinDay,
      MemberStatus status, int statusDay, String placementId, int placementPosition) {
    if (n == ids.length) grow();
    this.line[n] = line;
    ids[n] = id;
    sponsorIds[n] = sponsorId;
    placementIds[n] = placementId;
    kinds[n] = (byte) kind.ordinal();
    preferreds[n] = preferred;
    joinDays[n] = joinDay;
    statuses[n] = (byte) status.ordinal();
    statusDays[n] = statusDay;
    positions[n] = placementPosition;
    n++;
    return this;
  }

  private void grow() {
    int c = ids.length * 2;
    line = Arrays.copyOf(line, c);
    ids = Arrays.copyOf(ids, c);
    sponsorIds = Arrays.copyOf(sponsorIds, c);
    placementIds = Arrays.copyOf(placementIds, c);
    kinds = Arrays.copyOf(kinds, c);
    preferreds = Arrays.copyOf(preferreds, c);
    joinDays = Arrays.copyOf(joinDays, c);
    statuses = Arrays.copyOf(statuses, c);
    statusDays = Arrays.copyOf(statusDays, c);
    positions = Arrays.copyOf(positions, c);
  }

  /** Adds every member of an existing network (e.g. what the database already holds). */
  public NetworkBuilder addAll(Network existing) {
    return addAllExcept(existing, java.util.Set.of());
  }

  /** Adds every member of an existing network but those whose ids are in {@code replaced} (their new rows come apart). */
  public NetworkBuilder addAllExcept(Network existing, java.util.Set<String> replaced) {
    for (int i = 0; i < existing.size(); i++) {
      if (!replaced.isEmpty() && replaced.contains(existing.id(i))) continue;
      int s = existing.sponsor(i);
      int p = existing.placement(i);
      add(0, existing.id(i), s == Network.NONE ? null : existing.id(s), existing.kind(i), existing.isPreferred(i),
          existing.joinDay(i), existing.status(i), existing.statusDay(i), p == Network.NONE ? null : existing.id(p),
          existing.placementPosition(i));
    }
    return this;
  }

  public int size() {
    return n;
  }

  /**
   * Checks and builds.
   *
   * @throws InvalidInputException naming every bad row (up to the limit)
   */
  public Network build() {
    InputErrors errors = new InputErrors();
    Network network = build(errors);
    errors.throwIfAny();
    return network;
  }

  /** Checks and builds, adding problems to {@code errors}; returns null when there were any. */
  public Network build(InputErrors errors) {
    IdIndex rowById = new IdIndex(ids, n);
    for (int r = 0; r < n; r++) {
      int previous = rowById.putIfAbsent(r);
      if (previous != IdIndex.NONE) {
        errors.add(file, line[r], "id", Reason.of("duplicateMember", ids[r], line[previous]));
      }
    }
    int[] sponsorRow = new int[n];
    int[] placementRow = new int[n];
    for (int r = 0; r < n; r++) {
      sponsorRow[r] = Network.NONE;
      placementRow[r] = Network.NONE;
      if (sponsorIds[r] == null) {
        if (kinds[r] == Network.CUSTOMER) {
          errors.add(file, line[r], "sponsor_id", Reason.of("customerWithoutSponsor", ids[r]));
        }
      } else {
        int s = rowById.get(sponsorIds[r]);
        if (s == IdIndex.NONE) {
          errors.add(file, line[r], "sponsor_id", Reason.of("unknownSponsor", sponsorIds[r]));
        } else {
          sponsorRow[r] = s;
          if (kinds[r] == Network.DISTRIBUTOR && kinds[s] != Network.DISTRIBUTOR) {
            errors.add(file, line[r], "sponsor_id", Reason.of("customerSponsor", ids[r], sponsorIds[r]));
          }
        }
      }
      if (placementIds[r] != null) {
        int p = rowById.get(placementIds[r]);
        if (p == IdIndex.NONE) {
          errors.add(file, line[r], "placement_id", Reason.of("unknownPlacementParent", placementIds[r]));
        } else {
          placementRow[r] = p;
        }
      }
    }
    if (!errors.isEmpty()) return null;

    // Breadth-first from the roots: parents get smaller indexes and siblings end up contiguous.
    int[] childCount = new int[n];
    for (int r = 0; r < n; r++) if (sponsorRow[r] != Network.NONE) childCount[sponsorRow[r]]++;
    int[] childOffset = new int[n + 1];
    for (int r = 0; r < n; r++) childOffset[r + 1] = childOffset[r] + childCount[r];
    int[] childRows = new int[childOffset[n]];
    int[] fill = Arrays.copyOf(childOffset, n);
    for (int r = 0; r < n; r++) if (sponsorRow[r] != Network.NONE) childRows[fill[sponsorRow[r]]++] = r;

    int[] order = new int[n]; // order[index] = row
    int[] indexOfRow = new int[n];
    Arrays.fill(indexOfRow, Network.NONE);
    int tail = 0;
    for (int r = 0; r < n; r++) {
      if (sponsorRow[r] == Network.NONE) {
        indexOfRow[r] = tail;
        order[tail++] = r;
      }
    }
    for (int head = 0; head < tail; head++) {
      int r = order[head];
      for (int c = childOffset[r]; c < childOffset[r + 1]; c++) {
        int child = childRows[c];
        indexOfRow[child] = tail;
        order[tail++] = child;
      }
    }
    if (tail < n) {
      reportCycles(sponsorRow, indexOfRow, errors);
      return null;
    }

    String[] outIds = new String[n];
    int[] sponsor = new int[n];
    byte[] kind = new byte[n];
    boolean[] preferred = new boolean[n];
    int[] joinDay = new int[n];
    byte[] status = new byte[n];
    int[] statusDay = new int[n];
    int[] placement = new int[n];
    int[] position = new int[n];
    int[] childStart = new int[n + 1];
    int[] depth = new int[n];
    for (int i = 0; i < n; i++) {
      int r = order[i];
      outIds[i] = ids[r];
      sponsor[i] = sponsorRow[r] == Network.NONE ? Network.NONE : indexOfRow[sponsorRow[r]];
      kind[i] = kinds[r];
      preferred[i] = preferreds[r];
      joinDay[i] = joinDays[r];
      status[i] = statuses[r];
      statusDay[i] = statusDays[r];
      placement[i] = placementRow[r] == Network.NONE ? Network.NONE : indexOfRow[placementRow[r]];
      position[i] = positions[r];
      depth[i] = sponsor[i] == Network.NONE ? 0 : depth[sponsor[i]] + 1;
    }
    // The row index becomes the network's: same slots, renumbered from rows to breadth-first indexes.
    IdIndex indexById = rowById.renumbered(outIds, indexOfRow);
    // Children of i start where the first member sponsored by i (or by a later member) sits.
    int next = 0;
    for (int i = 0; i < n; i++) {
      while (next < n && (sponsor[next] == Network.NONE || sponsor[next] < i)) next++;
      childStart[i] = next;
    }
    childStart[n] = n;
    Network network = new Network(outIds, sponsor, kind, preferred, joinDay, status, statusDay, placement, position,
        childStart, depth, indexById);
    PlacementTree tree = checkPlacement(network, order, errors);
    if (tree == null) return null;
    network.placementTree(tree);
    return network;
  }

  /**
   * The placement rules of a binary plan, on the built sponsor tree (indexes; {@code order} maps an
   * index to its row for the line): a distributor with a sponsor has a placement parent and a
   * position or neither (the holding tank); roots and customers have neither; a parent is a root
   * or placed; no two on one position; the placement links reach a root (no cycle); and the
   * parent lies inside the sponsor's placement organisation (or is the sponsor). Returns the tree,
   * or null after adding every problem to {@code errors}.
   */
  private PlacementTree checkPlacement(Network net, int[] order, InputErrors errors) {
    int count = net.size();
    int[] sponsor = net.sponsors();
    byte[] kind = net.kinds();
    int[] child = new int[2 * count];
    Arrays.fill(child, Network.NONE);
    boolean bad = false;
    for (int i = 0; i < count; i++) {
      int p = net.placement(i);
      int side = net.placementPosition(i);
      long ln = line[order[i]];
      if (p == Network.NONE && side < 0) continue;
      if (kind[i] != Network.DISTRIBUTOR) {
        errors.add(file, ln, p != Network.NONE ? "placement_id" : "position",
            Reason.of("customerPlaced", net.id(i)));
        bad = true;
      } else if (sponsor[i] == Network.NONE) {
        errors.add(file, ln, p != Network.NONE ? "placement_id" : "position",
            Reason.of("rootPlaced", net.id(i)));
        bad = true;
      } else if (p == Network.NONE || side < 0) {
        errors.add(file, ln, p == Network.NONE ? "placement_id" : "position",
            Reason.of("placementHalf"));
        bad = true;
      } else if (kind[p] != Network.DISTRIBUTOR || (sponsor[p] != Network.NONE && net.placement(p) == Network.NONE)) {
        errors.add(file, ln, "placement_id", Reason.of("parentNotPlaced", net.id(p)));
        bad = true;
      } else if (child[2 * p + side] != Network.NONE) {
        int other = child[2 * p + side];
        long otherLine = line[order[other]];
        errors.add(file, ln, "position", otherLine > 0
            ? Reason.of("positionTakenOnLine", PlacementTree.sideName(side), net.id(p), net.id(other), otherLine)
            : Reason.of("positionTaken", PlacementTree.sideName(side), net.id(p), net.id(other)));
        bad = true;
      } else {
        child[2 * p + side] = i;
      }
    }
    if (bad) return null;
    PlacementTree tree = PlacementTree.of(child, sponsor, kind);
    for (int i = 0; i < count; i++) {
      int p = net.placement(i);
      if (p == Network.NONE) continue;
      if (!tree.inTree(i)) {
        errors.add(file, line[order[i]], "placement_id",
            Reason.of("placementCycle", net.id(i), net.id(p)));
        bad = true;
      } else if (!tree.contains(sponsor[i], p)) {
        errors.add(file, line[order[i]], "placement_id", Reason.of("parentOutside", net.id(p), net.id(sponsor[i])));
        bad = true;
      }
    }
    return bad ? null : tree;
  }

  private void reportCycles(int[] sponsorRow, int[] indexOfRow, InputErrors errors) {
    int n = sponsorRow.length;
    byte[] state = new byte[n]; // 0 unseen, 1 on current walk, 2 done
    for (int r = 0; r < n; r++) {
      if (indexOfRow[r] != Network.NONE || state[r] != 0) continue;
      List<Integer> walk = new ArrayList<>();
      int m = r;
      while (m != Network.NONE && state[m] == 0 && indexOfRow[m] == Network.NONE) {
        state[m] = 1;
        walk.add(m);
        m = sponsorRow[m];
      }
      if (m != Network.NONE && state[m] == 1) {
        int start = walk.indexOf(m);
        StringBuilder chain = new StringBuilder();
        for (int k = start; k < walk.size(); k++) chain.append(ids[walk.get(k)]).append(" -> ");
        chain.append(ids[m]);
        for (int k = start; k < walk.size(); k++) {
          errors.add(file, line[walk.get(k)], "sponsor_id", Reason.of("sponsorCycle", chain));
        }
        for (int k = 0; k < start; k++) {
          int w = walk.get(k);
          errors.add(file, line[w], "sponsor_id", Reason.of("intoCycle", ids[w]));
        }
      } else {
        for (int w : walk) {
          errors.add(file, line[w], "sponsor_id", Reason.of("intoCycle", ids[w]));
        }
      }
      for (int w : walk) state[w] = 2;
    }
  }
}
