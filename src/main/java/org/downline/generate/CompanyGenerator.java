package org.downline.generate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.downline.core.Periods;
import org.downline.core.Progress;
import org.downline.network.MemberKind;
import org.downline.network.MemberProfile;
import org.downline.network.MemberRow;
import org.downline.network.MemberStatus;
import org.downline.network.OrderLine;
import org.downline.network.OrderRow;
import org.downline.network.Product;

/**
 * Generates a synthetic direct-selling company: members with a sponsor tree, a catalogue, campaigns,
 * orders and autoships, shaped like a real one so that commissions, segments and next steps have
 * something true to work on (see docs/generate.md for the shapes and why).
 *
 * <p>Members join over {@value #HISTORY_MONTHS} months of history plus the order window of
 * {@code months} months starting at {@code start}; orders fall only inside the window. Output is a
 * pure function of (members, months, seed, start): one {@link SplittableRandom} per concern, seeded
 * from {@code seed}, drawn in a fixed order, and {@link StrictMath} for the few real-valued draws,
 * so the same arguments give byte-identical files on any machine.
 *
 * <p>Members are produced in join order, so every sponsor is sent before its recruits, and each
 * member's orders right after the member. Per-member state lives in primitive arrays; nothing else
 * is kept.
 */
public final class CompanyGenerator {
  /** Months of joins before the order window: the window then holds long-standing members too. */
  public static final int HISTORY_MONTHS = 24;

  /** Joins grow by this share per month, so later months have more joins than earlier ones. */
  static final double MONTHLY_GROWTH = 0.04;

  static final double DISTRIBUTOR_SHARE = 0.40;
  static final double PREFERRED_SHARE = 0.30; // of customers
  static final double GONE_WITHIN_YEAR = 0.72; // of ordinary distributors
  static final double CHAIN_GONE_WITHIN_YEAR = 0.35; // builders of deep lines stay longer
  static final double GONE_LATER = 0.10; // of distributors who stay past their first year
  static final double CUSTOMER_GONE = 0.50;
  static final double CHAIN_SHARE = 0.08; // of distributors joining at the bottom of a deep line
  static final double PREFERENTIAL_SHARE = 0.70; // of distributors picking a sponsor by recruits + 1
  static final double RETAIL_SHARE = 0.80; // of distributors who ever attract customers
  static final double RETAIL_SNOWBALL = 0.1; // chance a customer makes their distributor likelier to get another
  static final double REFERRED_BY_CUSTOMER = 0.15; // of customers
  static final double CAMPAIGN_SHARE = 0.14; // of non-autoship sales
  static final double RETURN_SHARE = 0.04; // of sales
  static final double SAME_MONTH_RETURN = 0.55; // of returns

  /** The founder and the first leaders: distributors who never leave and stay active every month. */
  static final int FOUNDERS = 5;

  static final int NEVER = Integer.MAX_VALUE;

  private final int members;
  private final int months;
  private final long seed;
  private final YearMonth start;

  /**
   * @param members how many members in all, across history and window (at least 1)
   * @param months length of the order window in months (1..600)
   * @param seed any value; the same seed gives the same company
   * @param start first month of the order window
   */
  public CompanyGenerator(int members, int months, long seed, YearMonth start) {
    if (members < 1) throw new IllegalArgumentException("members must be at least 1, not " + members);
    if (months < 1 || months > 600) throw new IllegalArgumentException("months must be 1..600, not " + months);
    this.members = members;
    this.months = months;
    this.seed = seed;
    this.start = start;
  }

  /** The first month of a window of {@code months} months that ends just before {@code end}. */
  public static YearMonth startBefore(YearMonth end, int months) {
    return end.minusMonths(months);
  }

  /** What was generated, for a summary line and for tests. Days are epoch days; amounts hundredths. */
  /** The seed the company is drawn from; its prospecting draws from the same one. */
  public long seed() {
    return seed;
  }

  public record Summary(
      int members,
      int distributors,
      int customers,
      int preferredCustomers,
      int gone,
      long sales,
      long autoshipOrders,
      long returns,
      int autoships,
      int products,
      int campaigns,
      int maxDepth,
      long salesPv,
      long salesTotal,
      int firstJoinDay,
      int startDay,
      int endDay) {}

  public Summary generate(CompanySink sink) {
    return generate(sink, Progress.NONE);
  }

  public Summary generate(CompanySink sink, Progress progress) {
    return new Run(sink, progress).run();
  }

  /** One generation's state: everything per member is a primitive array indexed by join order. */
  private final class Run {
    final CompanySink sink;
    final Progress progress;
    // Separate streams: the tree does not shift when order rules change, and vice versa.
    final SplittableRandom tree;
    final SplittableRandom people;
    final SplittableRandom shop;

    final int startDay;
    final int endDay;
    final int foundDay;
    final int[] monthStart; // window month k starts on monthStart[k]; monthStart[months] == endDay
    final int[] monthOfDay; // window month of (day - startDay)

    final String[] sku;
    final long[] price;
    final long[] pv;
    final long[] cv;
    final int[] regular; // non-kit products, most popular first
    final int starterKit;
    final int builderKit;
    final int welcomePack;
    final int leaderPack; // the regular product with the most PV
    final String[] campaignCodes;
    final int[] campaignByPercent;

    final int[] joinDay;
    final int[] goneDay; // first day no longer active, NEVER if active at the end
    final int[] depth;
    // Binary placement of distributors: children by side (0 left, 1 right), and per sponsor the last
    // member they placed on each side, where the walk down that side's outer edge resumes.
    final int[] placedChild;
    final int[] placedBottom;
    final int[] placedCount;
    // The holding tank: some recent recruits are not placed yet. Drawn from a stream of its own so
    // that every other column (and everyone else's placement) is what it was without a tank.
    final java.util.Random tank;
    final boolean[] tanked;
    final byte[] country;
    final int[] paPool; // a distributor once on joining and once per distributor recruited
    int paSize;
    final int[] retailPool; // a retail distributor once on joining and again for some customers
    int retailSize;
    final int[] customerPool; // a customer once on joining and once per customer referred
    int customerSize;
    final int[] distributors; // in join order
    int distributorCount;
    final int[] chainTail; // bottom of each deep line, -1 when it must restart
    final int[] chainLeft;

    final int idWidth;
    long orderSeq;
    int autoshipSeq;
    // counts for the summary
    int nDistributors;
    int nCustomers;
    int nPreferred;
    int nGone;
    long nSales;
    long nAutoshipOrders;
    long nReturns;
    int maxDepth;
    long sumPv;
    long sumTotal;

    // scratch for composing one order
    final int[] lineProduct = new int[6];
    final int[] lineQty = new int[6];
    int lines;
    // the current member's autoship items, kept apart because other orders reuse the scratch above
    final int[] autoshipProduct = new int[6];
    final int[] autoshipQty = new int[6];
    int autoshipLines;

    Run(CompanySink sink, Progress progress) {
      this.sink = sink;
      this.progress = progress;
      SplittableRandom root = new SplittableRandom(seed);
      tree = root.split();
      people = root.split();
      shop = root.split();

      int startPeriod = Periods.index(start);
      startDay = Periods.firstDay(startPeriod);
      endDay = Periods.firstDay(startPeriod + months);
      foundDay = Periods.firstDay(startPeriod - HISTORY_MONTHS);
      monthStart = new int[months + 1];
      for (int k = 0; k <= months; k++) monthStart[k] = Periods.firstDay(startPeriod + k);
      monthOfDay = new int[endDay - startDay];
      for (int k = 0; k < months; k++) {
        for (int d = monthStart[k]; d < monthStart[k + 1]; d++) monthOfDay[d - startDay] = k;
      }

      List<Product> catalogue = Catalogue.products();
      int p = catalogue.size();
      sku = new String[p];
      price = new long[p];
      pv = new long[p];
      cv = new long[p];
      List<Integer> reg = new ArrayList<>();
      int kit1 = -1;
      int kit2 = -1;
      int kit3 = -1;
      for (int i = 0; i < p; i++) {
        Product prod = catalogue.get(i);
        sku[i] = prod.sku();
        price[i] = prod.price();
        pv[i] = prod.pv();
        cv[i] = prod.cv();
        if (!prod.kit()) reg.add(i);
        else if (kit1 < 0) kit1 = i;
        else if (kit2 < 0) kit2 = i;
        else kit3 = i;
      }
      regular = reg.stream().mapToInt(Integer::intValue).toArray();
      int most = regular[0];
      for (int r : regular) if (pv[r] > pv[most]) most = r;
      leaderPack = most;
      starterKit = kit1;
      builderKit = kit2;
      welcomePack = kit3;
      List<Campaign> campaigns = Catalogue.campaigns();
      campaignCodes = campaigns.stream().map(Campaign::code).toArray(String[]::new);
      campaignByPercent = new int[100];
      // Skewed: the first campaign carries about a quarter of coded orders, the last a few percent.
      int weightSum = 0;
      for (int c = 0; c < campaignCodes.length; c++) weightSum += campaignCodes.length - c + 2;
      int k = 0;
      for (int c = 0; c < campaignCodes.length; c++) {
        int share = (campaignCodes.length - c + 2) * 100 / weightSum;
        for (int w = 0; w < share && k < 100; w++) campaignByPercent[k++] = c;
      }
      while (k < 100) campaignByPercent[k++] = 0;

      joinDay = new int[members];
      goneDay = new int[members];
      depth = new int[members];
      placedChild = new int[2 * members];
      placedBottom = new int[2 * members];
      placedCount = new int[members];
      tank = new java.util.Random(seed * 0x9E3779B97F4A7C15L + 14);
      tanked = new boolean[members];
      java.util.Arrays.fill(placedChild, -1);
      java.util.Arrays.fill(placedBottom, -1);
      country = new byte[members];
      paPool = new int[2 * members];
      retailPool = new int[2 * members];
      customerPool = new int[2 * members];
      distributors = new int[members];
      int chains = Math.max(4, members / 2500);
      chainTail = new int[chains];
      chainLeft = new int[chains];
      java.util.Arrays.fill(chainTail, -1);
      idWidth = Math.max(7, Integer.toString(members).length());
    }

    Summary run() {
      List<Product> catalogue = Catalogue.products();
      for (Product p : catalogue) sink.product(p);
      List<Campaign> campaigns = Catalogue.campaigns();
      for (Campaign c : campaigns) sink.campaign(c);

      progress.start("generate", members, "members");
      int span = endDay - foundDay;
      double g = StrictMath.log1p(MONTHLY_GROWTH) / 30.436875; // growth per day
      double e = StrictMath.expm1(g * span);
      for (int i = 0; i < members; i++) {
        // Stratified inverse of an exponential-growth density: join days come out non-decreasing,
        // so members are generated (and sent) in join order.
        int day;
        if (i == 0) {
          day = foundDay;
        } else {
          double u = (i + tree.nextDouble()) / members;
          day = foundDay + Math.min(span - 1, (int) (StrictMath.log1p(u * e) / g));
        }
        joinDay[i] = day;
        member(i, day);
        if ((i & 0x1FFF) == 0x1FFF) progress.update(i + 1L);
      }
      progress.update(members);
      progress.finish();
      return new Summary(members, nDistributors, nCustomers, nPreferred, nGone, nSales, nAutoshipOrders,
          nReturns, autoshipSeq, catalogue.size(), campaigns.size(), maxDepth, sumPv, sumTotal, foundDay,
          startDay, endDay);
    }

    private void member(int i, int day) {
      boolean distributor = i < FOUNDERS || tree.nextDouble() < DISTRIBUTOR_SHARE;
      boolean preferred = false;
      int sponsor;
      boolean chain = false;
      if (distributor) {
        if (i == 0) {
          sponsor = -1;
        } else if (i < FOUNDERS) {
          sponsor = 0; // the founder's first leaders, each the head of a big leg
        } else if (tree.nextDouble() < CHAIN_SHARE) {
          chain = true;
          int c = tree.nextInt(chainTail.length);
          sponsor = chainTail[c];
          if (sponsor < 0 || goneDay[sponsor] <= day) sponsor = preferential(day);
          if (sponsor < 0) sponsor = recent(day);
          chainTail[c] = i;
          if (--chainLeft[c] <= 0) {
            // A line pauses after a stretch; sometimes it carries on from the same bottom, going deeper.
            if (tree.nextDouble() >= 0.3) chainTail[c] = -1;
            chainLeft[c] = 10 + tree.nextInt(40);
          }
        } else if (tree.nextDouble() < PREFERENTIAL_SHARE / (1 - CHAIN_SHARE)) {
          sponsor = preferential(day);
        } else {
          sponsor = recent(day);
        }
        if (i > 0 && sponsor < 0) sponsor = 0; // the founder never leaves
        if (sponsor >= 0) paPool[paSize++] = sponsor;
        paPool[paSize++] = i;
        distributors[distributorCount++] = i;
        if (tree.nextDouble() < RETAIL_SHARE) retailPool[retailSize++] = i;
        nDistributors++;
      } else {
        preferred = tree.nextDouble() < PREFERRED_SHARE;
        sponsor = -1;
        if (customerSize > 0 && tree.nextDouble() < REFERRED_BY_CUSTOMER) {
          for (int t = 0; t < 4 && sponsor < 0; t++) {
            int c = customerPool[tree.nextInt(customerSize)];
            if (goneDay[c] > day) sponsor = c;
          }
          if (sponsor >= 0) customerPool[customerSize++] = sponsor;
        }
        if (sponsor < 0 && retailSize > 0) {
          for (int t = 0; t < 8 && sponsor < 0; t++) {
            int d = retailPool[tree.nextInt(retailSize)];
            if (goneDay[d] > day) sponsor = d;
          }
          // A few retail distributors snowball (a happy customer brings friends); most stay small.
          if (sponsor >= 0 && tree.nextDouble() < RETAIL_SNOWBALL) retailPool[retailSize++] = sponsor;
        }
        if (sponsor < 0) sponsor = recent(day);
        if (sponsor < 0) sponsor = 0;
        customerPool[customerSize++] = i;
        nCustomers++;
        if (preferred) nPreferred++;
      }
      depth[i] = sponsor < 0 ? 0 : depth[sponsor] + 1;
      if (depth[i] > maxDepth) maxDepth = depth[i];

      // Churn: most distributors leave within a year; the founders never do.
      int gone = NEVER;
      double r = tree.nextDouble();
      if (distributor && i >= FOUNDERS) {
        double within = chain ? CHAIN_GONE_WITHIN_YEAR : GONE_WITHIN_YEAR;
        if (r < within) gone = day + 14 + (int) (352 * StrictMath.pow(tree.nextDouble(), 1.5));
        else if (r < within + GONE_LATER * (1 - within)) gone = day + 366 + tree.nextInt(730);
      } else if (!distributor && r < CUSTOMER_GONE) {
        gone = day + 10 + (int) (540 * StrictMath.pow(tree.nextDouble(), 1.4));
      }
      MemberStatus status = MemberStatus.ACTIVE;
      int statusDay = Integer.MIN_VALUE;
      if (gone >= endDay) {
        gone = NEVER;
      } else if (gone != NEVER) {
        status = distributor && tree.nextInt(100) < 3 ? MemberStatus.TERMINATED : MemberStatus.CANCELLED;
        statusDay = gone;
        nGone++;
      }
      goneDay[i] = gone;

      int c = sponsor >= 0 && tree.nextInt(100) < 85 ? country[sponsor] : People.COUNTRY_BY_PERCENT[tree.nextInt(100)];
      country[i] = (byte) c;

      String id = code('M', i + 1L, idWidth);
      String sponsorId = sponsor < 0 ? null : code('M', sponsor + 1L, idWidth);
      String placementId = null;
      int side = -1;
      if (distributor && sponsor >= 0) {
        side = placedCount[sponsor]++ & 1;
        int parent = place(sponsor, side, i);
        // The spot is taken as before (so nobody else moves), but a recruit of the last weeks may still
        // wait in the tank; so does anyone whose sponsor or spot's parent waits (a parent must be placed).
        if (tanked[sponsor] || tanked[parent] || (day >= endDay - TANK_DAYS && tank.nextInt(100) < TANK_PERCENT)) {
          tanked[i] = true;
          side = -1;
        } else {
          placementId = parent == sponsor ? sponsorId : code('M', parent + 1L, idWidth);
        }
      }
      MemberRow row = new MemberRow(0, id, sponsorId, distributor ? MemberKind.DISTRIBUTOR : MemberKind.CUSTOMER,
          preferred, day, status, statusDay, placementId, side);
      sink.member(row, profile(i, id, c));
      orders(i, id, day, gone, distributor, preferred);
    }

    /** Recruits who joined in the window's last TANK_DAYS days wait in the holding tank TANK_PERCENT of the time. */
    static final int TANK_DAYS = 14;
    static final int TANK_PERCENT = 40;

    /**
     * Places distributor {@code i} in a binary tree under its sponsor: recruits alternate left and
     * right, each going to the first free spot down the outer edge of that side ("spillover"), as a
     * binary plan's enroller would place them. Returns the placement parent.
     */
    private int place(int sponsor, int side, int i) {
      int node = placedBottom[2 * sponsor + side];
      if (node < 0) node = sponsor;
      while (placedChild[2 * node + side] >= 0) node = placedChild[2 * node + side];
      placedChild[2 * node + side] = i;
      placedBottom[2 * sponsor + side] = i;
      return node;
    }

    /** A sponsor drawn by recruits + 1 among distributors still active on {@code day}, or -1. */
    private int preferential(int day) {
      for (int t = 0; t < 8; t++) {
        int s = paPool[tree.nextInt(paSize)];
        if (goneDay[s] > day) return s;
      }
      return -1;
    }

    /** A sponsor among the last few hundred distributors to join who are still active, or -1. */
    private int recent(int day) {
      if (distributorCount == 0) return -1;
      int window = Math.min(distributorCount, 500);
      for (int t = 0; t < 16; t++) {
        int s = distributors[distributorCount - 1 - tree.nextInt(window)];
        if (goneDay[s] > day) return s;
      }
      return -1;
    }

    private MemberProfile profile(int i, String id, int c) {
      int f = people.nextInt(People.FIRST.length);
      int l = people.nextInt(People.LAST.length);
      String email = People.FIRST_EMAIL[f] + '.' + People.LAST_EMAIL[l] + '.' + (i + 1) + "@example.com";
      String phone = "+" + People.CALLING[c] + ' ' + (100_000_000 + people.nextInt(900_000_000));
      return new MemberProfile(id, People.FIRST[f] + ' ' + People.LAST[l], email, phone, People.COUNTRY[c],
          People.LOCALE[c]);
    }

    /**
     * The member's orders inside the window, in date order: a joining order (with a kit for a new
     * distributor), monthly autoship shipments, and other purchases as a Poisson process whose rate
     * differs widely between members, which spreads purchase counts over every frequency bucket.
     */
    private void orders(int i, String id, int join, int gone, boolean distributor, boolean preferred) {
      SplittableRandom rnd = shop;
      int from = Math.max(startDay, join);
      int until = Math.min(endDay, gone);

      // Autoship: decided for everyone so that subscriptions exist even for members gone before the window.
      double autoshipChance = preferred ? 0.85 : distributor ? 0.35 : 0.08;
      boolean founder = i < FOUNDERS;
      boolean autoship = rnd.nextDouble() < autoshipChance || founder;
      int autoshipEnd = gone;
      int asDom = 0;
      if (autoship) {
        if (rnd.nextDouble() < 0.35 && !founder) autoshipEnd = Math.min(gone, join + 45 + rnd.nextInt(400));
        if (autoshipEnd >= endDay) autoshipEnd = NEVER;
        asDom = Math.min(28, LocalDate.ofEpochDay(join).getDayOfMonth());
        composeAutoship(rnd);
        if (founder) addLine(leaderPack, 1); // keeps their PV over any activity threshold
        boolean active = autoshipEnd == NEVER;
        autoshipLines = lines;
        List<Autoship.Item> items = new ArrayList<>(lines);
        for (int l = 0; l < lines; l++) {
          autoshipProduct[l] = lineProduct[l];
          autoshipQty[l] = lineQty[l];
          items.add(new Autoship.Item(sku[lineProduct[l]], lineQty[l]));
        }
        sink.autoship(new Autoship(code('A', ++autoshipSeq, idWidth), id, items, 1, join,
            active ? endDay + asDom - 1 : Integer.MIN_VALUE,
            active ? Autoship.Status.ACTIVE : Autoship.Status.CANCELLED, active ? Integer.MIN_VALUE : autoshipEnd));
      }
      if (from >= until) return;

      // Other purchases: a third buy once (when joining) and never again; the rest at rates from
      // about one order in ten months to one and a half a month.
      double perDay;
      if (autoship) perDay = 0.08 / 30;
      else if (rnd.nextDouble() < 0.30) perDay = 0;
      else perDay = StrictMath.exp(StrictMath.log(0.1) + rnd.nextDouble() * StrictMath.log(16)) / 30;

      if (join >= startDay) {
        composeJoining(rnd, distributor, preferred);
        sale(rnd, id, join, false, lineProduct, lineQty, lines);
      }
      int nextBuy = perDay > 0 ? from + gap(rnd, perDay) : NEVER;
      int k = monthOfDay[from - startDay];
      int nextShip = NEVER;
      if (autoship) {
        // First shipment in the month after joining (the joining order covers the first month).
        int firstMonth = join >= startDay ? k + 1 : k;
        for (; firstMonth < months; firstMonth++) {
          int d = monthStart[firstMonth] + asDom - 1;
          if (d >= from) {
            nextShip = d;
            k = firstMonth;
            break;
          }
        }
      }
      int autoshipUntil = Math.min(until, autoshipEnd);
      while (true) {
        boolean ship = nextShip < autoshipUntil && nextShip <= nextBuy;
        if (ship) {
          sale(rnd, id, nextShip, true, autoshipProduct, autoshipQty, autoshipLines);
          k++;
          nextShip = k < months ? monthStart[k] + asDom - 1 : NEVER;
        } else if (nextBuy < until) {
          composeRegular(rnd);
          sale(rnd, id, nextBuy, false, lineProduct, lineQty, lines);
          nextBuy += gap(rnd, perDay);
        } else {
          break;
        }
      }
    }

    /** Days to the next purchase of a Poisson process: at least one. */
    private int gap(SplittableRandom rnd, double perDay) {
      double g = -StrictMath.log(1 - rnd.nextDouble()) / perDay;
      return g >= 100_000 ? 100_000 : 1 + (int) g;
    }

    /** Emits a sale of {@code n} lines of products and quantities, its lines, and maybe a return. */
    private void sale(SplittableRandom rnd, String memberId, int day, boolean autoship, int[] product, int[] qty,
        int n) {
      long opv = 0;
      long ocv = 0;
      long ototal = 0;
      for (int l = 0; l < n; l++) {
        int p = product[l];
        opv += pv[p] * qty[l];
        ocv += cv[p] * qty[l];
        ototal += price[p] * qty[l];
      }
      String campaign = !autoship && rnd.nextDouble() < CAMPAIGN_SHARE
          ? campaignCodes[campaignByPercent[rnd.nextInt(100)]] : null;
      String saleId = code('O', ++orderSeq, 9);
      sink.order(new OrderRow(0, saleId, memberId, day, opv, ocv, ototal, null, autoship, campaign));
      for (int l = 0; l < n; l++) {
        int p = product[l];
        sink.orderLine(new OrderLine(saleId, l + 1, sku[p], qty[l], price[p], pv[p] * qty[l], cv[p] * qty[l]));
      }
      nSales++;
      if (autoship) nAutoshipOrders++;
      sumPv += opv;
      sumTotal += ototal;

      if (rnd.nextDouble() < RETURN_SHARE) {
        // Part returns give back one line of a several-line order; autoship orders go back whole.
        long rpv = opv;
        long rcv = ocv;
        long rtotal = ototal;
        if (!autoship && n > 1 && rnd.nextBoolean()) {
          int p = product[n - 1];
          rpv = pv[p] * qty[n - 1];
          rcv = cv[p] * qty[n - 1];
          rtotal = price[p] * qty[n - 1];
        }
        int k = monthOfDay[day - startDay];
        int returnDay;
        if (rnd.nextDouble() < SAME_MONTH_RETURN) {
          returnDay = day + rnd.nextInt(Math.min(8, monthStart[k + 1] - day));
        } else {
          returnDay = monthStart[k + 1] + rnd.nextInt(40);
        }
        if (returnDay < endDay) {
          sink.order(new OrderRow(0, code('O', ++orderSeq, 9), memberId, returnDay, -rpv, -rcv, -rtotal, saleId,
              false, null));
          nReturns++;
        }
      }
    }

    private void composeJoining(SplittableRandom rnd, boolean distributor, boolean preferred) {
      composeRegular(rnd);
      if (distributor) addLine(rnd.nextInt(4) == 0 ? builderKit : starterKit, 1);
      else if (preferred || rnd.nextInt(10) == 0) addLine(welcomePack, 1);
    }

    private void composeAutoship(SplittableRandom rnd) {
      lines = 0;
      int n = 1 + rnd.nextInt(3);
      for (int l = 0; l < n; l++) addLine(popular(rnd), rnd.nextInt(5) == 0 ? 2 : 1);
    }

    /** One to four lines, popular products more often, sometimes two of a kind. */
    private void composeRegular(SplittableRandom rnd) {
      lines = 0;
      double r = rnd.nextDouble();
      int n = r < 0.45 ? 1 : r < 0.75 ? 2 : r < 0.92 ? 3 : 4;
      for (int l = 0; l < n; l++) addLine(popular(rnd), rnd.nextInt(5) == 0 ? 2 : 1);
    }

    private int popular(SplittableRandom rnd) {
      double u = rnd.nextDouble();
      return regular[(int) (u * u * regular.length)];
    }

    /** Adds a line, merging a repeat of the same product so that an order never lists it twice. */
    private void addLine(int product, int qty) {
      for (int l = 0; l < lines; l++) {
        if (lineProduct[l] == product) {
          lineQty[l] += qty;
          return;
        }
      }
      lineProduct[lines] = product;
      lineQty[lines++] = qty;
    }
  }

  /** {@code prefix} followed by {@code n} zero-padded to {@code width} digits, e.g. M0000042. */
  static String code(char prefix, long n, int width) {
    String digits = Long.toString(n);
    int pad = width - digits.length();
    if (pad <= 0) return prefix + digits;
    char[] out = new char[1 + width];
    out[0] = prefix;
    for (int k = 1; k <= pad; k++) out[k] = '0';
    digits.getChars(0, digits.length(), out, 1 + pad);
    return new String(out);
  }
}
