package org.downline.cli;

import java.util.concurrent.Callable;
import org.downline.app.disclosure.DisclosureYear;
import org.downline.core.Decimals;
import org.downline.core.Periods;
import org.downline.disclosure.PayoutHealth;
import org.downline.disclosure.Share;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code downline report payout-health}: payout against CV and the plan's maximum, and the top earners' share. */
@Command(
    name = "payout-health",
    mixinStandardHelpOptions = true,
    description = {
      "Per period of a year: net CV, payout, payout as a share of CV, the plan's theoretical maximum (its payout",
      "cap) and the breakage (maximum less the share paid), earners, and the share of pay to the top 1% and 10%."
    })
final class PayoutHealthCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin YearSource source;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Override
  public Integer call() {
    DisclosureYear year = source.load();
    if (!year.leftOutPeriods().isEmpty()) {
      spec.commandLine().getErr().println("periods of " + year.ledger().year() + " not closed, left out: " + year.leftOutPeriods());
      spec.commandLine().getErr().flush();
    }
    Table t = new Table("period", "cv", "payout", "payout_share_of_cv", "max_share_of_cv", "breakage", "earners", "top1_share",
        "top10_share").numeric("cv", "payout", "payout_share_of_cv", "max_share_of_cv", "breakage", "earners", "top1_share",
        "top10_share");
    for (PayoutHealth.Row r : year.health()) {
      t.row(Periods.name(r.period()), Decimals.format(r.cv()), Decimals.format(r.payout()),
          r.hasShare() ? Share.format(r.payoutShare()) : "", r.hasMax() ? Share.format(r.maxShare()) : "",
          r.hasMax() && r.hasShare() ? Share.format(r.breakage()) : "", Integer.toString(r.earners()),
          Share.format(r.top1Share()), Share.format(r.top10Share()));
    }
    Printed.print(t, format, spec.commandLine().getOut());
    return 0;
  }
}
