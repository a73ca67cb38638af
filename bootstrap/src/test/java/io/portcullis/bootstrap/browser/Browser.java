package io.portcullis.bootstrap.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from the system's packages (Debian's {@code chromium} and
 * {@code chromium-driver}), driven by Selenium with both binaries named explicitly, so nothing is
 * looked up or downloaded. Each browser gets a fresh profile directory, deleted on close.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Where to save screenshots, when set: {@code -Dportcullis.screenshots=docs/images}. */
    static final String SCREENSHOTS = "portcullis.screenshots";

    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final WebDriverWait wait;

    Browser() {
        try {
            this.profile = Files.createTempDirectory("portcullis-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,1000", "--user-data-dir=" + profile);
        this.service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    String url() {
        return driver.getCurrentUrl();
    }

    WebElement find(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    void type(String field, String text) {
        WebElement input = find("#field-" + field);
        input.clear();
        input.sendKeys(text);
    }

    void choose(String field, String visibleText) {
        new Select(find("#field-" + field)).selectByVisibleText(visibleText);
    }

    String value(String field) {
        return find("#field-" + field).getDomProperty("value");
    }

    /** Presses the form's button for a method and waits for the page to show the answer to it. */
    void send(String method) {
        String before = text("#status-line") + text("#response-body") + text("#request-line");
        find("button[data-method='" + method + "']").click();
        wait.until(d -> !(text("#status-line") + text("#response-body") + text("#request-line")).equals(before));
    }

    String text(String css) {
        return driver.findElements(By.cssSelector(css)).stream().findFirst().map(WebElement::getText).orElse("");
    }

    void waitForText(String css, String expected) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), expected));
    }

    /** Saves the page as {@code <name>.png} in the screenshots directory, when one was given. */
    void screenshot(String name) {
        directory().ifPresent(dir -> {
            try {
                Files.createDirectories(dir);
                // The whole page: the window grows to the document's height for the shot.
                Dimension before = driver.manage().window().getSize();
                Object height = driver.executeScript(
                        "return document.documentElement.scrollHeight + window.outerHeight - window.innerHeight;");
                int pageHeight = Math.max(before.getHeight(), ((Number) height).intValue());
                driver.manage().window().setSize(new Dimension(before.getWidth(), pageHeight));
                File shot = driver.getScreenshotAs(OutputType.FILE);
                driver.manage().window().setSize(before);
                Files.copy(shot.toPath(), dir.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A relative directory is taken from the repository's root, where the build is started. */
    private static Optional<Path> directory() {
        String configured = System.getProperty(SCREENSHOTS);
        if (configured == null || configured.isBlank()) {
            return Optional.empty();
        }
        Path dir = Path.of(configured);
        if (dir.isAbsolute()) {
            return Optional.of(dir);
        }
        Path here = Path.of("").toAbsolutePath();
        for (Path candidate = here; candidate != null; candidate = candidate.getParent()) {
            if (Files.isDirectory(candidate.resolve("docs")) && Files.exists(candidate.resolve("mvnw"))) {
                return Optional.of(candidate.resolve(dir));
            }
        }
        return Optional.of(here.resolve(dir));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // A leftover temporary directory is no failure of the test.
            }
        }
    }
}
