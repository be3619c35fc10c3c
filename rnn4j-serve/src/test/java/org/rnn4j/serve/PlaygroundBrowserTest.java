package org.rnn4j.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rnn4j.data.Features;
import org.rnn4j.data.format.EntitySpan;
import org.rnn4j.decode.Sampler;
import org.rnn4j.decode.Score;
import org.rnn4j.task.classify.ClassPrediction;
import org.rnn4j.task.classify.TextClassifier;
import org.rnn4j.task.forecast.SeriesForecaster;
import org.rnn4j.task.lm.TextGenerator;
import org.rnn4j.task.seq2seq.Translator;
import org.rnn4j.task.seq2seq.Translator.Translation;
import org.rnn4j.task.tag.SentenceTagger;
import org.rnn4j.task.tag.TagPrediction;

/**
 * The playground page in Debian's headless Chromium, driven by Selenium: for the small fixed
 * model of each task family, a server on a free port, the page's form filled and sent, and what
 * the page shows compared with what the API and the family's inference class give for the same
 * input; then an invalid input, whose error the page must show as the API words it.
 *
 * <p>Tagged {@code browser}: it runs only with {@code -Pbrowser}, and is skipped when {@code
 * /usr/bin/chromium} or {@code /usr/bin/chromedriver} is missing ({@code apt-get install chromium
 * chromium-driver}). Both paths are given to Selenium, so Selenium Manager never runs (it would
 * download a driver). A screenshot of each family's page goes to {@code
 * target/playground-<family>.png}.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlaygroundBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final int WIDTH = 1100;
  private static final int HEIGHT = 900;
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .build();
  /** Why the tests are skipped, or null. */
  private String missing;
  private Path profile;
  private ChromeDriver driver;
  private ModelServer server;

  @BeforeAll
  void startBrowser() throws IOException {
    for (Path needed : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(needed)) {
        missing = "skipped: " + needed + " is missing (Debian: apt-get install chromium"
            + " chromium-driver)";
        System.err.println("PlaygroundBrowserTest " + missing);
        return;
      }
    }
    profile = Files.createTempDirectory("rnn4j-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile, "--window-size=" + WIDTH + "," + HEIGHT,
        "--force-device-scale-factor=1", "--lang=en-US");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    // An explicit driver and binary: Selenium Manager (which downloads drivers) is not called.
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
  }

  /** Each test, not the class, is skipped, so that the report counts them and says why. */
  @BeforeEach
  void needBrowser() {
    assumeTrue(missing == null, missing);
  }

  @AfterAll
  void stopBrowser() throws IOException {
    if (driver != null) {
      driver.quit();
    }
    if (profile != null) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.stop();
      server = null;
    }
    if (driver != null) {
      driver.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
    }
  }

  @Test
  void classify() throws Exception {
    Path model = model("classify");
    TextClassifier classifier = TextClassifier.load(model);
    List<String> texts = lines("texts.txt").subList(0, 4);
    open(model, "classify");

    fill("classify-texts", String.join("\n", texts));
    assertEquals("done", submit("classify"));
    List<WebElement> cards = all("[data-testid=classify-prediction]");
    assertEquals(texts.size(), cards.size());
    for (int i = 0; i < texts.size(); i++) {
      ClassPrediction expected = classifier.predict(texts.get(i));
      WebElement card = cards.get(i);
      assertEquals(texts.get(i), text(card, "[data-testid=classify-text]"));
      assertEquals(expected.label(), text(card, "[data-testid=classify-label]"), texts.get(i));
      List<WebElement> bars = card.findElements(By.cssSelector("[data-testid=prob-bar]"));
      assertEquals(classifier.labels().size(), bars.size());
      for (int c = 0; c < bars.size(); c++) {
        assertEquals(classifier.labels().get(c), bars.get(c).getAttribute("data-label"));
        assertEquals(expected.probabilities()[c], Float.parseFloat(
            bars.get(c).getAttribute("data-probability")), 1e-6f);
      }
    }
    screenshot("classify");
    narrowScreenshot("classify", "classify");

    // No text at all: the API's error, naming "texts", beside the form.
    fill("classify-texts", "");
    assertEquals("error", submit("classify"));
    assertShowsError("classify", "classify-texts", post("v1/classify", "{\"texts\": []}"));
    assertTrue(all("[data-testid=classify-prediction]").isEmpty());
    assertNoScriptErrors();
  }

  @Test
  void tag() throws Exception {
    Path model = model("tag");
    SentenceTagger tagger = SentenceTagger.load(model);
    List<String> sentences = lines("sentences.txt").subList(0, 4);
    open(model, "tag");

    List<String> legend = all("[data-testid=legend-type]").stream()
        .map(e -> e.getAttribute("data-type")).toList();
    List<String> types = tagger.tags().stream().filter(t -> !t.equals("O"))
        .map(t -> t.substring(2)).distinct().toList();
    assertEquals(types, legend);

    fill("tag-texts", String.join("\n", sentences));
    assertEquals("done", submit("tag"));
    List<WebElement> cards = all("[data-testid=tag-prediction]");
    assertEquals(sentences.size(), cards.size());
    int entitiesSeen = 0;
    for (int i = 0; i < sentences.size(); i++) {
      TagPrediction expected = tagger.tag(sentences.get(i));
      WebElement card = cards.get(i);
      List<WebElement> tokens = card.findElements(By.cssSelector("[data-testid=token]"));
      assertEquals(expected.tokens(), tokens.stream().map(t -> text(t, ".word")).toList());
      assertEquals(expected.tags(), tokens.stream().map(t -> text(t, ".tag")).toList());
      List<WebElement> marks = card.findElements(By.cssSelector("[data-testid=entity-mark]"));
      List<WebElement> listed = card.findElements(By.cssSelector("[data-testid=entity]"));
      List<EntitySpan> spans = expected.entities();
      assertEquals(spans.size(), marks.size());
      assertEquals(spans.size(), listed.size());
      for (int e = 0; e < spans.size(); e++) {
        EntitySpan span = spans.get(e);
        WebElement item = listed.get(e);
        assertEquals(span.type(), item.getAttribute("data-type"));
        assertEquals(span.start(), Integer.parseInt(item.getAttribute("data-start")));
        assertEquals(span.end(), Integer.parseInt(item.getAttribute("data-end")));
        assertEquals(String.join(" ", expected.tokens().subList(span.start(), span.end())),
            text(item, ".entity-text"));
        assertEquals(span.type(), marks.get(e).getAttribute("data-type"));
        assertEquals(span.end() - span.start(),
            marks.get(e).findElements(By.cssSelector("[data-testid=token]")).size());
      }
      entitiesSeen += spans.size();
    }
    assertTrue(entitiesSeen > 0, "the example sentences should hold entities");
    screenshot("tag");
    narrowScreenshot("tag", "tag");

    fill("tag-texts", "   ");
    assertEquals("error", submitByKeyboard("tag", "tag-texts"));
    assertShowsError("tag", "tag-texts", post("v1/tag", "{\"texts\": []}"));
    assertNoScriptErrors();
  }

  @Test
  void lm() throws Exception {
    Path model = model("lm");
    TextGenerator generator = TextGenerator.load(model);
    open(model, "lm");

    // With a seed: exactly the API's texts for that seed, and the inference class's.
    fill("generate-prime", "ba");
    fill("generate-temperature", "0.8");
    fill("generate-top-k", "10");
    fill("generate-top-p", "0.95");
    fill("generate-max-tokens", "30");
    fill("generate-count", "3");
    fill("generate-seed", "12345");
    assertEquals("done", submit("generate"));
    JsonNode api = post("v1/generate", "{\"prime\": \"ba\", \"temperature\": 0.8, \"top_k\": 10,"
        + " \"top_p\": 0.95, \"max_tokens\": 30, \"count\": 3, \"seed\": 12345}");
    List<String> core = generator.sample("ba", 3, generator.untilEos(30,
        Sampler.temperature(0.8).withTopK(10).withTopP(0.95)), new SplittableRandom(12345));
    assertEquals("12345", text("[data-testid=generate-seed-used]"));
    assertSamples(api, "ba");
    assertEquals(core, continuations(api));

    // Greedy: the sampling settings are not sent (the API refuses them with greedy).
    driver.findElement(By.id("generate-greedy")).click();
    assertFalse(driver.findElement(By.id("generate-top-k")).isEnabled());
    fill("generate-count", "1");
    assertEquals("done", submit("generate"));
    api = post("v1/generate", "{\"prime\": \"ba\", \"greedy\": true, \"max_tokens\": 30,"
        + " \"count\": 1, \"seed\": 12345}");
    assertSamples(api, "ba");
    assertEquals(generator.sample("ba", 1, generator.untilEos(30, Sampler.greedy()),
        new SplittableRandom(12345)), continuations(api));
    driver.findElement(By.id("generate-greedy")).click();

    // No seed: the server picks one (any 64-bit value); the page shows it exactly, so that the
    // same request with that seed gives the texts shown.
    fill("generate-seed", "");
    fill("generate-prime", "");
    fill("generate-count", "2");
    assertEquals("done", submit("generate"));
    String seed = text("[data-testid=generate-seed-used]");
    assertTrue(seed.matches("-?\\d+"), seed);
    api = post("v1/generate", "{\"prime\": \"\", \"temperature\": 0.8, \"top_k\": 10,"
        + " \"top_p\": 0.95, \"max_tokens\": 30, \"count\": 2, \"seed\": " + seed + "}");
    assertSamples(api, "");
    driver.findElement(By.cssSelector("[data-testid=generate-reuse-seed]")).click();
    assertEquals(seed, driver.findElement(By.id("generate-seed")).getDomProperty("value"));

    // Scores: log-likelihood and perplexity as the inference class gives them.
    List<String> names = lines("names.txt").subList(0, 3);
    fill("score-texts", String.join("\n", names));
    assertEquals("done", submit("score"));
    List<Score> scores = generator.score(names);
    List<WebElement> rows = all("[data-testid=score-row]");
    assertEquals(names.size(), rows.size());
    for (int i = 0; i < names.size(); i++) {
      WebElement row = rows.get(i);
      assertEquals(names.get(i), text(row, "[data-testid=score-text]"));
      assertEquals(scores.get(i).tokens(), Integer.parseInt(text(row,
          "[data-testid=score-tokens]")));
      assertEquals(scores.get(i).logLikelihood(), Double.parseDouble(text(row,
          "[data-testid=score-log-likelihood]")), 0.6e-4);
      assertEquals(scores.get(i).perplexity(), Double.parseDouble(text(row,
          "[data-testid=score-perplexity]")), 0.6e-3);
    }
    Score total = Score.total(scores);
    WebElement totalRow = driver.findElement(By.cssSelector("[data-testid=score-total]"));
    assertEquals(total.perplexity(), Double.parseDouble(text(totalRow,
        "[data-testid=score-perplexity]")), 0.6e-3);

    // Fill the prime again for the picture, then an invalid top-k.
    fill("generate-prime", "ba");
    fill("generate-seed", "7");
    fill("generate-count", "4");
    assertEquals("done", submit("generate"));
    screenshot("lm");
    narrowScreenshot("lm", "generate");
    fill("generate-top-k", "0");
    assertEquals("error", submit("generate"));
    assertShowsError("generate", "generate-top-k", post("v1/generate", "{\"prime\": \"ba\","
        + " \"top_k\": 0}"));
    shoot(WIDTH, "playground-lm-error.png");
    assertNoScriptErrors();
  }

  @Test
  void seq2seq() throws Exception {
    Path model = model("seq2seq");
    Translator translator = Translator.load(model);
    List<String> sources = lines("sources.txt").subList(0, 2);
    open(model, "seq2seq");

    fill("translate-texts", String.join("\n", sources));
    fill("translate-beam", "3");
    fill("translate-alpha", "0.7");
    assertEquals("done", submit("translate"));
    List<Translation> expected = translator.translate(sources,
        new Translator.Options(3, 0.7, OptionalInt.empty()));
    List<WebElement> cards = all("[data-testid=translation]");
    assertEquals(sources.size(), cards.size());
    for (int i = 0; i < sources.size(); i++) {
      Translation t = expected.get(i);
      WebElement card = cards.get(i);
      assertEquals(sources.get(i), text(card, "[data-testid=translation-source]"));
      assertEquals(t.text(), text(card, "[data-testid=translation-text]"));
      int m = t.tokens().size();
      int tx = t.sourceTokens().size();
      assertTrue(m > 0 && tx > 0);
      WebElement map = card.findElement(By.cssSelector("[data-testid=heatmap]"));
      assertEquals(t.sourceTokens(), map.findElements(By.cssSelector("[data-testid=heat-source]"))
          .stream().map(e -> e.getDomProperty("textContent")).toList());
      assertEquals(t.tokens(), map.findElements(By.cssSelector("[data-testid=heat-output]"))
          .stream().map(e -> e.getDomProperty("textContent")).toList());
      List<WebElement> cells = map.findElements(By.cssSelector("[data-testid=heat-cell]"));
      assertEquals(m * tx, cells.size(), "an m × Tx heatmap");
      for (int r = 0; r < m; r++) {
        for (int c = 0; c < tx; c++) {
          WebElement cell = cells.get(r * tx + c);
          assertEquals(t.attention()[r][c], Float.parseFloat(cell.getAttribute("data-weight")),
              1e-6f);
          assertTrue(cell.getAttribute("title").startsWith(t.tokens().get(r) + " ← "
              + t.sourceTokens().get(c) + ": "), cell.getAttribute("title"));
        }
      }
    }
    screenshot("seq2seq");
    narrowScreenshot("seq2seq", "translate");

    fill("translate-beam", "0");
    assertEquals("error", submit("translate"));
    assertShowsError("translate", "translate-beam", post("v1/translate", "{\"texts\": [\""
        + sources.get(0) + "\"], \"beam\": 0, \"alpha\": 0.7}"));
    assertNoScriptErrors();
  }

  @Test
  void forecast() throws Exception {
    Path model = model("forecast");
    SeriesForecaster forecaster = SeriesForecaster.load(model);
    open(model, "forecast");
    List<String> names = forecaster.names();
    assertEquals(1, names.size(), "the golden forecast model reads one column");
    float[] history = column("sales.csv", names.get(0));
    StringBuilder typed = new StringBuilder();
    for (int t = 0; t < history.length; t++) {
      typed.append(t == 0 ? "" : t % 12 == 0 ? "\n" : ", ").append(history[t]);
    }
    int steps = 12;
    fill("forecast-history", typed.toString());
    fill("forecast-steps", Integer.toString(steps));
    assertEquals("done", submit("forecast"));

    JsonNode api = post("v1/forecast", JSON.createObjectNode().put("steps", steps)
        .set("history", JSON.valueToTree(history)).toString());
    JsonNode values = api.get("forecasts").get(0);
    assertEquals(steps, values.size());
    Features core = forecaster.forecast(new Features(history, 1), steps);

    WebElement chart = driver.findElement(By.cssSelector("[data-testid=forecast-chart]"));
    assertEquals(names.get(0), chart.getAttribute("data-name"));
    WebElement past = chart.findElement(By.cssSelector("[data-testid=history-line]"));
    WebElement line = chart.findElement(By.cssSelector("[data-testid=forecast-line]"));
    assertEquals(history.length, points(past.getAttribute("d")));
    assertEquals(steps, points(line.getAttribute("d")));
    assertEquals(steps, Integer.parseInt(line.getAttribute("data-points")));
    assertTrue(chart.findElements(By.cssSelector("text.tick")).size() >= 4, "tick labels");

    List<WebElement> cells = all("[data-testid=forecast-table] [data-testid=forecast-value]");
    assertEquals(steps, cells.size());
    for (int i = 0; i < steps; i++) {
      double shown = Double.parseDouble(cells.get(i).getDomProperty("textContent"));
      assertEquals(values.get(i).asDouble(), shown, 0.0, "the API's value at step +" + (i + 1));
      assertEquals(core.get(i, 0), (float) shown, 1e-3f * Math.abs(core.get(i, 0)));
    }
    screenshot("forecast");
    narrowScreenshot("forecast", "forecast");

    fill("forecast-history", "120, 130\n125 abc");
    assertEquals("error", submit("forecast"));
    assertShowsError("forecast", "forecast-history", post("v1/forecast",
        "{\"history\": [120, 130, 125, \"abc\"]}"));
    assertNoScriptErrors();
  }

  // ---- the page ----

  /** Starts a server for the model and opens its page; checks the header. */
  private void open(Path model, String task) throws Exception {
    server = ModelServer.start(model, ServeConfig.DEFAULTS.withAddress("127.0.0.1", 0));
    driver.get(server.uri().toString());
    new WebDriverWait(driver, WAIT).until(d -> {
      String state = d.findElement(By.tagName("body")).getAttribute("data-state");
      return state != null && !state.isEmpty();
    });
    assertEquals("ready", driver.findElement(By.tagName("body")).getAttribute("data-state"),
        () -> text("#page-error"));
    assertEquals(task, text("#model-task"));
    assertEquals(model.getFileName().toString(), text("#model-file"));
    assertTrue(driver.findElement(By.id("panel-" + task)).isDisplayed());
    assertEquals(1, all("section.panel").stream().filter(WebElement::isDisplayed).count());
    for (String link : List.of("health", "metrics")) {
      String href = driver.findElement(By.id("link-" + link)).getAttribute("href");
      assertEquals(server.uri().resolve(link).toString(), href);
      assertEquals(200, get(href).statusCode(), href);
    }
    // every input has a label
    for (WebElement input : all("#panel-" + task + " input, #panel-" + task + " textarea")) {
      String id = input.getAttribute("id");
      boolean labelled = !all("label[for='" + id + "']").isEmpty()
          || input.getAttribute("aria-label") != null;
      assertTrue(labelled, "a label for #" + id);
    }
  }

  /** Types a value into an input or textarea (long values through script, as a paste would). */
  private void fill(String id, String value) {
    WebElement input = driver.findElement(By.id(id));
    input.clear();
    if (value.length() > 200) {
      ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];"
          + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", input, value);
    } else if (!value.isEmpty()) {
      input.sendKeys(value);
    }
    assertEquals(value, input.getDomProperty("value"));
  }

  /** Clicks the operation's button and waits for its answer; returns the form's state. */
  private String submit(String op) {
    WebElement form = driver.findElement(By.id(op + "-form"));
    int runs = Integer.parseInt(form.getAttribute("data-runs"));
    driver.findElement(By.id(op + "-submit")).click();
    new WebDriverWait(driver, WAIT).until(d ->
        Integer.parseInt(form.getAttribute("data-runs")) > runs);
    return form.getAttribute("data-state");
  }

  /** Ctrl+Enter in the operation's text box, then waits for the answer like {@link #submit}. */
  private String submitByKeyboard(String op, String inputId) {
    WebElement form = driver.findElement(By.id(op + "-form"));
    int runs = Integer.parseInt(form.getAttribute("data-runs"));
    driver.findElement(By.id(inputId)).sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
    new WebDriverWait(driver, WAIT).until(d ->
        Integer.parseInt(form.getAttribute("data-runs")) > runs);
    return form.getAttribute("data-state");
  }

  /** The error beside the form: status, field and message as the API gave them. */
  private void assertShowsError(String op, String inputId, JsonNode apiAnswer) {
    JsonNode error = apiAnswer.get("error");
    assertTrue(error != null, "the API should refuse this: " + apiAnswer);
    WebElement box = driver.findElement(By.id(op + "-error"));
    assertTrue(box.isDisplayed());
    assertTrue(text(box, "[data-testid=error-status]").startsWith(error.get("status").asText()
        + " "), text(box, "[data-testid=error-status]"));
    assertEquals(error.get("field").asText(), text(box, "[data-testid=error-field]"));
    assertEquals(error.get("message").asText(), text(box, "[data-testid=error-message]"));
    assertEquals("true", driver.findElement(By.id(inputId)).getAttribute("aria-invalid"));
  }

  private void assertSamples(JsonNode api, String prime) {
    List<WebElement> shown = all("[data-testid=generate-sample]");
    JsonNode samples = api.get("samples");
    assertTrue(samples != null, api.toString());
    assertEquals(samples.size(), shown.size());
    for (int i = 0; i < shown.size(); i++) {
      assertEquals(prime, text(shown.get(i), "[data-testid=sample-prime]"));
      assertEquals(samples.get(i).get("continuation").asText(), text(shown.get(i),
          "[data-testid=sample-continuation]"));
    }
  }

  private static List<String> continuations(JsonNode api) {
    List<String> out = new ArrayList<>();
    api.get("samples").forEach(s -> out.add(s.get("continuation").asText()));
    return out;
  }

  /** No script error in the browser's console (refused requests are logged too, and expected). */
  private void assertNoScriptErrors() {
    List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .filter(m -> !m.contains("Failed to load resource"))
        .toList();
    assertEquals(List.of(), errors);
  }

  /** The whole page, as tall as its content, into target/playground-<family>.png. */
  private void screenshot(String family) throws IOException {
    shoot(WIDTH, "playground-" + family + ".png");
  }

  /** The page as a phone shows it, the answer drawn again at that width, to look at. */
  private void narrowScreenshot(String family, String op) throws IOException {
    driver.manage().window().setSize(new Dimension(390, HEIGHT));
    assertEquals("done", submit(op));
    shoot(390, "playground-" + family + "-narrow.png");
  }

  private void shoot(int width, String name) throws IOException {
    JavascriptExecutor js = driver;
    driver.manage().window().setSize(new Dimension(width, HEIGHT));
    long height = ((Number) js.executeScript(
        "return Math.ceil(document.documentElement.scrollHeight)")).longValue();
    long chrome = ((Number) js.executeScript(
        "return window.outerHeight - window.innerHeight")).longValue();
    driver.manage().window().setSize(new Dimension(width, (int) Math.min(6000, height + chrome)));
    byte[] png = driver.getScreenshotAs(OutputType.BYTES);
    Path target = Path.of(System.getProperty("basedir", "."), "target");
    Files.createDirectories(target);
    Files.write(target.resolve(name), png);
    driver.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
  }

  private List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  private String text(String css) {
    return driver.findElement(By.cssSelector(css)).getDomProperty("textContent");
  }

  private static String text(WebElement in, String css) {
    return in.findElement(By.cssSelector(css)).getDomProperty("textContent");
  }

  /** The points of an SVG path of M and L commands. */
  private static int points(String d) {
    Matcher m = Pattern.compile("[ML]-?\\d").matcher(d);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  // ---- the API and the data ----

  private JsonNode post(String path, String body) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(server.uri().resolve(path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(r.body());
  }

  private HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Path model(String family) throws URISyntaxException {
    return Path.of(PlaygroundBrowserTest.class.getResource("/models/" + family
        + ".safetensors").toURI());
  }

  private static List<String> lines(String name) {
    try {
      return Files.readAllLines(Path.of(PlaygroundBrowserTest.class.getResource("/inputs/"
          + name).toURI()), StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One column of a CSV file with a header line, as numbers. */
  private static float[] column(String name, String column) {
    List<String> rows = lines(name);
    int j = Arrays.asList(rows.get(0).split(",")).indexOf(column);
    assertTrue(j >= 0, name + " has no column " + column);
    float[] out = new float[rows.size() - 1];
    for (int i = 1; i < rows.size(); i++) {
      out[i - 1] = Float.parseFloat(rows.get(i).split(",")[j].trim());
    }
    return out;
  }
}
