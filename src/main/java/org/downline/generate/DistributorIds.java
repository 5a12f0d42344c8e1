package org.downline.generate;

import java.util.List;
import org.downline.network.MemberKind;
import org.downline.network.MemberProfile;
import org.downline.network.MemberRow;
import org.downline.network.OrderRow;
import org.downline.network.Product;

/**
 * Notes the distributors' ids in join order (the founder first) and nothing else: beside the files
 * ({@link TeeSink}), the owners that prospecting is generated for.
 */
public record DistributorIds(List<String> ids) implements CompanySink {
  @Override
  public void product(Product product) {}

  @Override
  public void campaign(Campaign campaign) {}

  @Override
  public void member(MemberRow member, MemberProfile profile) {
    if (member.kind() == MemberKind.DISTRIBUTOR) ids.add(member.id());
  }

  @Override
  public void order(OrderRow order) {}

  @Override
  public void autoship(Autoship autoship) {}
}
