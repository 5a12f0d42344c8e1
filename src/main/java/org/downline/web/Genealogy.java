package org.downline.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.downline.network.Network;
import org.downline.network.Subtrees;
import org.springframework.stereotype.Component;

/**
 * The genealogy explorer's data: one member and one level of their recruits at a time, each with
 * subtree counts and the period's PV and GV read from the snapshot's precomputed arrays. The cost
 * of opening a member is the size of the page of children shown, whatever the size of the subtree.
 */
@Component
public final class Genealogy {
  /** Recruits shown per request; more come on demand. */
  public static final int CHILDREN_PAGE = 50;

  private final MemberDirectory directory;

  public Genealogy(MemberDirectory directory) {
    this.directory = directory;
  }

  /** A member as a node of the explorer. Amounts are hundredths. */
  public record Node(String id, String name, String kind, String status, int joinDay, int depth, int subtreeSize,
      int subtreeDistributors, int children, long pv, long gv) {
    public boolean hasChildren() {
      return children > 0;
    }

    public boolean isDistributor() {
      return "distributor".equals(kind);
    }
  }

  /** A page of a member's recruits and where the next page starts (-1 when none). */
  public record Children(String parentId, List<Node> nodes, int nextOffset, int total) {}

  public Node node(Snapshot s, int member, int period) {
    return nodes(s, new int[] {member}, period).get(0);
  }

  public Children children(Snapshot s, int member, int period, int offset) {
    Network n = s.network();
    int start = n.childStart(member) + Math.max(0, offset);
    int end = Math.min(n.childEnd(member), start + CHILDREN_PAGE);
    int[] ids = new int[Math.max(0, end - start)];
    for (int c = start; c < end; c++) ids[c - start] = c;
    int total = n.childEnd(member) - n.childStart(member);
    int next = end < n.childEnd(member) ? offset + CHILDREN_PAGE : -1;
    return new Children(n.id(member), nodes(s, ids, period), next, total);
  }

  /** The sponsor chain above a member, top first, cut at {@code top} (the account's own root, or none). */
  public List<Node> path(Snapshot s, int member, int top, int period) {
    int[] chain = Subtrees.pathFromTop(s.network(), member);
    int from = 0;
    if (top != Network.NONE) {
      while (from < chain.length && chain[from] != top) from++;
    }
    return nodes(s, java.util.Arrays.copyOfRange(chain, Math.min(from, chain.length), chain.length), period);
  }

  public List<Node> nodes(Snapshot s, int[] members, int period) {
    Network n = s.network();
    Snapshot.PeriodVolumes v = s.volumes(period);
    List<String> ids = new ArrayList<>(members.length);
    for (int m : members) ids.add(n.id(m));
    Map<String, String> names = directory.names(ids);
    List<Node> out = new ArrayList<>(members.length);
    for (int m : members) {
      out.add(new Node(n.id(m), names.get(n.id(m)), n.kind(m).code(), n.status(m).code(), n.joinDay(m),
          n.depths()[m], s.subtreeSize(m), s.subtreeDistributors(m), n.childEnd(m) - n.childStart(m),
          v.pv()[m], v.gv()[m]));
    }
    return out;
  }
}
