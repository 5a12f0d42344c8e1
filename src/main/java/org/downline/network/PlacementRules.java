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

  /** Why a placement is refused: each is one rule, named so that a page can say it in the reader's language. */
  public enum Reason {
    NO_RECRUIT, NO_PARENT, NOT_SPONSOR, NOT_WAITING, PLACED_ALREADY, NO_SIDE, PARENT_NOT_PLACED, TAKEN, OUTSIDE;

    /** The reason as a message key suffix: {@code TAKEN} is "taken", {@code PARENT_NOT_PLACED} is "parentNotPlaced". */
    public String code() {
      String[] words = name().toLowerCase(java.util.Locale.ROOT).split("_");
      StringBuilder b = new StringBuilder(words[0]);
      for (int i = 1; i < words.length; i++) b.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
      return b.toString();
    }
  }

  /**
   * A refused placement: the reason, the ids it names ({@code recruit}, {@code parent}, and
   * {@code other}: the member on the taken position or the sponsor, else null) and the English
   * message the API and the CLI give.
   */
  public record Problem(Reason reason, String recruit, String parent, String other, String message) {
    /** The refusal to throw: not found (404), not allowed (403), or conflict (409). */
    public RuntimeException refusal() {
      return switch (reason) {
        case NO_RECRUIT, NO_PARENT -> new NotFoundException(message);
        case NOT_SPONSOR -> new NotAllowedException(message);
        default -> new ConflictException(message);
      };
    }
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
    Problem p = problem(net, actor, recruitId, parentId, side);
    if (p != null) throw p.refusal();
  }

  /** The first rule the placement breaks, in the order {@link #check} applies them, or null when it may be made. */
  public static Problem problem(Network net, int actor, String recruitId, String parentId, int side) {
    int recruit = net.indexOf(recruitId);
    if (recruit == Network.NONE) return new Problem(Reason.NO_RECRUIT, recruitId, parentId, null, "no member '" + recruitId + "'");
    int parent = net.indexOf(parentId);
    if (parent == Network.NONE) {
      return new Problem(Reason.NO_PARENT, recruitId, parentId, null, "no member '" + parentId + "' to place under");
    }
    int sponsor = net.sponsor(recruit);
    if (actor != Network.NONE && actor != sponsor) {
      return new Problem(Reason.NOT_SPONSOR, recruitId, parentId, null,
          "only staff or '" + recruitId + "''s sponsor may place '" + recruitId + "'");
    }
    PlacementTree tree = net.placementTree();
    if (!net.isDistributor(recruit) || sponsor == Network.NONE) {
      return new Problem(Reason.NOT_WAITING, recruitId, parentId, null,
          "'" + recruitId + "' is not a recruit waiting to be placed (customers and roots are never placed)");
    }
    if (tree.inTree(recruit)) return new Problem(Reason.PLACED_ALREADY, recruitId, parentId, null, "'" + recruitId + "' is placed already");
    if (side != PlacementTree.LEFT && side != PlacementTree.RIGHT) {
      return new Problem(Reason.NO_SIDE, recruitId, parentId, null, "a position is left or right");
    }
    if (!tree.inTree(parent)) {
      return new Problem(Reason.PARENT_NOT_PLACED, recruitId, parentId, null,
          "'" + parentId + "' is not placed itself (a placement parent is a root or a placed distributor)");
    }
    int taken = tree.child(parent, side);
    if (taken != Network.NONE) {
      return new Problem(Reason.TAKEN, recruitId, parentId, net.id(taken), "position " + PlacementTree.sideName(side)
          + " under '" + parentId + "' is already taken by '" + net.id(taken) + "'");
    }
    if (!tree.contains(sponsor, parent)) {
      return new Problem(Reason.OUTSIDE, recruitId, parentId, net.id(sponsor), "'" + parentId
          + "' is outside the placement organisation of sponsor '" + net.id(sponsor)
          + "' (place a recruit under the sponsor or someone placed below them)");
    }
    return null;
  }
}
