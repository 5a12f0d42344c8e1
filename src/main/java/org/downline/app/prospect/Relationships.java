package org.downline.app.prospect;

import java.util.List;
import org.downline.prospect.Tie;
import org.downline.store.Database;

/**
 * Communities, who knows whom, and the relationship network's figures
 * ({@link org.downline.prospect.RelationshipNetwork}): each community's density and the weak ties
 * into dense communities. Scoped to the actor's own contacts and communities.
 */
public final class Relationships {
  private final Database db;

  public Relationships(Database db) {
    this.db = db;
  }

  public record Community(long id, String name, String kind, int members) {}

  public record Node(long contactId, String name, Tie tie, boolean prospect, boolean weakTieIntoDense, List<Long> communities) {}

  /** A recorded link; a < b. */
  public record Link(long a, long b) {}

  /** densityBasisPoints: 10000 = every pair of members linked. */
  public record CommunityFigure(long id, String name, String kind, int members, int links, long densityBasisPoints, boolean dense) {}

  /** The whole picture: contacts, recorded links, communities with their density, the weak-tie count. */
  public record NetworkView(List<Node> nodes, List<Link> links, List<CommunityFigure> communities, int weakTiesIntoDense) {}

  public Community createCommunity(Actor actor, String name, String kind) {
    throw new UnsupportedOperationException();
  }

  public List<Community> communities(Actor actor) {
    throw new UnsupportedOperationException();
  }

  public void addToCommunity(Actor actor, long communityId, long contactId) {
    throw new UnsupportedOperationException();
  }

  public void removeFromCommunity(Actor actor, long communityId, long contactId) {
    throw new UnsupportedOperationException();
  }

  /** Records that two of the distributor's contacts know each other (once, either order). */
  public void link(Actor actor, long contactA, long contactB) {
    throw new UnsupportedOperationException();
  }

  public void unlink(Actor actor, long contactA, long contactB) {
    throw new UnsupportedOperationException();
  }

  public NetworkView network(Actor actor) {
    throw new UnsupportedOperationException();
  }
}
