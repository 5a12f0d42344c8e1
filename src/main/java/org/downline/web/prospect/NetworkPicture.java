package org.downline.web.prospect;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.downline.app.prospect.Relationships;

/**
 * The network page's view of a distributor's relationships (the figures are the use case's,
 * {@link Relationships#network}): the tables, which hold everyone, and the picture, which is capped
 * so that a phone can lay it out: at most {@link #DRAW_CONTACTS} contacts, those with the most ties
 * (recorded links plus communities), and at most {@link #DRAW_COMMUNITIES} communities, the largest.
 * Community membership is drawn as an edge to the community's node rather than as a link between
 * every pair of its members, so a community of 500 costs 500 edges, not 124,750.
 */
public final class NetworkPicture {
  public static final int DRAW_CONTACTS = 250;
  public static final int DRAW_COMMUNITIES = 60;

  /** A community with its figures and the weak ties into it (acquaintances in it, when it is dense). */
  public record CommunityLine(long id, String name, int members, int links, long densityBasisPoints, boolean dense,
      int weakTies) {}

  /** A contact of the table: whom they are recorded to know, and their communities. */
  public record ContactRow(long id, String name, String tie, List<String> knows, List<String> communities) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Node(String id, String label, String kind, String tie, Integer size) {}

  /** kind: link (two contacts know each other) or member (a contact in a community). */
  public record Edge(String source, String target, String kind) {}

  public record Graph(List<Node> nodes, List<Edge> edges, int contacts, int drawnContacts) {}

  private final int contacts;
  private final int links;
  private final int weakTies;
  private final List<CommunityLine> communities;
  private final List<ContactRow> rows;
  private final Graph graph;

  private NetworkPicture(int contacts, int links, int weakTies, List<CommunityLine> communities, List<ContactRow> rows,
      Graph graph) {
    this.contacts = contacts;
    this.links = links;
    this.weakTies = weakTies;
    this.communities = communities;
    this.rows = rows;
    this.graph = graph;
  }

  public static NetworkPicture of(Relationships.NetworkView v) {
    Map<Long, String> names = new HashMap<>();
    Map<Long, List<Long>> linked = new HashMap<>();
    for (Relationships.Node n : v.nodes()) names.put(n.contactId(), n.name());
    for (Relationships.Link l : v.links()) {
      linked.computeIfAbsent(l.a(), k -> new ArrayList<>()).add(l.b());
      linked.computeIfAbsent(l.b(), k -> new ArrayList<>()).add(l.a());
    }
    Map<Long, String> communityNames = new HashMap<>();
    Map<Long, Relationships.CommunityFigure> figures = new HashMap<>();
    for (Relationships.CommunityFigure c : v.communities()) {
      communityNames.put(c.id(), c.name());
      figures.put(c.id(), c);
    }
    Map<Long, Integer> weakInto = new HashMap<>();
    List<ContactRow> rows = new ArrayList<>();
    for (Relationships.Node n : v.nodes()) {
      for (Long c : n.communities()) {
        Relationships.CommunityFigure f = figures.get(c);
        if (n.weakTieIntoDense() && f != null && f.dense()) weakInto.merge(c, 1, Integer::sum);
      }
      rows.add(new ContactRow(n.contactId(), n.name(), n.tie().code(),
          linked.getOrDefault(n.contactId(), List.of()).stream().map(names::get).sorted().toList(),
          n.communities().stream().map(communityNames::get).toList()));
    }
    List<CommunityLine> lines = new ArrayList<>();
    for (Relationships.CommunityFigure c : v.communities()) {
      lines.add(new CommunityLine(c.id(), c.name(), c.members(), c.links(), c.densityBasisPoints(), c.dense(),
          weakInto.getOrDefault(c.id(), 0)));
    }
    return new NetworkPicture(v.nodes().size(), v.links().size(), v.weakTiesIntoDense(), lines, rows,
        graph(v, linked));
  }

  private static Graph graph(Relationships.NetworkView v, Map<Long, List<Long>> linked) {
    List<Relationships.CommunityFigure> cs = new ArrayList<>(v.communities());
    cs.sort(Comparator.comparingInt(Relationships.CommunityFigure::members).reversed()
        .thenComparingLong(Relationships.CommunityFigure::id));
    Set<Long> drawnCommunities = new HashSet<>();
    for (int i = 0; i < Math.min(DRAW_COMMUNITIES, cs.size()); i++) drawnCommunities.add(cs.get(i).id());
    List<Relationships.Node> ns = new ArrayList<>(v.nodes());
    ns.sort(Comparator.comparingInt((Relationships.Node n) ->
        linked.getOrDefault(n.contactId(), List.of()).size() + n.communities().size()).reversed()
        .thenComparingLong(Relationships.Node::contactId));
    if (ns.size() > DRAW_CONTACTS) ns = ns.subList(0, DRAW_CONTACTS);
    Set<Long> drawn = new HashSet<>();
    List<Node> nodes = new ArrayList<>();
    List<Edge> edges = new ArrayList<>();
    for (Relationships.CommunityFigure c : cs) {
      if (drawnCommunities.contains(c.id())) nodes.add(new Node("g" + c.id(), c.name(), "community", null, c.members()));
    }
    for (Relationships.Node n : ns) {
      drawn.add(n.contactId());
      nodes.add(new Node("c" + n.contactId(), n.name(), "contact", n.tie().code(), null));
      for (Long c : n.communities()) {
        if (drawnCommunities.contains(c)) edges.add(new Edge("c" + n.contactId(), "g" + c, "member"));
      }
    }
    for (Relationships.Link l : v.links()) {
      if (drawn.contains(l.a()) && drawn.contains(l.b())) edges.add(new Edge("c" + l.a(), "c" + l.b(), "link"));
    }
    return new Graph(nodes, edges, v.nodes().size(), drawn.size());
  }

  public int contacts() {
    return contacts;
  }

  public int links() {
    return links;
  }

  public int weakTies() {
    return weakTies;
  }

  public List<CommunityLine> communities() {
    return communities;
  }

  public List<ContactRow> rows() {
    return rows;
  }

  public int drawn() {
    return graph.drawnContacts();
  }

  public Graph graph() {
    return graph;
  }
}
