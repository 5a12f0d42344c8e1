package org.downline.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.downline.app.strategy.StrategyBoard;
import org.downline.core.InvalidInputException;
import org.downline.core.Periods;
import org.downline.network.OrderBook;
import org.downline.store.Database;
import org.springframework.stereotype.Component;

/**
 * The strategy board for the console and the API, on the in-memory snapshot and the stored strategy.
 * The window defaults to the 365 days ending on the latest order's day (today when there is none).
 */
@Component
public class StrategyData {
  private final CompanyData data;
  private final Database db;

  public StrategyData(CompanyData data, Database db) {
    this.data = data;
    this.db = db;
  }

  public StrategyBoard.Board board(String from, String to) {
    Snapshot s = data.current();
    OrderBook book = s.book();
    int toDay = to == null || to.isBlank()
        ? book.size() > 0 ? book.days()[book.size() - 1] : (int) LocalDate.now(ZoneOffset.UTC).toEpochDay()
        : day("to", to);
    int fromDay = from == null || from.isBlank() ? toDay - 364 : day("from", from);
    if (toDay < fromDay) throw InvalidInputException.parameter("to", "is before from");
    return StrategyBoard.build(db, s.network(), book, fromDay, toDay);
  }

  private static int day(String name, String text) {
    return InvalidInputException.day(name, text.strip());
  }
}
