package org.downline.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its chromedriver, as every browser test starts it: the
 * flags keep it off the network this machine does not have, and a fresh profile keeps tests apart.
 */
final class Chromium {
  static final Path SHOTS = Path.of("target", "screenshots");

  private Chromium() {}

  /** A browser window of 1280 x {@code height}. */
  static WebDriver start(int height) throws IOException {
    if (!Files.isExecutable(Path.of("/usr/bin/chromedriver")) || !Files.isExecutable(Path.of("/usr/bin/chromium"))) {
      throw new IllegalStateException("the browser tests need Debian's chromium: apt-get install -y chromium chromium-driver"
          + " (./downline test installs them)");
    }
    Files.createDirectories(SHOTS);
    Path profile = Files.createTempDirectory("chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
        "--window-size=1280," + height, "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
    WebDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(3));
    return driver;
  }

  /** Saves what the browser shows as target/screenshots/NAME.png. */
  static void shot(WebDriver driver, String name) throws IOException {
    Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }
}
