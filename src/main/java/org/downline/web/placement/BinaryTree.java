package org.downline.web.placement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.downline.core.NotFoundException;
import org.downline.network.Network;
import org.downline.network.PlacementTree;
import org.downline.store.CommissionStore;
import org.downline.store.Database;
import org.downline.store.RunStore;
import org.downline.web.MemberDirectory;
import org.downline.web.Snapshot;
import org.downline.web.Visibility;
import org.downline.web.security.Account;
import org.springframework.stereotype.Component;

/**
 * The binary genealogy's data: one member of the placement tree and their two positions at a
 * time, each with the size of the leg below it (from the snapshot's placement tree) and the leg
 * figures of a stored run (carry in, new, returned, volume, paired, carry out). Opening a member
 * costs two positions and one keyed read of their legs, whatever the size of the tree.
 *
 * <p>Staff see the whole tree; a distributor their own placement organisation (which holds
 * spillover from their upline: those members show by id, their names only to their sponsors'
 * lines, as everywhere else).
 */
@Component
public class BinaryTree {
  private final MemberDirectory directory;
  private final CommissionStore commissions;
  private final RunStore runs;

  public BinaryTree(MemberDirectory directory, Database db) {
    this.directory = directory;
    this.commissions = new CommissionStore(db);
    this.runs = new RunStore(db);
  }

  /** One side's figures of a run (hundredths); all zero when the run has no row for it. */
  public record Leg(long carryIn, long added, long returned, long volume, long paired, long carryOut) {
    static final Leg ZERO = new Leg(0, 0, 0, 0, 0, 0);
  }

  /**
   * A position of the tree: a member ({@code id}), or a free position ({@code id} null) under
   * {@code parentId}. {@code side} is "left" or "right" (null for a root or the focus);
   * {@code leftSize} and {@code rightSize} count the members in each leg.
   */
  public record Node(String id, String name, String side, String parentId, int leftSize, int rightSize, Leg left,
      Leg right) {
    public boolean free() {
      return id == null;
    }

    public boolean hasChildren() {
      return below() > 0;
    }

    /** Members in both legs. */
    public int below() {
      return leftSize + rightSize;
    }
  }

  /** The run whose legs are shown: the one that counts for the period, else the newest run of any period. */
  public Optional<RunStore.RunRef> run(String period) {
    Optional<RunStore.RunRef> r = period == null ? Optional.empty() : runs.latest(period);
    return r.isPresent() ? r : runs.latest(null);
  }

  /** The top the account may see: NONE for staff; the distributor's own member, who must be placed. */
  public static int top(Account account, Snapshot s) {
    return Visibility.root(account, s);
  }

  /** The member's index when the account may see it in the placement tree, else a 404 refusal. */
  public static int member(Account account, Snapshot s, String id) {
    Network net = s.network();
    int m = id == null ? Network.NONE : net.indexOf(id);
    PlacementTree tree = net.placementTree();
    int top = top(account, s);
    boolean visible = m != Network.NONE && tree.inTree(m) && (top == Network.NONE || tree.contains(top, m));
    if (!visible) {
      throw new NotFoundException(account.isAdmin() ? "no placed member '" + id + "'" : "no member '" + id + "' in your placement organisation");
    }
    return m;
  }

  /** The tree's roots (distributors without a sponsor), at most {@code max}. */
  public List<Node> roots(Account account, Snapshot s, Long runId, int max) {
    Network net = s.network();
    List<Integer> roots = new ArrayList<>();
    for (int m = 0; m < net.size() && net.sponsor(m) == Network.NONE && roots.size() < max; m++) {
      if (net.isDistributor(m)) roots.add(m);
    }
    return nodes(account, s, roots, new ArrayList<>(java.util.Collections.nCopies(roots.size(), (String) null)), runId);
  }

  public Node node(Account account, Snapshot s, int m, Long runId) {
    return nodes(account, s, List.of(m), java.util.Collections.singletonList(null), runId).get(0);
  }

  /** The two positions under m, left then right; a free one has no id. */
  public List<Node> children(Account account, Snapshot s, int m, Long runId) {
    PlacementTree tree = s.network().placementTree();
    List<Integer> members = new ArrayList<>();
    List<String> sides = new ArrayList<>();
    for (int side = PlacementTree.LEFT; side <= PlacementTree.RIGHT; side++) {
      members.add(tree.child(m, side));
      sides.add(PlacementTree.sideName(side));
    }
    List<Node> out = nodes(account, s, members, sides, runId);
    for (int k = 0; k < out.size(); k++) {
      if (members.get(k) == Network.NONE) out.set(k, new Node(null, null, sides.get(k), s.network().id(m), 0, 0, Leg.ZERO, Leg.ZERO));
    }
    return out;
  }

  /** The placement chain above m, top first, cut at {@code top} and at the {@code max} nearest. */
  public List<String> path(Snapshot s, int m, int top, int max) {
    Network net = s.network();
    List<String> up = new ArrayList<>();
    int p = m == top ? Network.NONE : net.placement(m);
    // A root's placement is NONE: the chain ends at the tree's top.
    while (p != Network.NONE && up.size() < max) {
      up.add(net.id(p));
      if (p == top) break;
      p = net.placement(p);
    }
    return up.reversed();
  }

  private List<Node> nodes(Account account, Snapshot s, List<Integer> members, List<String> sides, Long runId) {
    Network net = s.network();
    PlacementTree tree = net.placementTree();
    List<String> ids = new ArrayList<>();
    for (int m : members) if (m != Network.NONE) ids.add(net.id(m));
    Map<String, String> names = directory.names(ids);
    Map<String, Leg[]> legs = new HashMap<>();
    if (runId != null) {
      for (CommissionStore.LegRow r : commissions.legs(runId, ids)) {
        legs.computeIfAbsent(r.memberId(), k -> new Leg[] {Leg.ZERO, Leg.ZERO})["left".equals(r.side()) ? 0 : 1] =
            new Leg(r.carryIn(), r.added(), r.returned(), r.volume(), r.paired(), r.carryOut());
      }
    }
    List<Node> out = new ArrayList<>();
    for (int k = 0; k < members.size(); k++) {
      int m = members.get(k);
      if (m == Network.NONE) {
        out.add(null);
        continue;
      }
      String id = net.id(m);
      Leg[] l = legs.getOrDefault(id, new Leg[] {Leg.ZERO, Leg.ZERO});
      int lc = tree.child(m, PlacementTree.LEFT);
      int rc = tree.child(m, PlacementTree.RIGHT);
      String name = Visibility.canSee(account, s, m) ? names.get(id) : null;
      out.add(new Node(id, name, sides.get(k), net.placement(m) == Network.NONE ? null : net.id(net.placement(m)),
          lc == Network.NONE ? 0 : tree.size(lc), rc == Network.NONE ? 0 : tree.size(rc), l[0], l[1]));
    }
    return out;
  }
}
