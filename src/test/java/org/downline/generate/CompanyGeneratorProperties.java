package org.downline.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.downline.network.MemberKind;
import org.downline.network.Network;
import org.downline.network.NetworkBuilder;
import org.downline.network.OrderBookBuilder;
import org.downline.network.OrderRow;

/** Whatever the seed and size, the company is one an import accepts, and the summary tells the truth. */
class CompanyGeneratorProperties {
  @Property(tries = 40)
  void anyCompanyValidates(@ForAll long seed, @ForAll @IntRange(min = 1, max = 400) int members,
      @ForAll @IntRange(min = 1, max = 24) int months, @ForAll @IntRange(min = 2000, max = 2100) int year) {
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
