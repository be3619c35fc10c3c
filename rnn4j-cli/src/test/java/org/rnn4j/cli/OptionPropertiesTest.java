package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;

/**
 * {@code train} with random options and values, valid and not: it either trains (exit 0) or
 * answers with one line starting "rnn4j:" and exit code 1 (a fault of the data or the run) or 2
 * (a usage error, with a pointer to help). No stack trace, no other exit code, no hang.
 */
class OptionPropertiesTest {
  private static final List<String> NAMES = List.of("aardonyx", "abelisaurus", "abrictosaurus",
      "acanthopholis", "achelousaurus", "achillobator", "acrocanthosaurus", "adamantisaurus",
      "adasaurus", "aegyptosaurus", "aeolosaurus", "afrovenator");
  private static final List<String> SMALL = List.of("-1", "0", "1", "2", "x", "", "2147483648",
      "1e9", "0.5");
  private static final Map<String, List<String>> VALUES = Map.ofEntries(
      Map.entry("--epochs", List.of("-1", "0", "1", "2", "x", "2147483648")),
      Map.entry("--batch", SMALL),
      Map.entry("--learning-rate", List.of("0", "-1", "0.01", "NaN", "Infinity", "x", "1e38")),
      Map.entry("--clip", List.of("0", "-1", "5", "NaN", "x")),
      Map.entry("--validation", List.of("0", "0.5", "1", "-0.1", "0.99", "x")),
      Map.entry("--early-stopping", SMALL),
      Map.entry("--seed", List.of("1", "-5", "x", "99999999999")),
      Map.entry("--threads", List.of("0", "1", "2", "-3", "x")),
      Map.entry("--hidden", List.of("-1", "0", "1", "8", "x", "40000", "2147483647")),
      Map.entry("--layers", List.of("-1", "0", "1", "2", "x")),
      Map.entry("--embedding", List.of("-1", "0", "1", "4", "x")),
      Map.entry("--dropout", List.of("-0.1", "0", "0.5", "1", "NaN", "x")),
      Map.entry("--cell", List.of("gru", "LSTM", "rnn_relu", "tcn", "")),
      Map.entry("--tokens", List.of("char", "word", "byte")),
      Map.entry("--min-count", SMALL),
      Map.entry("--max-vocabulary", SMALL),
      Map.entry("--lower-case", List.of()),
      Map.entry("--bidirectional", List.of()),
      Map.entry("--pooling", List.of("max", "x")),
      Map.entry("--window", List.of("3")),
      Map.entry("--optimizer", List.of("sgd", "adamw", "RMSprop", "x", "")),
      Map.entry("--momentum", List.of("0.9", "1", "-0.5", "x")),
      Map.entry("--weight-decay", List.of("0", "0.01", "-1", "NaN", "x")),
      Map.entry("--schedule", List.of("cosine", "step", "plateau", "x")),
      Map.entry("--decay-every", SMALL),
      Map.entry("--decay-factor", List.of("0.5", "1", "0", "x")),
      Map.entry("--early-stopping-metric", List.of("perplexity", "loss", "accuracy", "")),
      Map.entry("--stream", List.of()),
      Map.entry("--seq-length", SMALL));
  private static final Set<String> FLAGS = Set.of("--lower-case", "--bidirectional",
      "--stream");

  @Provide
  Arbitrary<List<String>> options() {
    Arbitrary<List<String>> one = Arbitraries.of(List.copyOf(VALUES.keySet())).flatMap(name ->
        FLAGS.contains(name) ? Arbitraries.just(List.of(name))
            : Arbitraries.of(VALUES.get(name)).map(v -> List.of(name, v)));
    return one.list().ofMaxSize(5).uniqueElements(o -> o.get(0))
        .map(list -> list.stream().flatMap(List::stream).toList());
  }

  private static void answersCleanly(List<String> options) throws IOException {
    Path dir = Files.createTempDirectory("rnn4j-options");
    try {
      Path data = Files.write(dir.resolve("names.txt"), NAMES);
      List<String> args = new ArrayList<>(List.of("train", "--task", "lm", "--data",
          data.toString(), "--out", dir.resolve("m.safetensors").toString()));
      if (!options.contains("--epochs")) {
        args.addAll(List.of("--epochs", "1"));
      }
      if (!options.contains("--hidden")) {
        args.addAll(List.of("--hidden", "8"));
      }
      args.addAll(options);
      commandAnswersCleanly(args);
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  @Property(tries = 40)
  void trainAnswersRandomOptionsWithAModelOrOneClearLine(@ForAll("options") List<String> options)
      throws IOException {
    answersCleanly(options);
  }

  @Property(tries = 1_000)
  @Tag("slow")
  void manyMoreRandomOptions(@ForAll("options") List<String> options) throws IOException {
    answersCleanly(options);
  }

  private static final Path GOLDEN = Path.of("src/test/resources/golden").toAbsolutePath();

  /** A command on a golden model with random option values: the other commands' options. */
  @Provide
  Arbitrary<List<String>> commands() {
    String lm = GOLDEN.resolve("models/lm.safetensors").toString();
    String mt = GOLDEN.resolve("models/seq2seq.safetensors").toString();
    String fc = GOLDEN.resolve("models/forecast.safetensors").toString();
    String clf = GOLDEN.resolve("models/classify.safetensors").toString();
    Arbitrary<String> number = Arbitraries.of("-1", "0", "1", "3", "x", "", "1e9", "0.5",
        "2147483648", "NaN");
    Arbitrary<List<String>> generate = Arbitraries.of("--count", "--max-tokens", "--temperature",
        "--top-k", "--top-p", "--seed").flatMap(o -> number.map(v -> List.of("generate",
            "--model", lm, o, v)));
    Arbitrary<List<String>> translate = Arbitraries.of("--beam", "--alpha", "--max-length")
        .flatMap(o -> number.map(v -> List.of("translate", "--model", mt, o, v,
            GOLDEN.resolve("sources.txt").toString())));
    Arbitrary<List<String>> forecast = Arbitraries.of("--horizon", "--holdout", "--season")
        .flatMap(o -> number.map(v -> List.of("forecast", "--model", fc, "--data",
            GOLDEN.resolve("sales.csv").toString(), o, v)));
    Arbitrary<List<String>> eval = Arbitraries.of("--text", "--label", "--format", "--beam")
        .flatMap(o -> Arbitraries.of("text", "label", "json", "csv", "x", "3").map(v ->
            List.of("eval", "--model", clf, "--data",
                GOLDEN.resolve("reviews-test.json").toString(), o, v)));
    return Arbitraries.oneOf(generate, translate, forecast, eval);
  }

  /** A result (exit 0), or one "rnn4j:" line with exit 1, or two lines with exit 2 (usage). */
  private static void commandAnswersCleanly(List<String> args) {
    CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> CliRun.run(args.toArray(String[]::new)), args.toString());
    assertTrue(Set.of(0, 1, 2).contains(r.code()), r.code() + " for " + args);
    if (r.code() != 0) {
      assertTrue(r.err().startsWith("rnn4j: "), args + ": " + r.err());
      assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
      assertEquals(r.code() == 2 ? 2 : 1, r.err().lines().count(), args + ": " + r.err());
    }
  }

  @Property(tries = 60)
  void everyCommandAnswersRandomOptionValuesCleanly(@ForAll("commands") List<String> args) {
    commandAnswersCleanly(args);
  }

  @Property(tries = 2_000)
  @Tag("slow")
  void manyMoreCommandOptionValues(@ForAll("commands") List<String> args) {
    commandAnswersCleanly(args);
  }
}
