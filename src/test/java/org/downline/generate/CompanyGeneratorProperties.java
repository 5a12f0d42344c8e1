package org.downline.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import org.downline.network.MemberKind;
import org.downline.network.Network;
import org.downline.network.NetworkBuilder;
import org.downline.network.OrderBookBuilder;
import org.downline.network.OrderRow;
import org.downline.testing.Property;
import org.junit.jupiter.api.Test;

/** Whatever the seed and size, the company is one an import accepts, and the summary tells the truth. */
class CompanyGeneratorProperties {
  @Test
  void anyCompanyValidates() {
    Property.forAll(40, g -> anyCompanyValidates(g.seed(), g.intBetween("members", 1, 400), g.intBetween("months", 1, 24),
        g.intBetween("year", 2000, 2100)));
  }

  void anyCompanyValidates(long seed, int members, int months, int year) {
    CollectingSink rows = new CollectingSink();
    CompanyGenerator.Summary s = new CompanyGenerator(members, months, seed, YearMonth.of(year, 1)).generate(rows);

    NetworkBuilder nb = new NetworkBuilder("members.csv");
    rows.members.forEach(nb::add);
    Network network = nb.build();
    OrderBookBuilder ob = new OrderBookBuilder("orders.csv", network);
    rows.orders.forEach(ob::add);
    ob.build();

    assertThat(network.size()).isEqualTo(members);
    assertThat(s.distributors() + s.customers()).isEqualTo(members);
    assertThat(rows.members.stream().filter(m -> m.kind() == MemberKind.DISTRIBUTOR).count())
        .isEqualTo(s.distributors());
    assertThat(rows.orders.stream().filter(OrderRow::isReturn).count()).isEqualTo(s.returns());
    assertThat(rows.orders.stream().filter(o -> !o.isReturn()).count()).isEqualTo(s.sales());
    assertThat(rows.autoships).hasSize(s.autoships());
    assertThat(rows.autoships.stream().map(Autoship::memberId).distinct().count()).isEqualTo(s.autoships());
    for (OrderRow o : rows.orders) assertThat(o.day()).isBetween(s.startDay(), s.endDay() - 1);
  }
}
