package org.downline.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.downline.core.Decimals;
import org.downline.core.Periods;
import org.downline.disclosure.AlertRules;
import org.downline.disclosure.Alerts;
import org.downline.network.Network;
import org.downline.network.OrderBook;
import org.downline.planfile.PlanFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code downline report alerts}: loading and stacking alerts of a period (docs/honest-numbers.md). */
@Command(
    name = "alerts",
    mixinStandardHelpOptions = true,
    description = {
      "Loading and stacking alerts of a period, each with the figures that raised it and the orders or members",
      "behind it: loading (own purchases late in the period far above the usual level), just_enough (late",
      "purchases that just reach Active), first_order (a new distributor's large first order), buying_for_others",
      "(sponsored members who only ever order alongside their sponsor), stacking (non-Active distributors between",
      "Active ones on a line). An alert is a reason to look, not a finding."
    })
final class AlertsCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--period", required = true, paramLabel = "YYYY-MM", description = "The period.")
  String period;

  @Option(names = "--plan", defaultValue = "demo", paramLabel = "PLAN",
      description = "The plan whose Active threshold counts (default: ${DEFAULT-VALUE}).")
  String plan;

  @Option(names = "--last-days", defaultValue = "5", description = "Loading: the last days of the period watched (default: ${DEFAULT-VALUE}).")
  int lastDays;

  @Option(names = "--loading-factor", defaultValue = "3", description = "Loading: late own PV at least this many times the usual (default: ${DEFAULT-VALUE}).")
  int loadingFactor;

  @Option(names = "--usual-months", defaultValue = "3", description = "Loading: months averaged for the usual own PV (default: ${DEFAULT-VALUE}).")
  int usualMonths;

  @Option(names = "--loading-min-pv", defaultValue = "100", description = "Loading: late own PV below this never alerts (default: ${DEFAULT-VALUE}).")
  String loadingMinPv;

  @Option(names = "--just-enough-margin", defaultValue = "10", description = "Just enough: PV at most this % above Active (default: ${DEFAULT-VALUE}).")
  int justEnoughMargin;

  @Option(names = "--first-order-days", defaultValue = "30", description = "First order: within this many days of joining (default: ${DEFAULT-VALUE}).")
  int firstOrderDays;

  @Option(names = "--first-order-total", defaultValue = "500", description = "First order: a total at least this (default: ${DEFAULT-VALUE}).")
  String firstOrderTotal;

  @Option(names = "--buying-for-others-pv", defaultValue = "100", description = "Buying for others: PV at least this (default: ${DEFAULT-VALUE}).")
  String buyingForOthersPv;

  @Option(names = "--buying-for-others-members", defaultValue = "2", description = "Buying for others: members at least this (default: ${DEFAULT-VALUE}).")
  int buyingForOthersMembers;

  @Option(names = "--stacking-depth", defaultValue = "2", description = "Stacking: non-Active distributors in a row at least this (default: ${DEFAULT-VALUE}).")
  int stackingDepth;

  @CommandLine.Mixin CompanySource source;

  @Override
  public Integer call() {
    int p = Periods.index(org.downline.core.InvalidInputException.period("--period", period));
    AlertRules rules;
    try {
      rules = new AlertRules(lastDays, loadingFactor, usualMonths, Decimals.parseCents(loadingMinPv), justEnoughMargin,
          firstOrderDays, Decimals.parseCents(firstOrderTotal), Decimals.parseCents(buyingForOthersPv), buyingForOthersMembers,
          stackingDepth);
    } catch (IllegalArgumentException e) {
      throw org.downline.core.InvalidInputException.parameter("options", e.getMessage());
    }
    FileInputs company = source.load();
    List<Alerts.Alert> alerts = Alerts.compute(company.network(), company.book(), PlanFile.load(plan), p, rules);
    Printed.print(table(period, alerts, company.network(), company.book()), source.format, spec.commandLine().getOut());
    return 0;
  }

  static Table table(String period, List<Alerts.Alert> alerts, Network net, OrderBook book) {
    Table t = new Table("period", "kind", "member_id", "figures", "orders", "members");
    for (Alerts.Alert a : alerts) {
      t.row(period, a.kind().code(), net.id(a.member()), a.figures(), ids(a.orders(), book::id), ids(a.members(), net::id));
    }
    return t;
  }

  private static String ids(int[] indexes, java.util.function.IntFunction<String> id) {
    StringBuilder sb = new StringBuilder();
    for (int i : indexes) sb.append(sb.isEmpty() ? "" : " ").append(id.apply(i));
    return sb.toString();
  }
}
