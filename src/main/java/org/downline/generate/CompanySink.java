package org.downline.generate;

import org.downline.network.MemberProfile;
import org.downline.network.MemberRow;
import org.downline.network.OrderRow;
import org.downline.network.Product;

/**
 * Where a generated company goes, one row at a time, so that a million members never sit in memory
 * as objects. The CSV writer implements it; so can a database loader. Calls arrive in this order:
 * every product, every campaign, then for each member in join order the member (sponsor already
 * sent), that member's orders (a return right after its sale) and that member's autoship, if any.
 */
public interface CompanySink {
  void product(Product product);

  void campaign(Campaign campaign);

  void member(MemberRow member, MemberProfile profile);

  void order(OrderRow order);

  void autoship(Autoship autoship);
}
