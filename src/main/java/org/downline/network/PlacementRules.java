package org.downline.network;

import java.util.ArrayList;
import java.util.List;
import org.downline.core.ConflictException;
import org.downline.core.NotAllowedException;
import org.downline.core.NotFoundException;

/**
 * Placing one distributor from the holding tank, checked against the current network: the same
 * rules {@link NetworkBuilder} applies to a members file, for one recruit at a time (the web app's
 * placement, the API's). Who may place: staff, or the recruit's sponsor.
 */
public final class PlacementRules {
  private PlacementRules() {}

  /** The distributors waiting in the holding tank, in index order; only {@code sponsor}'s recruits when it is not NONE. */
  public static List<Integer> holdingTank(Network net, int sponsor) {
    PlacementTree tree = net.placementTree();
    List<Integer> out = new ArrayList<>();
    if (sponsor != Network.NONE) {
      for (int c = net.childStart(sponsor); c < net.childEnd(sponsor); c++) if (waits(net, tree, c)) out.add(c);
      return out;
    }
    for (int m = 0; m < net.size(); m++) if (waits(net, tree, m)) out.add(m);
    return out;
  }

  private static boolean waits(Network net, PlacementTree tree, int m) {
    return net.isDistributor(m) && net.sponsor(m) != Network.NONE && !tree.inTree(m);
  }

  /**
   * Checks that {@code recruit} may be placed at ({@code parent}, {@code side}) by {@code actor}
   * (a member index, or NONE for staff).
   *
   * @throws NotFoundException when the recruit or the parent is not a member
   * @throws NotAllowedException when the actor is a distributor who is not the recruit's sponsor
   * @throws ConflictException when the recruit is placed already, the position is taken, or the
   *     parent is outside the sponsor's placement organisation
   */
  public static void check(Network net, int actor, String recruitId, String parentId, int side) {
    int recruit = net.indexOf(recruitId);
    if (recruit == Network.NONE) throw new NotFoundException("no member '" + recruitId + "'");
    int parent = net.indexOf(parentId);
    if (parent == Network.NONE) throw new NotFoundException("no member '" + parentId + "' to place under");
    int sponsor = net.sponsor(recruit);
    if (actor != Network.NONE && actor != sponsor) {
      throw new NotAllowedException("only staff or '" + recruitId + "''s sponsor may place '" + recruitId + "'");
    }
    PlacementTree tree = net.placementTree();
    if (!net.isDistributor(recruit) || sponsor == Network.NONE) {
      throw new ConflictException("'" + recruitId + "' is not a recruit waiting to be placed (customers and roots are never placed)");
    }
    if (tree.inTree(recruit)) throw new ConflictException("'" + recruitId + "' is placed already");
    if (side != PlacementTree.LEFT && side != PlacementTree.RIGHT) throw new ConflictException("a position is left or right");
    if (!tree.inTree(parent)) {
      throw new ConflictException("'" + parentId + "' is not placed itself (a placement parent is a root or a placed distributor)");
    }
    int taken = tree.child(parent, side);
    if (taken != Network.NONE) {
      throw new ConflictException("position " + PlacementTree.sideName(side) + " under '" + parentId + "' is already taken by '"
          + net.id(taken) + "'");
    }
    if (!tree.contains(sponsor, parent)) {
      throw new ConflictException("'" + parentId + "' is outside the placement organisation of sponsor '" + net.id(sponsor)
          + "' (place a recruit under the sponsor or someone placed below them)");
    }
  }
}
