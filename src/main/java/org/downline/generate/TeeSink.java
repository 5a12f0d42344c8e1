package org.downline.generate;

import org.downline.network.MemberProfile;
import org.downline.network.MemberRow;
import org.downline.network.OrderLine;
import org.downline.network.OrderRow;
import org.downline.network.Product;

/** Sends every row to two sinks (e.g. keep them for assertions and write them). */
public record TeeSink(CompanySink a, CompanySink b) implements CompanySink {
  @Override
  public void product(Product product) {
    a.product(product);
    b.product(product);
  }

  @Override
  public void campaign(Campaign campaign) {
    a.campaign(campaign);
    b.campaign(campaign);
  }

  @Override
  public void member(MemberRow member, MemberProfile profile) {
    a.member(member, profile);
    b.member(member, profile);
  }

  @Override
  public void order(OrderRow order) {
    a.order(order);
    b.order(order);
  }

  @Override
  public void orderLine(OrderLine line) {
    a.orderLine(line);
    b.orderLine(line);
  }

  @Override
  public void autoship(Autoship autoship) {
    a.autoship(autoship);
    b.autoship(autoship);
  }
}
