package org.downline.app.strategy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.downline.core.Periods;
import org.downline.core.Progress;
import org.downline.network.Network;
import org.downline.network.OrderBook;
import org.downline.store.CompanyStore;
import org.downline.store.Database;
import org.downline.store.StrategyStore;
import org.downline.strategy.FirstSales;

/**
 * The demo company's strategy: a statement, objectives, a dozen tactics of different types and
 * problem tags, with the new tactics' codes spread over the generated orders. It runs after the
 * generator with a {@link Random} of its own and changes only the campaign code of orders, so the
 * generated company, its determinism and every commission figure stay as they were. Two tactics tell
 * the story of issue 17: the discount blast SMS-FLASH becomes the first sale of one-off buyers, the
 * educational series EDU-SKIN the first sale of customers who come back within 90 days.
 */
public final class DemoStrategy {
  /** Mixed into the demo seed so this stream never repeats the generator's. */
  static final long STREAM = 0x5717A7E6L;

  private DemoStrategy() {}

  static final String OBJECTIVES = """
      code,name,measure,days,target,by
      loyal,Customers always come back,repeat-rate,90,45.00,%1$s
      referrals,Referrals from every customer,referrals-per-customer,,0.30,%1$s
      autoship,Customers on autoship,autoship-share,,35.00,%1$s
      educate,Educate customers about their problems,educational-reach,,1500,%1$s
      builders,New distributors who stay,distributor-retention-90,,60.00,%1$s
      retain,Customers still buying after a year,customer-retention-12m,,50.00,%1$s
      respect,Respected even where no sale is made,manual,,8.50,%1$s
      """;

  static final String TACTICS = """
      code,name,type,channel,cost,owner,objectives
      WELCOME10,Welcome 10% newsletter,email,email,1200.00,Marketing,loyal;referrals
      IG-GLOW,Glow skincare reels,social,instagram,2500.00,Marketing,educate
      FB-WELL,Wellness community posts,social,facebook,900.00,Community,
      EXPO-SPRING,Spring health expo,event,event,8000.00,Events,builders;respect
      WEBINAR-NUT,Nutrition basics webinar,webinar,web,1500.00,Education,educate;loyal
      SMS-FLASH,48-hour flash sale,discount,sms,3000.00,Sales,loyal
      REFER-FRIEND,Refer a friend,referral,referral,2000.00,Sales,referrals
      HOLIDAY-BOX,Holiday gift box,email,email,1800.00,Marketing,
      EDU-SKIN,Know your skin (video series),video,youtube,4000.00,Education,loyal;educate;retain
      ART-PROBLEMS,Ten mistakes with supplements (article),article,blog,600.00,Education,educate
      TALK-LOCAL,Talks to local groups,talk,in person,1000.00,Field,respect;builders
      DM-SPRING,Spring catalogue mailing,direct-mail,post,5000.00,Marketing,
      """;

  static final String PROBLEMS = """
      code,name,description,products,tactics
      dry-skin,Dry skin,Skin that feels tight and flakes in winter,SKN-002;SKN-004,EDU-SKIN;IG-GLOW
      low-energy,Low energy,Tired by mid-afternoon,NUT-001;NUT-005,WEBINAR-NUT;ART-PROBLEMS
      poor-sleep,Poor sleep,Waking in the night,WEL-001;WEL-002,TALK-LOCAL
      """;

  /**
   * Writes the strategy and recodes orders. Returns how many orders now carry the demo's new codes
   * (EDU-SKIN, SMS-FLASH first sales, ART-PROBLEMS, TALK-LOCAL, DM-SPRING).
   */
  public static long apply(Database db, long seed, int lastDay) {
    Random rnd = new Random(seed ^ STREAM);
    Path dir;
    try {
      dir = Files.createTempDirectory("demo-strategy");
      String by = Periods.formatDay(lastDay + 365);
      StrategyStore strategy = new StrategyStore(db);
      strategy.saveStatement("Educate customers about the problems they have and help them solve them, so that they "
          + "always come back, bring their friends and respect us even where no sale is made.");
      new StrategyImports(db).objectives(Files.writeString(dir.resolve("objectives.csv"), OBJECTIVES.formatted(by)),
          Progress.NONE);
      new StrategyImports(db).tactics(Files.writeString(dir.resolve("tactics.csv"), TACTICS), Progress.NONE);
      new StrategyImports(db).problems(Files.writeString(dir.resolve("problems.csv"), PROBLEMS), Progress.NONE);
      // A survey score twice a year, entered by hand.
      strategy.saveValue("respect", lastDay - 300, 760);
      strategy.saveValue("respect", lastDay - 120, 810);

      CompanyStore store = new CompanyStore(db);
      Network network = store.loadNetwork();
      OrderBook book = store.loadOrders(network);
      long recoded = recode(db, network, book, rnd);
      StringBuilder tags = new StringBuilder("member_id,problems\n");
      String[] problems = {"dry-skin", "low-energy", "poor-sleep"};
      for (int i = 0; i < network.size(); i++) {
        if (!network.isDistributor(i) && rnd.nextInt(10) == 0) {
          tags.append(network.id(i)).append(',').append(problems[rnd.nextInt(problems.length)]).append('\n');
        }
      }
      new StrategyImports(db).tags(Files.writeString(dir.resolve("tags.csv"), tags), Progress.NONE);
      return recoded;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Only the campaign column changes: commissions never read it. */
  private static long recode(Database db, Network network, OrderBook book, Random rnd) {
    int[] first = FirstSales.of(network.size(), book);
    int[] sales = new int[network.size()];
    int[] second = new int[network.size()];
    java.util.Arrays.fill(second, OrderBook.NONE);
    for (int o = 0; o < book.size(); o++) {
      if (book.isReturn(o)) continue;
      int m = book.members()[o];
      if (o != first[m] && second[m] == OrderBook.NONE) second[m] = o;
      sales[m]++;
    }
    List<String[]> changes = new ArrayList<>();
    String[] spread = {"ART-PROBLEMS", "TALK-LOCAL", "DM-SPRING"};
    for (int m = 0; m < network.size(); m++) {
      int f = first[m];
      if (f == OrderBook.NONE) continue;
      int roll = rnd.nextInt(100);
      boolean customer = !network.isDistributor(m);
      boolean cameBack = second[m] != OrderBook.NONE && book.days()[second[m]] <= book.days()[f] + 90;
      if (customer && sales[m] == 1 && roll < 45) {
        changes.add(new String[] {"SMS-FLASH", book.id(f)}); // the blast brings one-off buyers
      } else if (customer && cameBack && roll < 30) {
        changes.add(new String[] {"EDU-SKIN", book.id(f)}); // the series brings customers who come back
        if (rnd.nextBoolean()) changes.add(new String[] {"EDU-SKIN", book.id(second[m])});
      } else if (roll >= 88) {
        changes.add(new String[] {spread[roll % spread.length], book.id(f)}); // enrolment orders
      }
    }
    for (int o = 0; o < book.size(); o++) {
      if (!book.isReturn(o) && book.campaign(o) == null && rnd.nextInt(100) < 3) {
        changes.add(new String[] {spread[rnd.nextInt(spread.length)], book.id(o)});
      }
    }
    return db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE orders SET campaign = ? WHERE id = ?")) {
        int n = 0;
        for (String[] ch : changes) {
          ps.setString(1, ch[0]);
          ps.setString(2, ch[1]);
          ps.addBatch();
          if (++n % 5000 == 0) ps.executeBatch();
        }
        ps.executeBatch();
      }
      // Orders' campaigns changed in place, which the log does not follow row by row: every server
      // reloads, and the stored model (ADR 38) is not used past this entry.
      if (!changes.isEmpty()) org.downline.store.ChangeLog.record(c, db, org.downline.store.ChangeLog.RELOAD, List.of());
      return (long) changes.size();
    });
  }
}
