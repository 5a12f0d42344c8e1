package org.downline.web.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.downline.app.disclosure.DisclosureYear;
import org.downline.core.Periods;
import org.downline.disclosure.AlertRules;
import org.downline.disclosure.Alerts;
import org.downline.disclosure.IncomeDisclosure;
import org.downline.disclosure.Retention;
import org.downline.store.Database;
import org.downline.store.PeriodStore;
import org.downline.web.CompanyData;
import org.downline.web.Snapshot;
import org.springframework.stereotype.Component;

/**
 * The year reports for the web pages, on the stored data (closed runs) and the loaded company. A
 * year's figures are kept until the company is reloaded or a period changes state.
 */
@Component
public class DisclosureService {
  private final Database db;
  private final CompanyData data;
  private final String planName;
  private final Map<String, DisclosureYear> years = new LinkedHashMap<>();

  public DisclosureService(Database db, CompanyData data,
      @org.springframework.beans.factory.annotation.Value("${downline.plan:demo}") String planName) {
    this.db = db;
    this.data = data;
    this.planName = planName;
  }

  /** The latest year whose periods are all closed, else the latest with a closed period, else the open period's. */
  public int defaultYear() {
    int y = DisclosureYear.latestFullYear(new PeriodStore(db).states());
    return y > 0 ? y : Periods.yearMonth(data.current().defaultPeriod()).getYear();
  }

  public synchronized DisclosureYear year(int year) {
    Snapshot s = data.current();
    String key = year + "/" + System.identityHashCode(s) + "/" + s.version() + "/" + new PeriodStore(db).states();
    DisclosureYear y = years.get(key);
    if (y == null) {
      years.keySet().removeIf(k -> k.startsWith(year + "/"));
      y = DisclosureYear.fromStore(db, s.network(), s.book(), planName, year);
      years.put(key, y);
    }
    return y;
  }

  public IncomeDisclosure.Statement statement(int year) {
    return year(year).statement();
  }

  public List<Alerts.Alert> alerts(int period) {
    Snapshot s = data.current();
    return Alerts.compute(s.network(), s.book(), data.plan(), period, AlertRules.DEFAULT);
  }

  public Snapshot company() {
    return data.current();
  }

  /** Cohorts of the year's join months, known as of the latest order. */
  public List<Retention.Cohort> retention(int year) {
    Snapshot s = data.current();
    int n = s.book().size();
    int asOf = n == 0 ? 0 : s.book().days()[n - 1];
    return new ArrayList<>(Retention.compute(s.network(), s.book(), year * 12, year * 12 + 11, asOf));
  }
}
