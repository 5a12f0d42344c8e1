package org.downline.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.downline.commission.CommissionEngine;
import org.downline.commission.History;
import org.downline.commission.Lines;
import org.downline.commission.OutputOrder;
import org.downline.commission.PeriodResult;
import org.downline.commission.Plan;
import org.downline.core.Periods;
import org.downline.network.MemberKind;
import org.downline.network.MemberRow;
import org.downline.network.MemberStatus;
import org.downline.network.Network;
import org.downline.network.NetworkBuilder;
import org.downline.network.OrderBook;
import org.downline.network.OrderBookBuilder;
import org.downline.network.OrderRow;
import org.downline.planfile.PlanFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * lines.csv as the rows made in memory write it (gathered source texts, the period and earner id
 * copied once per earner, ids laid out from the book's bytes) against the same lines written field
 * by field through {@link CsvOutput}, with ids that must be quoted (a comma, a quote) and ids beyond
 * ASCII, so that every source shape (none, a member, an order) and every escape is met.
 */
class CommissionCsvTest {
  @TempDir Path dir;

  @Test
  void rowsMadeInMemoryAreTheFieldByFieldRows() throws Exception {
    StringBuilder all = new StringBuilder();
    for (String planName : List.of("demo", "ladder", "binary-low"))
    for (boolean ascii : new boolean[] {true, false}) {
      boolean binary = planName.startsWith("binary");
      for (long seed = 1; seed <= 4; seed++) {
        Random r = new Random(seed);
        int join = Periods.parseDay("2026-01-15");
        String[] names = ascii ? new String[] {"M", "m,", "q\"", "M1"} : new String[] {"M", "Zoë", "q\"", "m,"};
        int members = 40;
        NetworkBuilder nb = new NetworkBuilder("members.csv");
        String[] ids = new String[members];
        for (int m = 0; m < members; m++) {
          ids[m] = names[r.nextInt(names.length)] + "." + m;
          if (binary) { // a full binary placement tree, each member placed under its sponsor
            String up = m == 0 ? null : ids[(m - 1) / 2];
            nb.add(new MemberRow(m + 2, ids[m], up, MemberKind.DISTRIBUTOR, false, join, MemberStatus.ACTIVE, Integer.MIN_VALUE, up,
                m == 0 ? -1 : (m - 1) % 2));
          } else {
            MemberKind kind = m < 30 ? MemberKind.DISTRIBUTOR : MemberKind.CUSTOMER;
            nb.add(MemberRow.of(m + 2, ids[m], m == 0 ? null : ids[r.nextInt(m)], kind, join));
          }
        }
        Network net = nb.build();
        OrderBookBuilder ob = new OrderBookBuilder("orders.csv", net);
        String[] orderNames = ascii ? new String[] {"O", "o,", "x\"y", "O0"} : new String[] {"O", "ö", "o,", "x\"y"};
        int day = Periods.parseDay("2026-02-01");
        for (int o = 0; o < 300; o++) {
          long pv = 1000 + r.nextInt(30_000);
          ob.add(OrderRow.sale(o + 2, orderNames[r.nextInt(orderNames.length)] + "." + o, ids[r.nextInt(members)], day + r.nextInt(27), pv, pv));
        }
        OrderBook book = ob.build();
        Plan plan = binary ? PlanFile.load(Path.of(CommissionCsvTest.class.getResource("/plans/binary-low.yaml").toURI()).toString())
            : PlanFile.builtIn(planName);
        PeriodResult result = new CommissionEngine(net, book, plan).compute(Periods.periodOfDay(day), new History(net.size()));

        Path lines = dir.resolve("lines-" + planName + ascii + seed + ".csv");
        try (CommissionCsv csv = new CommissionCsv(net, book, new OutputOrder(net, book, plan), lines,
            dir.resolve("summary-" + planName + ascii + seed + ".csv"), plan.lineKinds())) {
          csv.write(result);
        }
        String expected = fieldByField(net, book, plan, result);
        String written = Files.readString(lines);
        assertThat(written).as("%s, ascii %s, seed %d", planName, ascii, seed).isEqualTo(expected);
        all.append(written);
      }
    }
    // Every shape was met: quoted ids, ids beyond ASCII, no source, a member source, an order source.
    String written = all.toString();
    assertThat(written).contains("\"x\"\"y").contains("\"m,").contains("ö").contains("Zoë").contains(",,,");
    assertThat(written.lines().filter(l -> l.matches(".*,,[^,\"]+[0-9],\\d+$"))).as("member sources").isNotEmpty();
    assertThat(written.lines().filter(l -> l.matches(".*,\\d+\\.\\d\\d,[^,]+,[^,]+,\\d+$"))).as("order sources").isNotEmpty();
  }

  /** The lines in output order, each field through CsvOutput's own quoting and number formatting. */
  private static String fieldByField(Network net, OrderBook book, Plan plan, PeriodResult result) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CsvOutput out = new CsvOutput(bytes);
    out.header("period", "earner_id", "bonus", "amount", "source_order_id", "source_member_id", "level");
    String period = Periods.name(result.period());
    List<String> kinds = plan.lineKinds();
    new OutputOrder(net.ids(), book.ids(), plan).forEach(result.lines(), (earner, kind, source, level, amount) -> {
      if (amount == 0) return;
      out.text(period).text(net.id(earner)).text(kinds.get(kind)).cents(amount);
      if (source == Lines.NO_SOURCE) out.text(null).text(null);
      else if (source < 0) out.text(null).text(net.id(Lines.sourceMember(source)));
      else out.text(book.id(source)).text(net.id(book.members()[source]));
      out.whole(level).endRow();
    });
    out.close();
    return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
  }
}
