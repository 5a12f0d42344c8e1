package org.downline.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.downline.core.InputErrors;
import org.downline.core.InvalidInputException;

/**
 * Builds a {@link Network} from member rows that may arrive in any order (a recruit before their
 * sponsor), checking every rule of the sponsor tree: unique ids, known sponsors, no cycles, a
 * distributor's sponsor is a distributor, a customer always has a sponsor. Every broken rule is
 * reported with file, line and column; a network is returned only when there is none.
 */
public final class NetworkBuilder {
  private final String file;
  private final List<MemberRow> rows;

  public NetworkBuilder(String file) {
    this(file, 1024);
  }

  public NetworkBuilder(String file, int expectedSize) {
    this.file = file;
    this.rows = new ArrayList<>(expectedSize);
  }

  public NetworkBuilder add(MemberRow row) {
    rows.add(row);
    return this;
  }

  /** Adds every member of an existing network (e.g. what the database already holds). */
  public NetworkBuilder addAll(Network existing) {
    for (int i = 0; i < existing.size(); i++) {
      int s = existing.sponsor(i);
      int p = existing.placement(i);
      rows.add(
          new MemberRow(
              0,
              existing.id(i),
              s == Network.NONE ? null : existing.id(s),
              existing.kind(i),
              existing.isPreferred(i),
              existing.joinDay(i),
              existing.status(i),
              existing.statusDay(i),
              p == Network.NONE ? null : existing.id(p),
              existing.placementPosition(i)));
    }
    return this;
  }

  public int size() {
    return rows.size();
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
    int n = rows.size();
    Map<String, Integer> rowById = HashMap.newHashMap(n);
    for (int r = 0; r < n; r++) {
      MemberRow row = rows.get(r);
      Integer previous = rowById.putIfAbsent(row.id(), r);
      if (previous != null) {
        errors.add(file, row.line(), "id",
            "duplicate member id '" + row.id() + "' (first seen on line " + rows.get(previous).line() + ")");
      }
    }
    int[] sponsorRow = new int[n];
    int[] placementRow = new int[n];
    for (int r = 0; r < n; r++) {
      MemberRow row = rows.get(r);
      sponsorRow[r] = Network.NONE;
      placementRow[r] = Network.NONE;
      if (row.sponsorId() == null) {
        if (row.kind() == MemberKind.CUSTOMER) {
          errors.add(file, row.line(), "sponsor_id", "customer '" + row.id() + "' has no sponsor");
        }
      } else {
        Integer s = rowById.get(row.sponsorId());
        if (s == null) {
          errors.add(file, row.line(), "sponsor_id", "unknown sponsor '" + row.sponsorId() + "'");
        } else {
          sponsorRow[r] = s;
          if (row.kind() == MemberKind.DISTRIBUTOR && rows.get(s).kind() != MemberKind.DISTRIBUTOR) {
            errors.add(file, row.line(), "sponsor_id",
                "distributor '" + row.id() + "' has customer '" + row.sponsorId() + "' as sponsor; a distributor's sponsor must be a distributor");
          }
        }
      }
      if (row.placementId() != null) {
        Integer p = rowById.get(row.placementId());
        if (p == null) {
          errors.add(file, row.line(), "placement_id", "unknown placement parent '" + row.placementId() + "'");
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

    String[] ids = new String[n];
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
    Map<String, Integer> indexById = HashMap.newHashMap(n);
    for (int i = 0; i < n; i++) {
      int r = order[i];
      MemberRow row = rows.get(r);
      ids[i] = row.id();
      sponsor[i] = sponsorRow[r] == Network.NONE ? Network.NONE : indexOfRow[sponsorRow[r]];
      kind[i] = (byte) row.kind().ordinal();
      preferred[i] = row.preferred();
      joinDay[i] = row.joinDay();
      status[i] = (byte) row.status().ordinal();
      statusDay[i] = row.statusDay();
      placement[i] = placementRow[r] == Network.NONE ? Network.NONE : indexOfRow[placementRow[r]];
      position[i] = row.placementPosition();
      depth[i] = sponsor[i] == Network.NONE ? 0 : depth[sponsor[i]] + 1;
      indexById.put(row.id(), i);
    }
    // Children of i start where the first member sponsored by i (or by a later member) sits.
    int next = 0;
    for (int i = 0; i < n; i++) {
      while (next < n && (sponsor[next] == Network.NONE || sponsor[next] < i)) next++;
      childStart[i] = next;
    }
    childStart[n] = n;
    return new Network(ids, sponsor, kind, preferred, joinDay, status, statusDay, placement, position,
        childStart, depth, indexById);
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
        for (int k = start; k < walk.size(); k++) chain.append(rows.get(walk.get(k)).id()).append(" -> ");
        chain.append(rows.get(m).id());
        for (int k = start; k < walk.size(); k++) {
          MemberRow row = rows.get(walk.get(k));
          errors.add(file, row.line(), "sponsor_id", "sponsor chain forms a cycle: " + chain);
        }
        for (int k = 0; k < start; k++) {
          MemberRow row = rows.get(walk.get(k));
          errors.add(file, row.line(), "sponsor_id", "sponsor chain of '" + row.id() + "' leads into a cycle");
        }
      } else {
        for (int w : walk) {
          MemberRow row = rows.get(w);
          errors.add(file, row.line(), "sponsor_id", "sponsor chain of '" + row.id() + "' leads into a cycle");
        }
      }
      for (int w : walk) state[w] = 2;
    }
  }
}
