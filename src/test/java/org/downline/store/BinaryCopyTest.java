package org.downline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.downline.app.network.ImportFile;
import org.downline.core.Progress;
import org.downline.csv.CompanyCsvWriter;
import org.downline.generate.CompanyGenerator;
import org.downline.network.Network;
import org.downline.network.OrderBook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

/**
 * The cold load's binary COPY and its orders over several connections (ADR 32): PostgreSQL's binary
 * values read the same as its text path reads them (numerics to hundredths, dates to epoch days),
 * split anywhere across writes; and the model loaded in binary over one, two or three connections
 * (an odd split of the pages) is the one the text COPY over one connection loads, empty tables too.
 */
@Tag("postgres")
class BinaryCopyTest {
  @TempDir Path dir;
  private Database postgres;

  @AfterEach
  void drop() {
    if (postgres != null) TestDatabases.drop(postgres);
  }

  /** Numerics at the edges of rounding and of range, signs, dates either side of both epochs, NULLs. */
  private static final String VALUES = "SELECT * FROM (VALUES"
      + " (0.00::numeric, DATE '2000-01-01', 7, true, 'autoship'::varchar),"
      + " (12.34, DATE '1970-01-01', -1, false, 'sale'),"
      + " (-12.34, DATE '1969-12-31', NULL, true, NULL),"
      + " (0.005, DATE '1900-02-28', 0, false, 'Ștefan 😀'),"
      + " (-0.005, DATE '2099-12-31', 2147483647, true, ''),"
      + " (0.0049999, DATE '2024-02-29', -2147483648, false, 'x'),"
      + " (-0.0149999, DATE '2000-01-02', 1, true, 'y'),"
      + " (92233720368547758.07, DATE '1999-12-31', 1, true, 'z'),"
      + " (-92233720368547758.07, DATE '2000-03-01', 1, true, 'z'),"
      + " (10000, DATE '2000-01-01', 1, true, 'z'),"
      + " (1.5, DATE '2000-01-01', 1, true, 'z'),"
      + " (123456789.01, DATE '2000-01-01', 1, true, 'z'),"
      + " (0.99, DATE '2000-01-01', 1, true, 'z')) v (n, d, i, b, s)";

  @Test
  void binaryValuesReadAsTheTextPathReadsThemSplitAnywhere() throws Exception {
    postgres = TestDatabases.fresh(TestDatabases.Kind.POSTGRESQL);
    List<List<Object>> text = new ArrayList<>();
    byte[] binary;
    try (Connection c = postgres.connection()) {
      CopyReader.query(c, "SELECT (n * 100)::bigint, d - DATE '1970-01-01', i, b, s FROM (" + VALUES + ") t", Progress.NONE,
          r -> text.add(Arrays.asList(r.number(0), (int) r.number(1), r.isNull(2) ? null : (int) r.number(2), r.bool(3),
              r.string(4))));
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (" + VALUES + ") TO STDOUT (FORMAT binary)", bytes);
      binary = bytes.toByteArray();
    }
    assertThat(text).hasSize(13);
    assertThat(text.get(3).get(0)).isEqualTo(1L); // the cast rounds half away from zero
    assertThat(text.get(4).get(0)).isEqualTo(-1L);
    assertThat(text.get(7).get(0)).isEqualTo(Long.MAX_VALUE);
    for (int chunk : new int[] {binary.length, 1, 2, 3, 7, 19, 20, 64}) {
      assertThat(parse(binary, chunk)).as("chunks of %d bytes", chunk).isEqualTo(text);
    }
  }

  private static List<List<Object>> parse(byte[] bytes, int chunk) {
    List<List<Object>> rows = new ArrayList<>();
    BinaryCopyReader reader = new BinaryCopyReader(r -> rows.add(Arrays.asList(r.cents(0), r.day(1),
        r.isNull(2) ? null : r.int4(2), r.bool(3), r.string(4))), Progress.NONE);
    for (int i = 0; i < bytes.length; i += chunk) reader.write(bytes, i, Math.min(chunk, bytes.length - i));
    reader.close();
    return rows;
  }

  @Test
  void aBrokenStreamIsRefused() throws Exception {
    postgres = TestDatabases.fresh(TestDatabases.Kind.POSTGRESQL);
    byte[] binary;
    try (Connection c = postgres.connection()) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (" + VALUES + ") TO STDOUT (FORMAT binary)", bytes);
      binary = bytes.toByteArray();
    }
    assertThatThrownBy(() -> parse(Arrays.copyOf(binary, binary.length - 2), 5)).hasMessageContaining("ended inside row 14");
    assertThatThrownBy(() -> parse(Arrays.copyOf(binary, binary.length - 9), 5)).hasMessageContaining("ended inside row");
    try (Connection c = postgres.connection()) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT 92233720368547758.08::numeric, DATE 'infinity',"
          + " 1, true, 'x') TO STDOUT (FORMAT binary)", bytes);
      assertThatThrownBy(() -> parse(bytes.toByteArray(), 1000)).hasMessageContaining("row 1, field 1 is out of range");
      bytes.reset();
      c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT -100000000000000000000::numeric, DATE '2000-01-01',"
          + " 1, true, 'x') TO STDOUT (FORMAT binary)", bytes);
      assertThatThrownBy(() -> parse(bytes.toByteArray(), 1000)).hasMessageContaining("row 1, field 1 is out of range");
    }
    byte[] text = "1\t2\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> parse(Arrays.copyOf(text, 40), 40)).hasMessageContaining("not PostgreSQL's binary COPY format");
  }

  @Test
  void theModelIsTheSameInBinaryOverOneTwoAndThreeConnectionsAsInTextOverOne() throws Exception {
    postgres = TestDatabases.fresh(TestDatabases.Kind.POSTGRESQL);
    Path files = dir.resolve("company");
    try (CompanyCsvWriter w = new CompanyCsvWriter(files, "EUR")) {
      new CompanyGenerator(900, 5, 23, YearMonth.of(2024, 3)).generate(w);
    }
    new ImportFile(postgres, Progress.NONE).importDirectory(files);
    try (Connection c = postgres.connection(); Statement st = c.createStatement()) {
      st.execute("UPDATE orders SET campaign = CASE WHEN id LIKE '%3' THEN 'spring' WHEN id LIKE '%7' THEN 'Ștefan' END");
      // the update leaves dead row versions in every range and the new ones wherever there was room
      var rs = st.executeQuery("SELECT pg_relation_size('orders') / current_setting('block_size')::int");
      rs.next();
      assertThat(rs.getLong(1)).as("pages to split three ways").isGreaterThanOrEqualTo(10);
    }
    List<Object> plain = model(new CompanyStore.Load(false, 1));
    assertThat(plain.get(0)).isEqualTo(900);
    for (CompanyStore.Load load : List.of(new CompanyStore.Load(true, 1), new CompanyStore.Load(true, 2),
        new CompanyStore.Load(true, 3), new CompanyStore.Load(false, 3))) {
      assertThat(model(load)).as("%s", load).isEqualTo(plain);
    }
  }

  @Test
  void emptyTablesLoadAsEmptyInEveryWay() {
    postgres = TestDatabases.fresh(TestDatabases.Kind.POSTGRESQL);
    for (CompanyStore.Load load : List.of(new CompanyStore.Load(false, 1), new CompanyStore.Load(true, 1),
        new CompanyStore.Load(true, 3))) {
      assertThat(model(load)).as("%s", load).isEqualTo(model(new CompanyStore.Load(false, 1))).startsWith(0, 0);
    }
  }

  /** Everything the loaded network and book hold, in their order. */
  private List<Object> model(CompanyStore.Load load) {
    CompanyStore store = new CompanyStore(postgres, load);
    Network a = store.loadNetwork();
    OrderBook x = store.loadOrders(a);
    List<Object> model = new ArrayList<>(List.of(a.size(), x.size()));
    for (int i = 0; i < a.size(); i++) {
      model.add(Arrays.asList(a.id(i), a.sponsor(i), a.kind(i), a.isPreferred(i), a.joinDay(i), a.status(i), a.statusDay(i),
          a.placement(i), a.placementPosition(i)));
    }
    model.add(Arrays.asList(x.ids()));
    model.add(Arrays.toString(x.members()));
    model.add(Arrays.toString(x.days()));
    model.add(Arrays.toString(x.pv()));
    model.add(Arrays.toString(x.cv()));
    model.add(Arrays.toString(x.totals()));
    model.add(Arrays.toString(x.returnOf()));
    for (int o = 0; o < x.size(); o++) model.add(x.isAutoship(o) + " " + x.campaign(o));
    for (int o = 0; o < x.size(); o++) model.add(x.indexOf(x.id(o)));
    return model;
  }
}
