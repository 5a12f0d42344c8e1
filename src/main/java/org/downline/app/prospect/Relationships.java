package org.downline.app.prospect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.downline.core.NotFoundException;
import org.downline.prospect.RelationshipNetwork;
import org.downline.prospect.Tie;
import org.downline.store.ContactStore;
import org.downline.store.ContactStore.Community;
import org.downline.store.ContactStore.ContactRow;
import org.downline.store.Database;

/**
 * Communities, who knows whom, and the relationship network's figures
 * ({@link RelationshipNetwork}): each community's density and the weak ties into dense
 * communities. Scoped to the actor's own contacts and communities.
 */
public final class Relationships {
  private final Database db;

  public Relationships(Database db) {
    this.db = db;
  }

  public record Node(long contactId, String name, Tie tie, boolean prospect, boolean weakTieIntoDense, List<Long> communities) {}

  /** A recorded link; a < b. */
  public record Link(long a, long b) {}

  /** densityBasisPoints: 10000 = every pair of members linked. */
  public record CommunityFigure(long id, String name, String kind, int members, int links, long densityBasisPoints, boolean dense) {}

  /** The whole picture: contacts, recorded links, communities with their density, the weak-tie count. */
  public record NetworkView(List<Node> nodes, List<Link> links, List<CommunityFigure> communities, int weakTiesIntoDense) {}

  public Community createCommunity(Actor actor, String name, String kind) {
    String owner = actor.owner();
    String n = Texts.required("name", name, 200);
    String k = Texts.optional("kind", kind, 32);
    return db.inTransaction(c -> ContactStore.community(c, owner, ContactStore.insertCommunity(c, owner, n, k)));
  }

  public List<Community> communities(Actor actor) {
    String owner = actor.owner();
    return db.inTransaction(c -> ContactStore.communities(c, owner));
  }

  private static NotFoundException noCommunity(long id) {
    return Texts.notFound("noCommunity", id);
  }

  public void addToCommunity(Actor actor, long communityId, long contactId) {
    String owner = actor.owner();
    db.inTransaction(c -> {
      if (ContactStore.community(c, owner, communityId) == null) throw noCommunity(communityId);
      if (!ContactStore.exists(c, owner, contactId)) throw Texts.noContact(contactId);
      ContactStore.addMember(c, communityId, contactId);
      return null;
    });
  }

  public void removeFromCommunity(Actor actor, long communityId, long contactId) {
    String owner = actor.owner();
    db.inTransaction(c -> {
      if (ContactStore.community(c, owner, communityId) == null) throw noCommunity(communityId);
      if (!ContactStore.exists(c, owner, contactId)) throw Texts.noContact(contactId);
      ContactStore.removeMember(c, communityId, contactId);
      return null;
    });
  }

  /** Records that two of the distributor's contacts know each other (once, either order). */
  public void link(Actor actor, long contactA, long contactB) {
    String owner = actor.owner();
    if (contactA == contactB) throw Texts.parameter("contact", "linkItself");
    db.inTransaction(c -> {
      if (!ContactStore.exists(c, owner, contactA)) throw Texts.noContact(contactA);
      if (!ContactStore.exists(c, owner, contactB)) throw Texts.noContact(contactB);
      ContactStore.insertLink(c, owner, contactA, contactB);
      return null;
    });
  }

  public void unlink(Actor actor, long contactA, long contactB) {
    String owner = actor.owner();
    db.inTransaction(c -> {
      // Another distributor's contact is "not found" here too, not silently nothing to unlink.
      if (!ContactStore.exists(c, owner, contactA)) throw Texts.noContact(contactA);
      if (!ContactStore.exists(c, owner, contactB)) throw Texts.noContact(contactB);
      ContactStore.deleteLink(c, owner, contactA, contactB);
      return null;
    });
  }

  public NetworkView network(Actor actor) {
    String owner = actor.owner();
    return db.inTransaction(c -> {
      List<ContactRow> contacts = ContactStore.list(c, owner, null);
      List<Community> communities = ContactStore.communities(c, owner);
      List<long[]> links = ContactStore.links(c, owner);
      List<long[]> memberships = ContactStore.memberships(c, owner);
      Set<Long> prospects = ContactStore.prospectContacts(c, owner);
      Map<Long, Integer> index = new HashMap<>();
      Tie[] tie = new Tie[contacts.size()];
      for (int i = 0; i < contacts.size(); i++) {
        index.put(contacts.get(i).id(), i);
        tie[i] = contacts.get(i).tie();
      }
      int[] a = new int[links.size()];
      int[] b = new int[links.size()];
      for (int l = 0; l < links.size(); l++) {
        a[l] = index.get(links.get(l)[0]);
        b[l] = index.get(links.get(l)[1]);
      }
      Map<Long, Integer> communityIndex = new HashMap<>();
      for (int k = 0; k < communities.size(); k++) communityIndex.put(communities.get(k).id(), k);
      List<List<Integer>> members = new ArrayList<>();
      for (int k = 0; k < communities.size(); k++) members.add(new ArrayList<>());
      Map<Long, List<Long>> ofContact = new HashMap<>();
      for (long[] m : memberships) {
        members.get(communityIndex.get(m[0])).add(index.get(m[1]));
        ofContact.computeIfAbsent(m[1], k -> new ArrayList<>()).add(m[0]);
      }
      int[][] groups = new int[communities.size()][];
      for (int k = 0; k < groups.length; k++) groups[k] = members.get(k).stream().mapToInt(Integer::intValue).toArray();
      RelationshipNetwork net = new RelationshipNetwork(tie, a, b, groups);
      List<Node> nodes = new ArrayList<>();
      for (int i = 0; i < contacts.size(); i++) {
        ContactRow r = contacts.get(i);
        nodes.add(new Node(r.id(), r.name(), r.tie(), prospects.contains(r.id()), net.weakTieIntoDense(i),
            List.copyOf(ofContact.getOrDefault(r.id(), List.of()))));
      }
      List<Link> out = new ArrayList<>();
      for (long[] l : links) out.add(new Link(l[0], l[1]));
      List<CommunityFigure> figures = new ArrayList<>();
      for (int k = 0; k < communities.size(); k++) {
        Community m = communities.get(k);
        int linked = 0;
        int[] g = groups[k];
        for (int i = 0; i < g.length; i++) for (int j = i + 1; j < g.length; j++) if (net.linked(g[i], g[j])) linked++;
        figures.add(new CommunityFigure(m.id(), m.name(), m.kind(), g.length, linked, net.densityBasisPoints(k), net.dense(k)));
      }
      return new NetworkView(nodes, out, figures, net.weakTiesIntoDenseCommunities());
    });
  }
}
