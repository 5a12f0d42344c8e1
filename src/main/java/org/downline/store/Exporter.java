package org.downline.store;

import java.util.Map;
import org.downline.core.Progress;
import org.downline.generate.Autoship;
import org.downline.generate.Campaign;
import org.downline.generate.CompanySink;
import org.downline.network.MemberProfile;
import org.downline.network.MemberRow;
import org.downline.network.Network;
import org.downline.network.OrderBook;
import org.downline.network.OrderRow;

/**
 * Sends the stored company to a {@link CompanySink} (the CSV writer for {@code downline export}),
 * in the order an import needs: products, campaigns, members sponsors first, orders by date, then
 * autoships. What it writes imports back unchanged.
 */
public final class Exporter {
  private final CompanyStore store;
  private final Progress progress;

  public Exporter(Database db, Progress progress) {
    this.store = new CompanyStore(db);
    this.progress = progress;
  }

  /** Exports everything; returns {members, orders} counts. */
  public long[] export(CompanySink sink) {
    store.loadProducts().forEach(sink::product);
    for (Campaign c : store.loadCampaigns()) sink.campaign(c);
    Network network = store.loadNetwork(progress);
    Map<String, MemberProfile> profiles = store.loadProfiles();
    progress.start("writing members", network.size(), "members");
    for (int i = 0; i < network.size(); i++) {
      int s = network.sponsor(i);
      int p = network.placement(i);
      sink.member(new MemberRow(0, network.id(i), s == Network.NONE ? null : network.id(s), network.kind(i),
          network.isPreferred(i), network.joinDay(i), network.status(i), network.statusDay(i),
          p == Network.NONE ? null : network.id(p), network.placementPosition(i)), profiles.get(network.id(i)));
      if ((i & 0xFFFF) == 0) progress.update(i);
    }
    progress.finish();
    OrderBook book = store.loadOrders(network, progress);
    progress.start("writing orders", book.size(), "orders");
    for (int o = 0; o < book.size(); o++) {
      int sale = book.returnOf()[o];
      sink.order(new OrderRow(0, book.id(o), network.id(book.members()[o]), book.days()[o], book.pv()[o],
          book.cv()[o], book.totals()[o], sale == OrderBook.NONE ? null : book.id(sale), book.isAutoship(o),
          book.campaign(o)));
      if ((o & 0xFFFF) == 0) progress.update(o);
    }
    progress.finish();
    store.forEachOrderLine(sink::orderLine);
    for (Autoship a : store.loadAutoships().values()) sink.autoship(a);
    return new long[] {network.size(), book.size()};
  }
}
