package org.rnn4j.task.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.decode.GenerationConfig;
import org.rnn4j.decode.Sampler;
import org.rnn4j.decode.Score;
import org.rnn4j.io.ModelFile;
import org.rnn4j.io.ModelFormatException;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.task.CommonOptions;
import org.rnn4j.task.TaskFamilies;
import org.rnn4j.task.TaskOptions;
import org.rnn4j.task.TrainedModel;
import org.rnn4j.task.TrainingJob;
import org.rnn4j.testing.ConcurrentCalls;
import org.rnn4j.text.CharTokenizer;
import org.rnn4j.text.TextCodec;
import org.rnn4j.train.TrainingRecipe;

class TextGeneratorTest {
  private static final List<String> NAMES = List.of("aardonyx", "abelisaurus", "baryonyx",
      "carnotaurus", "diplodocus", "edmontosaurus", "gallimimus", "iguanodon", "zuniceratops");

  @TempDir Path dir;

  /** A language model with random weights, written as a model file the way training writes one. */
  private Path model() throws Exception {
    TextCodec codec = TextCodec.fit(new CharTokenizer(), NAMES);
    LanguageModelConfig config = new LanguageModelConfig(codec.vocabulary().size(), 6,
        new RecurrentSpec(CellKind.LSTM, 12, 2, false, 0.2f));
    LanguageModel lm = new LanguageModel(config, new SplittableRandom(3));
    Path file = dir.resolve("lm.safetensors");
    ModelFile.write(file, lm.parameters(), config.toJson(), Optional.of(codec.toJson()),
        ModelFile.Provenance.now(3, ""));
    return file;
  }

  private static String text(SplittableRandom rng, int maxLength) {
    StringBuilder s = new StringBuilder();
    for (int i = rng.nextInt(0, maxLength + 1); i > 0; i--) {
      String name = NAMES.get(rng.nextInt(NAMES.size()));
      s.append(rng.nextInt(12) == 0 ? '#' : name.charAt(rng.nextInt(name.length()))); // # unknown
    }
    return s.toString();
  }

  /** One request to a shared generator: score some texts, or sample from a seeded prime. */
  private record Request(List<String> texts, String prime, int samples, int maxTokens, long seed) {
    static Request score(List<String> texts) {
      return new Request(texts, "", 0, 0, 0);
    }

    String answer(TextGenerator lm) {
      StringBuilder s = new StringBuilder();
      if (samples == 0) {
        lm.score(texts).forEach(x -> s.append(x.logLikelihood()).append('/').append(x.tokens())
            .append(' '));
        return s.toString();
      }
      GenerationConfig config = lm.untilEos(maxTokens, Sampler.temperature(1.3).withTopP(0.95));
      return samples == 1 ? lm.generate(prime, config, new SplittableRandom(seed))
          : String.join("|", lm.sample(prime, samples, config, new SplittableRandom(seed)));
    }
  }

  private static List<Request> requests(int count) {
    SplittableRandom rng = new SplittableRandom(7);
    List<Request> requests = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (rng.nextBoolean()) {
        List<String> texts = new ArrayList<>();
        for (int n = rng.nextInt(1, 6); n > 0; n--) {
          texts.add(text(rng, 25));
        }
        requests.add(Request.score(texts));
      } else {
        requests.add(new Request(List.of(), text(rng, 4), rng.nextInt(5) == 0 ? 3 : 1,
            rng.nextInt(1, 20), rng.nextLong()));
      }
    }
    return requests;
  }

  @Test
  void eightThreadsGetTheSerialAnswersBitForBit() throws Exception {
    TextGenerator lm = TextGenerator.load(model());
    ConcurrentCalls.assertSameAsSerial(requests(300), request -> request.answer(lm));
  }

  @Test
  void aTextsAnswerDoesNotDependOnTheOthersInItsCall() throws Exception {
    TextGenerator lm = TextGenerator.load(model());
    SplittableRandom rng = new SplittableRandom(2);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 75; i++) { // three batches of mixed lengths
      texts.add(text(rng, 30));
    }
    List<Score> together = lm.score(texts);
    for (int i = 0; i < texts.size(); i += 7) {
      assertEquals(together.get(i), lm.score(texts.get(i)), texts.get(i));
    }
    GenerationConfig config = lm.untilEos(25, Sampler.temperature(1.2));
    List<String> samples = lm.sample("ab", 70, config, new SplittableRandom(5));
    assertTrue(samples.stream().distinct().count() > 50, "varied samples: " + samples);
    SplittableRandom parent = new SplittableRandom(5);
    for (int i = 0; i < samples.size(); i++) {
      RandomGenerator own = parent.split();
      if (i % 9 == 0) {
        assertEquals(samples.get(i), lm.generate("ab", config, own), "sample " + i);
      }
    }
  }

  @Test
  void evaluationIsTheCorpusTotalAndPredictionsAreTheScores() throws Exception {
    TextGenerator lm = TextGenerator.load(model());
    Path data = Files.writeString(dir.resolve("names.txt"), "aardonyx\n\nbaryonyx\niguan\n",
        StandardCharsets.UTF_8);
    List<String> texts = List.of("aardonyx", "baryonyx", "iguan");
    PerplexityEvaluation e = lm.evaluate(data, TaskOptions.none());
    Score total = Score.total(lm.score(texts));
    assertEquals(total, e.total());
    assertEquals(3, e.texts());
    assertEquals(8 + 8 + 5 + 3, total.tokens(), "each character and <eos>");
    assertEquals(-total.mean(), e.loss(), 0);
    assertTrue(e.report().startsWith(data + ": 3 texts, 24 tokens, loss "), e.report());
    assertEquals(24, e.toJson().get("tokens").asInt());
    List<TextScore> predicted = lm.predict(texts, TaskOptions.none());
    assertEquals(lm.score("baryonyx"), predicted.get(1).score());
    assertTrue(predicted.get(1).text().matches("-[0-9]+\\.[0-9]{4}\t[0-9]+\\.[0-9]{3}"),
        predicted.get(1).text());
    assertEquals("[text, log_likelihood, tokens, perplexity]",
        names(predicted.get(1).toJson().fieldNames()).toString());
  }

  private static List<String> names(Iterator<String> names) {
    List<String> out = new ArrayList<>();
    names.forEachRemaining(out::add);
    return out;
  }

  @Test
  void theRegistryLoadsItFromTheFileAlone() throws Exception {
    Path file = model();
    assertEquals("lm", TaskFamilies.of(file).name());
    assertTrue(TaskFamilies.load(file) instanceof TextGenerator);
    assertEquals("lm", TaskFamilies.all().get(0).name(), "lm is registered first");
  }

  @Test
  void theFamilyTrainsOnLinesOfText() throws Exception {
    Path data = Files.write(dir.resolve("names.txt"), NAMES, StandardCharsets.UTF_8);
    StringWriter log = new StringWriter();
    TaskOptions options = TaskOptions.of(Map.of("embedding", "4", "hidden", "8", "cell", "gru"));
    TrainedModel trained = new LmFamily().train(new TrainingJob(data, options,
        TrainingRecipe.of(1, 4), 4, 0.25, new PrintWriter(log)));
    assertTrue(log.toString().startsWith("training a GRU language model on " + data + ": 7 for"
        + " training, 2 for validation, vocabulary "), log.toString());
    LanguageModelConfig config = (LanguageModelConfig) trained.config();
    assertEquals(new RecurrentSpec(CellKind.GRU, 8, 1, false, 0f), config.recurrent());
    assertEquals(4, config.embeddingSize());
    Path file = dir.resolve("trained.safetensors");
    trained.save(file, ModelFile.Provenance.of(4, data));
    assertEquals(config, TextGenerator.load(file).config());

    IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
        () -> new LmFamily().train(new TrainingJob(data, options.with(
            CommonOptions.BIDIRECTIONAL, "true"), TrainingRecipe.of(1, 4), 4, 0.25,
            new PrintWriter(log))));
    assertTrue(both.getMessage().startsWith("--bidirectional does not apply to --task lm"),
        both.getMessage());
    Path one = Files.writeString(dir.resolve("one.txt"), "\nonly\n\n", StandardCharsets.UTF_8);
    IllegalArgumentException few = assertThrows(IllegalArgumentException.class,
        () -> new LmFamily().train(new TrainingJob(one, options, TrainingRecipe.of(1, 4), 4, 0.25,
            new PrintWriter(log))));
    assertTrue(few.getMessage().contains("needs at least 2 non-blank lines"), few.getMessage());
  }

  @Test
  void theConfigKeepsItsFileLayoutAndIsUnidirectional() throws Exception {
    LanguageModelConfig config = new LanguageModelConfig(30, 8,
        RecurrentSpec.of(CellKind.LSTM, 24));
    assertEquals("{\"task\":\"lm\",\"cell\":\"LSTM\",\"vocabulary_size\":30,\"embedding_size\":8,"
        + "\"hidden_size\":24,\"layers\":1,\"dropout\":0.0}", config.toJson().toString());
    assertEquals(config, LanguageModelConfig.fromJson(config.toJson(), Path.of("m")));
    IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
        () -> new LanguageModelConfig(30, 8,
            RecurrentSpec.of(CellKind.LSTM, 24).withBidirectional(true)));
    assertTrue(both.getMessage().contains("cannot be bidirectional"), both.getMessage());
    ObjectNode json = ((ObjectNode) config.toJson())
        .put("bidirectional", true);
    ModelFormatException bad = assertThrows(ModelFormatException.class,
        () -> LanguageModelConfig.fromJson(json, Path.of("m.safetensors")));
    assertTrue(bad.getMessage().startsWith("m.safetensors: bad language-model config"),
        bad.getMessage());
  }
}
