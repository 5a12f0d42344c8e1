package org.downline.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.downline.core.InputErrors;
import org.downline.core.Progress;
import org.downline.csv.MemberCsv;
import org.downline.csv.OrderCsv;
import org.downline.network.MemberRow;
import org.downline.network.Network;
import org.downline.network.NetworkBuilder;
import org.downline.network.OrderBook;
import org.downline.network.OrderBookBuilder;

/** A members file and an orders file read and checked into a Network and an OrderBook. */
record FileInputs(Network network, OrderBook book) {
  /**
   * Reads both files at once, the orders on a thread of their own (their member ids looked up once
   * the members are known): each file took one core while the other stayed idle. What is reported
   * is what reading one after the other reported: the members file's problems alone when it has
   * any, else the orders file's, each in its rows' order.
   *
   * @throws org.downline.core.InvalidInputException naming every bad row of either file (up to a limit)
   */
  static FileInputs read(Path members, Path orders, Progress progress) {
    InputErrors errors = new InputErrors();
    InputErrors orderErrors = new InputErrors();
    OrderBookBuilder ob = OrderBookBuilder.withMembersLater(orders.getFileName().toString(), expectedOrders(orders));
    Later ordersProgress = new Later(progress);
    Throwable[] ordersFailed = new Throwable[1];
    Thread reading = new Thread(() -> {
      try {
        OrderCsv.read(orders, orderErrors, ordersProgress, ob::add);
      } catch (RuntimeException | Error e) {
        ordersFailed[0] = e;
      }
    }, "orders-read");
    reading.setDaemon(true);
    reading.start();
    Network network;
    try {
      MemberCsv.Result m = MemberCsv.read(members, errors, progress);
      errors.throwIfAny();
      NetworkBuilder nb = new NetworkBuilder(members.getFileName().toString(), m.rows().size());
      for (MemberRow row : m.rows()) nb.add(row);
      network = nb.build(errors);
      errors.throwIfAny();
    } finally {
      ordersProgress.open();
      join(reading);
    }
    if (ordersFailed[0] instanceof RuntimeException e) throw e;
    if (ordersFailed[0] instanceof Error e) throw e;
    orderErrors.throwIfAny();
    ob.members(network);
    OrderBook book = ob.build(orderErrors);
    orderErrors.throwIfAny();
    return new FileInputs(network, book);
  }

  /** About as many orders as the file has rows (a row is rarely under 40 bytes): room made once, not grown. */
  private static int expectedOrders(Path orders) {
    try {
      return (int) Math.min(1 << 28, Math.max(1024, Files.size(orders) / 40));
    } catch (IOException e) {
      return 1024; // the reading names the file's problem
    }
  }

  private static void join(Thread t) {
    boolean interrupted = false;
    while (true) {
      try {
        t.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
  }

  /**
   * The orders' progress, held back while the members' is shown (one task at a time on the console):
   * once {@link #open}, the task is shown with how far it has come, then follows as it goes.
   */
  private static final class Later implements Progress {
    private final Progress to;
    private boolean open;
    private String task;
    private long total;
    private String unit;
    private long done = -1;
    private boolean finished;

    Later(Progress to) {
      this.to = to;
    }

    synchronized void open() {
      open = true;
      if (task != null) to.start(task, total, unit);
      if (done >= 0) to.update(done);
      if (finished) to.finish();
    }

    @Override
    public synchronized void start(String task, long total, String unit) {
      if (open) {
        to.start(task, total, unit);
        return;
      }
      this.task = task;
      this.total = total;
      this.unit = unit;
      done = -1;
      finished = false;
    }

    @Override
    public synchronized void update(long done) {
      if (open) to.update(done);
      else this.done = done;
    }

    @Override
    public synchronized void finish() {
      if (open) to.finish();
      else finished = true;
    }
  }
}
