package org.downline.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.downline.testing.Property;
import org.junit.jupiter.api.Test;

/**
 * The model written as columns in pieces of any size and read back, pieces in any order, is the
 * same model: every array, every id (non-ASCII ones too), the id lookups; each column in the fewest
 * bytes that hold its values (ADR 38).
 */
class ModelColumnsTest {
  private static final int DAY = 20_400; // 2025-11-08

  @Test
  void aModelWrittenInPiecesAndReadBackInAnyOrderIsTheSameModel() {
    Property.forAll(40, g -> {
      Random r = g.random();
      int members = g.intBetween("members", 0, 300);
      NetworkBuilder nb = new NetworkBuilder("test", members);
      List<String> ids = new ArrayList<>();
      List<String> distributors = new ArrayList<>();
      for (int i = 0; i < members; i++) {
        String id = (i % 7 == 3 ? "Ștefan-" : "M") + i;
        boolean distributor = distributors.isEmpty() || r.nextBoolean();
        boolean root = distributors.isEmpty() || distributor && r.nextInt(10) == 0; // a customer always has a sponsor
        String sponsor = root ? null : distributors.get(r.nextInt(distributors.size()));
        nb.add(new MemberRow(i + 1, id, sponsor, distributor ? MemberKind.DISTRIBUTOR : MemberKind.CUSTOMER, r.nextBoolean(),
            DAY - 400 + i, r.nextInt(5) == 0 ? MemberStatus.CANCELLED : MemberStatus.ACTIVE,
            r.nextInt(5) == 0 ? DAY : Integer.MIN_VALUE, null, -1));
        ids.add(id);
        if (distributor) distributors.add(id);
      }
      Network network = nb.build();
      OrderBookBuilder ob = new OrderBookBuilder("test", network, 0);
      int orders = members == 0 ? 0 : g.intBetween("orders", 0, 2_000);
      List<OrderRow> sales = new ArrayList<>();
      for (int o = 0; o < orders; o++) {
        String member = ids.get(r.nextInt(ids.size()));
        int day = DAY + r.nextInt(60);
        long big = r.nextInt(50) == 0 ? 30_000_000_000L : 0; // past an int: the column takes 8 bytes
        if (!sales.isEmpty() && r.nextInt(6) == 0) {
          OrderRow sale = sales.get(r.nextInt(sales.size()));
          ob.add(new OrderRow(o + 1, "r" + o, sale.memberId(), sale.day() + 1, -1, -1, -1, sale.id(), false, null));
        } else {
          OrderRow sale = new OrderRow(o + 1, "o" + o + (o % 11 == 0 ? "é" : ""), member, day, 100 + r.nextInt(40_000), 100 + r.nextInt(30_000),
              100 + r.nextInt(90_000) + big, null, r.nextBoolean(), r.nextInt(4) == 0 ? "c" + r.nextInt(3) : null);
          ob.add(sale);
          sales.add(sale);
        }
      }
      OrderBook book = ob.build();

      ModelColumns.Writer writer = ModelColumns.writer(network, book);
      List<ModelColumns.Column> columns = writer.columns();
      record Piece(int column, long first, byte[] bytes) {}
      List<Piece> pieces = new ArrayList<>();
      for (int c = 0; c < columns.size(); c++) {
        ModelColumns.Column col = columns.get(c);
        for (long first = 0; first < col.count(); ) {
          int values = (int) Math.min(col.count() - first, 1 + r.nextInt(64));
          byte[] bytes = new byte[values * col.width()];
          writer.write(c, first, ByteBuffer.wrap(bytes));
          pieces.add(new Piece(c, first, bytes));
          first += values;
        }
      }
      java.util.Collections.shuffle(pieces, r);
      ModelColumns.Reader reader = ModelColumns.reader(columns);
      for (Piece p : pieces) reader.read(p.column(), p.first(), ByteBuffer.wrap(p.bytes()));
      ModelColumns.Model back = reader.model();

      Network n = back.network();
      assertThat(n.ids()).containsExactly(network.ids());
      assertThat(n.sponsors()).containsExactly(network.sponsors());
      assertThat(n.kinds()).containsExactly(network.kinds());
      assertThat(n.preferreds()).containsExactly(network.preferreds());
      assertThat(n.joinDays()).containsExactly(network.joinDays());
      assertThat(n.statuses()).containsExactly(network.statuses());
      assertThat(n.statusDays()).containsExactly(network.statusDays());
      assertThat(n.placements()).containsExactly(network.placements());
      assertThat(n.placementPositions()).containsExactly(network.placementPositions());
      assertThat(n.childStarts()).containsExactly(network.childStarts());
      assertThat(n.depths()).containsExactly(network.depths());
      for (String id : ids) assertThat(n.indexOf(id)).as(id).isEqualTo(network.indexOf(id));
      assertThat(n.indexOf("nobody")).isEqualTo(Network.NONE);

      OrderBook b = back.book();
      assertThat(b.ids()).containsExactly(book.ids());
      assertThat(b.members()).containsExactly(book.members());
      assertThat(b.days()).containsExactly(book.days());
      assertThat(b.pv()).containsExactly(book.pv());
      assertThat(b.cv()).containsExactly(book.cv());
      assertThat(b.totals()).containsExactly(book.totals());
      assertThat(b.returnOf()).containsExactly(book.returnOf());
      assertThat(b.autoships()).containsExactly(book.autoships());
      for (int o = 0; o < b.size(); o++) {
        assertThat(b.campaign(o)).isEqualTo(book.campaign(o));
        assertThat(b.indexOf(book.id(o))).isEqualTo(o);
      }

      // Widths: a day in 2 bytes, a total past an int in 8, an id's bytes in 1.
      if (orders > 0) assertThat(width(columns, "order.day")).isEqualTo(2);
      boolean big = Arrays.stream(book.totals()).anyMatch(t -> t > Integer.MAX_VALUE);
      if (orders > 0) assertThat(width(columns, "order.total")).isEqualTo(big ? 8 : 4);
      boolean never = Arrays.stream(network.statusDays()).anyMatch(d -> d == Integer.MIN_VALUE); // a status never changed
      assertThat(width(columns, "member.status_day")).isEqualTo(never ? 4 : members == 0 ? 1 : 2);
    });
  }

  @Test
  void columnsOfAnotherLayoutOrPiecesThatDoNotFitAreRefused() {
    Network network = new NetworkBuilder("test").add(MemberRow.of(1, "A", null, MemberKind.DISTRIBUTOR, DAY)).build();
    OrderBook book = new OrderBookBuilder("test", network).add(OrderRow.sale(1, "o1", "A", DAY, 100, 80)).build();
    List<ModelColumns.Column> columns = ModelColumns.writer(network, book).columns();
    List<ModelColumns.Column> renamed = new ArrayList<>(columns);
    renamed.set(3, new ModelColumns.Column("member.rank", 1, 1));
    assertThatThrownBy(() -> ModelColumns.reader(renamed)).hasMessageContaining("column 3 is member.rank, not member.kind");
    List<ModelColumns.Column> wide = new ArrayList<>(columns);
    wide.set(3, new ModelColumns.Column("member.kind", 4, 1));
    assertThatThrownBy(() -> ModelColumns.reader(wide)).hasMessageContaining("member.kind: width 4");
    ModelColumns.Reader reader = ModelColumns.reader(columns);
    assertThatThrownBy(() -> reader.read(14, 1, ByteBuffer.wrap(new byte[width(columns, "order.member")])))
        .hasMessageContaining("order.member: values 1+1");
  }

  private static int width(List<ModelColumns.Column> columns, String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().width();
  }
}
