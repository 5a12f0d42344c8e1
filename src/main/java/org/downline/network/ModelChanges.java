package org.downline.network;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A company's model (its network and order book) with changes applied: members added or replacing
 * theirs (a status, a placement), orders added (those the book holds already are skipped; sales before
 * returns, so a return finds its sale in the same batch). Built from
 * the arrays through the same builders and rules as a load, so the result is a fresh load's: what a
 * server does with another server's writes, and a command with the change log after a stored model.
 */
public final class ModelChanges {
  private ModelChanges() {}

  /** {@code source} names where the changes came from in a builder's refusal (a bug: they were checked when stored). */
  public static ModelColumns.Model apply(Network network, OrderBook book, List<MemberRow> members, List<OrderRow> orders,
      String source) {
    Network net = network;
    if (!members.isEmpty()) {
      Set<String> replaced = new HashSet<>();
      for (MemberRow m : members) replaced.add(m.id());
      NetworkBuilder builder = new NetworkBuilder(source, network.size() + members.size()).addAllExcept(network, replaced);
      for (MemberRow m : members) builder.add(m);
      net = builder.build();
    }
    OrderBook next = book;
    List<OrderRow> fresh = new ArrayList<>(orders.stream().filter(o -> book.indexOf(o.id()) == OrderBook.NONE).toList());
    fresh.sort(Comparator.comparing(OrderRow::isReturn)); // stable: otherwise in the order given
    if (net != network || !fresh.isEmpty()) {
      OrderBookBuilder builder = new OrderBookBuilder(source, net, book.size() + fresh.size()).addAll(book, network);
      for (OrderRow o : fresh) builder.add(o);
      next = builder.build();
    }
    return new ModelColumns.Model(net, next);
  }
}
