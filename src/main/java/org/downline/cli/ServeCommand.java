package org.downline.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.downline.web.WebApp;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code downline serve}: the company console, the distributor back office and the HTTP API. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Starts the web server: company console (/console), distributor back office (/office),",
      "HTTP API (/api/v1, described at /api/openapi.yaml). Make logins with 'downline users add'."
    })
public final class ServeCommand implements Callable<Integer> {
  @Mixin DatabaseOption database;

  @Option(names = "--port", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--bind", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface)")
  String bind;

  @Override
  public Integer call() throws InterruptedException {
    serve(database.url(), port, bind);
    return 0;
  }

  /**
   * Starts the server, prints where it runs and blocks until it stops. Public so that
   * {@code downline demo} can end by serving what it generated.
   */
  public static void serve(String dbUrl, int port, String bind) throws InterruptedException {
    ConfigurableApplicationContext context = WebApp.start(dbUrl, port, "--server.address=" + bind);
    String actualPort = context.getEnvironment().getProperty("local.server.port", String.valueOf(port));
    System.out.println("Downline is running at http://" + ("0.0.0.0".equals(bind) ? "localhost" : bind) + ":"
        + actualPort + "/  (Ctrl-C stops it)");
    CountDownLatch stopped = new CountDownLatch(1);
    context.addApplicationListener(event -> {
      if (event instanceof org.springframework.context.event.ContextClosedEvent) stopped.countDown();
    });
    stopped.await();
  }
}
