package org.downline.generate;

import java.util.ArrayList;
import java.util.List;
import org.downline.network.MemberProfile;
import org.downline.network.MemberRow;
import org.downline.network.OrderLine;
import org.downline.network.OrderRow;
import org.downline.network.Product;

/** Keeps everything generated, for tests on small companies. */
public final class CollectingSink implements CompanySink {
  public final List<Product> products = new ArrayList<>();
  public final List<Campaign> campaigns = new ArrayList<>();
  public final List<MemberRow> members = new ArrayList<>();
  public final List<MemberProfile> profiles = new ArrayList<>();
  public final List<OrderRow> orders = new ArrayList<>();
  public final List<OrderLine> lines = new ArrayList<>();
  public final List<Autoship> autoships = new ArrayList<>();

  @Override
  public void product(Product product) {
    products.add(product);
  }

  @Override
  public void campaign(Campaign campaign) {
    campaigns.add(campaign);
  }

  @Override
  public void member(MemberRow member, MemberProfile profile) {
    members.add(member);
    profiles.add(profile);
  }

  @Override
  public void order(OrderRow order) {
    orders.add(order);
  }

  @Override
  public void orderLine(OrderLine line) {
    lines.add(line);
  }

  @Override
  public void autoship(Autoship autoship) {
    autoships.add(autoship);
  }
}
