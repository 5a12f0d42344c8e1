package org.downline.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import org.downline.commission.CommissionEngine;
import org.downline.commission.History;
import org.downline.commission.OutputOrder;
import org.downline.commission.PeriodResult;
import org.downline.commission.Plan;
import org.downline.core.InputErrors;
import org.downline.core.Progress;
import org.downline.csv.CommissionCsv;
import org.downline.csv.MemberCsv;
import org.downline.csv.OrderCsv;
import org.downline.network.MemberRow;
import org.downline.network.Network;
import org.downline.network.NetworkBuilder;
import org.downline.network.OrderBook;
import org.downline.network.OrderBookBuilder;
import org.downline.planfile.PlanFile;

/**
 * File mode stage by stage, wall and CPU time of the main thread: read members, read orders,
 * compute, id ranks, grouping lines by earner alone, then grouping again while writing both files
 * (to a temporary directory, deleted after). CPU time is the steadier figure on a shared machine.
 *
 * <pre>bench/run org.downline.bench.FileModeBench DIR_WITH_members.csv_AND_orders.csv</pre>
 */
public final class FileModeBench {
  static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  static long wall;
  static long cpu;
  static long processCpu;

  static void start() {
    wall = System.nanoTime();
    cpu = THREADS.getCurrentThreadCpuTime();
    processCpu = OS.getProcessCpuTime();
  }

  /** Wall time, CPU of the main thread, CPU of the whole JVM (other threads and GC included), load. */
  static void lap(String what) throws java.io.IOException {
    System.out.printf("%-22s wall %6.1f s  cpu %6.1f s  process cpu %6.1f s  (load %s)%n", what, (System.nanoTime() - wall) / 1e9,
        (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9, (OS.getProcessCpuTime() - processCpu) / 1e9,
        Files.readString(Path.of("/proc/loadavg")).substring(0, 14).trim());
    start();
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Plan plan = PlanFile.builtIn("demo");
    start();
    InputErrors errors = new InputErrors();
    MemberCsv.Result m = MemberCsv.read(dir.resolve("members.csv"), errors, Progress.NONE);
    NetworkBuilder nb = new NetworkBuilder("members.csv", m.rows().size());
    for (MemberRow row : m.rows()) nb.add(row);
    Network net = nb.build();
    m = null;
    nb = null;
    lap("read members");
    OrderBookBuilder ob = new OrderBookBuilder("orders.csv", net, net.size() * 3);
    OrderCsv.read(dir.resolve("orders.csv"), errors, Progress.NONE, ob::add);
    OrderBook book = ob.build();
    ob = null;
    errors.throwIfAny();
    lap("read orders");
    PeriodResult r = new CommissionEngine(net, book, plan).compute(SyntheticPeriod.PERIOD, new History(net.size()));
    lap("compute");
    OutputOrder order = new OutputOrder(net.ids(), book.ids(), plan);
    lap("id ranks");
    long[] sum = new long[1];
    order.forEach(r.lines(), (e, k, s, l, a) -> sum[0] += a);
    lap("lines in order only");
    Path out = Files.createTempDirectory("filemode");
    try (CommissionCsv csv = new CommissionCsv(net, book, order, out.resolve("lines.csv"), out.resolve("summary.csv"), plan.lineKinds())) {
      csv.write(r);
    }
    lap("order + write files");
    System.out.printf("lines.csv %d MB%n", Files.size(out.resolve("lines.csv")) >> 20);
    Files.delete(out.resolve("lines.csv"));
    Files.delete(out.resolve("summary.csv"));
    Files.delete(out);
  }
}
