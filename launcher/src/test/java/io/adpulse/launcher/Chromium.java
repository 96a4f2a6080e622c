package io.adpulse.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless Chromium driven through /usr/bin/chromedriver, one profile and download folder per run. */
record Chromium(ChromeDriverService service, WebDriver driver) implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final String MISSING = "Chromium and its driver are not installed (/usr/bin/chromium, /usr/bin/chromedriver:"
            + " apt-get install chromium chromium-driver); the browser test is skipped";

    /**
     * Whether {@code element} has left the page (a form post or navigation replaced it). Like Selenium's
     * {@code stalenessOf}, but Chromium 150 sometimes reports a replaced element as "Node with given id does not belong
     * to the document" (a plain WebDriverException) instead of a stale element reference, seen in CI.
     */
    static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException | NoSuchElementException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    static boolean installed() {
        return Files.isExecutable(DRIVER) && Files.isExecutable(BINARY);
    }

    /** Starts a browser whose profile is {@code target/chromium-profile-<run>} and downloads go to {@code downloads}. */
    static Chromium start(String run, Path downloads) throws IOException {
        Path target = Path.of("target").toAbsolutePath();
        Files.createDirectories(downloads);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1440,900",
                "--lang=en-US", "--user-data-dir=" + target.resolve("chromium-profile-" + run));
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "intl.accept_languages", "en-US"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .withLogFile(target.resolve("chromedriver-" + run + ".log").toFile()).build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return new Chromium(service, driver);
    }

    @Override
    public void close() {
        driver.quit();
        service.stop();
    }
}
