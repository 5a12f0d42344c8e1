package org.downline.csv;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.downline.core.Decimals;
import org.downline.core.Periods;
import org.downline.generate.Autoship;
import org.downline.generate.Campaign;
import org.downline.generate.CompanySink;
import org.downline.network.MemberProfile;
import org.downline.network.MemberRow;
import org.downline.network.OrderKind;
import org.downline.network.OrderLine;
import org.downline.network.OrderRow;
import org.downline.network.Product;

/**
 * Writes a company as UTF-8 CSV files in one directory: {@value #MEMBERS}, {@value #ORDERS} and
 * {@value #PRODUCTS} in the columns that {@link MemberCsv}, {@link OrderCsv} and {@link ProductCsv}
 * read back, {@value #AUTOSHIPS} and {@value #CAMPAIGNS} as {@code AutoshipCsv} and {@code
 * CampaignCsv} read them, and {@value #ORDER_LINES} once any order line is written. Amounts have two
 * decimals, dates are {@code YYYY-MM-DD}, absent values are empty fields. Rows are written as they come; the
 * writer holds nothing but its buffers, so the generator and export can stream millions of rows.
 */
public final class CompanyCsvWriter implements CompanySink, Closeable {
  public static final String MEMBERS = "members.csv";
  public static final String ORDERS = "orders.csv";
  public static final String PRODUCTS = "products.csv";
  public static final String AUTOSHIPS = "autoships.csv";
  public static final String CAMPAIGNS = "campaigns.csv";
  public static final String ORDER_LINES = "order_lines.csv";

  /** Every file written when the company has order lines, in a fixed order. */
  public static final List<String> FILES =
      List.of(MEMBERS, ORDERS, ORDER_LINES, PRODUCTS, AUTOSHIPS, CAMPAIGNS);

  public static final String[] MEMBER_COLUMNS = {
    "id", "sponsor_id", "kind", "join_date", "status", "status_date", "placement_id", "position", "name", "email",
    "phone", "country", "locale"
  };
  public static final String[] ORDER_COLUMNS = {
    "id", "member_id", "date", "pv", "cv", "return_of", "total", "kind", "campaign", "currency"
  };
  public static final String[] ORDER_LINE_COLUMNS = {"order_id", "line_no", "sku", "quantity", "unit_price", "pv", "cv"};
  public static final String[] PRODUCT_COLUMNS = {"sku", "name", "price", "pv", "cv", "kit", "category"};
  public static final String[] AUTOSHIP_COLUMNS = {
    "id", "member_id", "items", "interval_months", "start_date", "next_date", "status", "status_date"
  };
  public static final String[] CAMPAIGN_COLUMNS = {"code", "name", "channel"};

  private static final int BUFFER = 1 << 16;

  private final String currency;
  private final List<CsvWriter> open = new ArrayList<>(6);
  private final Path dir;
  private final CsvWriter members;
  private final CsvWriter orders;
  private CsvWriter orderLines; // opened by the first line: a company without lines gets no lines file
  private final CsvWriter products;
  private final CsvWriter autoships;
  private final CsvWriter campaigns;
  // Dates repeat millions of times; format each day once.
  private String[] dayText;
  private int dayBase;

  /**
   * Creates (or replaces) the files in {@code dir}, which is created if missing; orders in USD. An
   * {@value #ORDER_LINES} left from an earlier run is removed, so lines never outlive their orders.
   */
  public CompanyCsvWriter(Path dir) throws IOException {
    this(dir, "USD");
  }

  /** As {@link #CompanyCsvWriter(Path)}, with the currency written on every order. */
  public CompanyCsvWriter(Path dir, String currency) throws IOException {
    this.currency = currency;
    this.dir = dir;
    Files.createDirectories(dir);
    Files.deleteIfExists(dir.resolve(ORDER_LINES));
    try {
      members = open(dir.resolve(MEMBERS), MEMBER_COLUMNS);
      orders = open(dir.resolve(ORDERS), ORDER_COLUMNS);
      products = open(dir.resolve(PRODUCTS), PRODUCT_COLUMNS);
      autoships = open(dir.resolve(AUTOSHIPS), AUTOSHIP_COLUMNS);
      campaigns = open(dir.resolve(CAMPAIGNS), CAMPAIGN_COLUMNS);
    } catch (IOException | UncheckedIOException e) {
      close();
      throw e;
    }
  }

  private CsvWriter open(Path path, String[] header) throws IOException {
    CsvWriter w = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).bufferSize(BUFFER)
        .build(path, StandardCharsets.UTF_8);
    open.add(w);
    w.writeRecord(header);
    return w;
  }

  /** The {@code kind} column of members.csv: distributor, customer or preferred_customer. */
  public static String memberKind(MemberRow m) {
    return m.preferred() ? "preferred_customer" : m.kind().code();
  }

  /** The {@code kind} column of orders.csv: sale, return or autoship. */
  public static String orderKind(OrderRow o) {
    return OrderKind.of(o).code();
  }

  @Override
  public void member(MemberRow m, MemberProfile p) {
    members.writeRecord()
        .writeField(m.id())
        .writeField(text(m.sponsorId()))
        .writeField(memberKind(m))
        .writeField(day(m.joinDay()))
        .writeField(m.status().code())
        .writeField(m.statusDay() == Integer.MIN_VALUE ? "" : day(m.statusDay()))
        .writeField(text(m.placementId()))
        .writeField(m.placementPosition() < 0 ? "" : Integer.toString(m.placementPosition()))
        .writeField(p == null ? "" : text(p.name()))
        .writeField(p == null ? "" : text(p.email()))
        .writeField(p == null ? "" : text(p.phone()))
        .writeField(p == null ? "" : text(p.country()))
        .writeField(p == null ? "" : text(p.locale()))
        .endRecord();
  }

  @Override
  public void order(OrderRow o) {
    orders.writeRecord()
        .writeField(o.id())
        .writeField(o.memberId())
        .writeField(day(o.day()))
        .writeField(Decimals.format(o.pv()))
        .writeField(Decimals.format(o.cv()))
        .writeField(text(o.returnOf()))
        .writeField(Decimals.format(o.total()))
        .writeField(orderKind(o))
        .writeField(text(o.campaign()))
        .writeField(currency)
        .endRecord();
  }

  /** {@code pv} and {@code cv} of a line are for its whole quantity. */
  @Override
  public void orderLine(OrderLine l) {
    if (orderLines == null) {
      try {
        orderLines = open(dir.resolve(ORDER_LINES), ORDER_LINE_COLUMNS);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    orderLines.writeRecord()
        .writeField(l.orderId())
        .writeField(Integer.toString(l.lineNo()))
        .writeField(l.sku())
        .writeField(Integer.toString(l.quantity()))
        .writeField(Decimals.format(l.unitPrice()))
        .writeField(Decimals.format(l.pv()))
        .writeField(Decimals.format(l.cv()))
        .endRecord();
  }

  @Override
  public void product(Product p) {
    products.writeRecord(p.sku(), p.name(), Decimals.format(p.price()), Decimals.format(p.pv()),
        Decimals.format(p.cv()), Boolean.toString(p.kit()), text(p.category()));
  }

  @Override
  public void autoship(Autoship a) {
    // Items as SKU:QUANTITY pairs separated by ';', the form AutoshipCsv reads.
    StringBuilder items = new StringBuilder();
    for (Autoship.Item item : a.items()) {
      if (!items.isEmpty()) items.append(';');
      items.append(item.sku()).append(':').append(item.quantity());
    }
    autoships.writeRecord(a.id(), a.memberId(), items.toString(), Integer.toString(a.intervalMonths()),
        day(a.startDay()), a.nextDay() == Integer.MIN_VALUE ? "" : day(a.nextDay()), a.status().code(),
        a.statusDay() == Integer.MIN_VALUE ? "" : day(a.statusDay()));
  }

  @Override
  public void campaign(Campaign c) {
    campaigns.writeRecord(c.code(), c.name(), text(c.channel()));
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }

  private String day(int epochDay) {
    if (dayText == null) {
      dayBase = epochDay - 20_000;
      dayText = new String[40_000];
    }
    int k = epochDay - dayBase;
    if (k < 0 || k >= dayText.length) return Periods.formatDay(epochDay);
    String s = dayText[k];
    if (s == null) dayText[k] = s = Periods.formatDay(epochDay);
    return s;
  }

  /** Flushes and closes every file; the first failure is thrown after all were tried. */
  @Override
  public void close() throws IOException {
    IOException failure = null;
    for (CsvWriter w : open) {
      try {
        w.close();
      } catch (IOException e) {
        if (failure == null) failure = e;
        else failure.addSuppressed(e);
      }
    }
    open.clear();
    if (failure != null) throw failure;
  }
}
