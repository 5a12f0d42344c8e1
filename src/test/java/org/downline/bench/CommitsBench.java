package org.downline.bench;

import java.io.File;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One period's compute of two or more builds of the engine (e.g. an old commit compiled into a
 * folder, and this tree's {@code target/classes:target/test-classes}) in one JVM, each with its own
 * class loader and its own {@link SyntheticPeriod}, rounds alternating between them (who goes first
 * alternates too). On a shared machine the load changes from minute to minute; builds measured in
 * the same minutes can be compared where separate runs cannot (ADR 26).
 *
 * <pre>bench/run org.downline.bench.CommitsBench members orders rounds classpath1 classpath2 ...</pre>
 *
 * Each classpath holds a build's classes and resources (colon-separated); the libraries are this JVM's.
 * {@code -Dbench.gc=false}: no collection before a round; {@code -Dbench.keep=true}: results not released.
 */
public final class CommitsBench {
  public static void main(String[] a) throws Exception {
    int members = Integer.parseInt(a[0]);
    int orders = Integer.parseInt(a[1]);
    int rounds = Integer.parseInt(a[2]);
    String[] dirs = Arrays.copyOfRange(a, 3, a.length);
    List<URL> common = new ArrayList<>();
    for (String p : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!p.endsWith("target/classes") && !p.endsWith("target/test-classes")) common.add(Path.of(p).toUri().toURL());
    }
    int k = dirs.length;
    Object[] engine = new Object[k];
    Method[] compute = new Method[k];
    Method[] release = new Method[k];
    Constructor<?>[] hist = new Constructor<?>[k];
    int[] n = new int[k];
    int period = 0;
    var bean = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    for (int i = 0; i < k; i++) {
      List<URL> urls = new ArrayList<>();
      for (String d : dirs[i].split(File.pathSeparator)) urls.add(Path.of(d).toUri().toURL());
      urls.addAll(common);
      ClassLoader cl = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
      Class<?> sp = cl.loadClass("org.downline.bench.SyntheticPeriod");
      Constructor<?> c = sp.getDeclaredConstructor(int.class, int.class, long.class);
      c.setAccessible(true);
      Object company = c.newInstance(members, orders, 42L);
      Method build = sp.getDeclaredMethod("build");
      build.setAccessible(true);
      Object[] built = (Object[]) build.invoke(company);
      Field pf = sp.getDeclaredField("PERIOD");
      pf.setAccessible(true);
      period = pf.getInt(null);
      Class<?> planFile = cl.loadClass("org.downline.planfile.PlanFile");
      Object plan = planFile.getMethod("builtIn", String.class).invoke(null, "demo");
      Class<?> eng = cl.loadClass("org.downline.commission.CommissionEngine");
      Class<?> net = cl.loadClass("org.downline.network.Network");
      Class<?> book = cl.loadClass("org.downline.network.OrderBook");
      Class<?> planC = cl.loadClass("org.downline.commission.Plan");
      engine[i] = eng.getConstructor(net, book, planC).newInstance(built[0], built[1], plan);
      Class<?> h = cl.loadClass("org.downline.commission.History");
      hist[i] = h.getConstructor(int.class);
      n[i] = (int) net.getMethod("size").invoke(built[0]);
      compute[i] = eng.getMethod("compute", int.class, h);
      try {
        release[i] = cl.loadClass("org.downline.commission.PeriodResult").getMethod("release");
      } catch (NoSuchMethodException e) {
        release[i] = null;
      }
    }
    long[][] wall = new long[k][rounds];
    long[][] cpu = new long[k][rounds];
    // Two warm-up rounds each, then the counted ones; a GC before each round, outside its time.
    for (int r = -2; r < rounds; r++) {
      for (int i0 = 0; i0 < k; i0++) {
        int i = (r & 1) == 0 ? i0 : k - 1 - i0; // alternate who goes first
        if (!"false".equals(System.getProperty("bench.gc"))) System.gc();
        long s = System.nanoTime();
        long pc = bean.getProcessCpuTime();
        Object result = compute[i].invoke(engine[i], period, hist[i].newInstance(n[i]));
        // Builds with ADR 42 hand each round's lines back for the next round to write over.
        if (release[i] != null && !Boolean.getBoolean("bench.keep")) release[i].invoke(result);
        if (r >= 0) {
          wall[i][r] = System.nanoTime() - s;
          cpu[i][r] = bean.getProcessCpuTime() - pc;
        }
      }
    }
    for (int i = 0; i < k; i++) {
      long[] w = wall[i].clone();
      long[] c = cpu[i].clone();
      Arrays.sort(w);
      Arrays.sort(c);
      System.out.printf("%s: wall median %d ms (min %d), process CPU median %d ms (min %d)%n", dirs[i], w[rounds / 2] / 1000000, w[0] / 1000000, c[rounds / 2] / 1000000, c[0] / 1000000);
    }
  }
}
