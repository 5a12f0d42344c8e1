package org.downline.generate;

import org.downline.network.MemberProfile;
import org.downline.network.MemberRow;
import org.downline.network.OrderLine;
import org.downline.network.OrderRow;
import org.downline.network.Product;

/**
 * Where a generated company goes, one row at a time, so that a million members never sit in memory
 * as objects. The CSV writer implements it; so can a database loader. Calls arrive in this order:
 * every product, every campaign, then for each member in join order the member (sponsor already
 * sent), that member's autoship items, if any, then the member's orders in date order, each sale
 * followed by its lines and, when returned, by its return.
 */
public interface CompanySink {
  void product(Product product);

  void campaign(Campaign campaign);

  void member(MemberRow member, MemberProfile profile);

  void order(OrderRow order);

  /** A line of the sale just sent; a sink without a place for lines ignores them. */
  default void orderLine(OrderLine line) {}

  void autoship(Autoship autoship);
}
