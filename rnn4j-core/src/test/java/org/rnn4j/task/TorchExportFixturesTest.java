package org.rnn4j.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.rnn4j.data.Collate;
import org.rnn4j.data.Features;
import org.rnn4j.data.Padded;
import org.rnn4j.data.TokenIds;
import org.rnn4j.decode.BeamSearchConfig;
import org.rnn4j.decode.Hypothesis;
import org.rnn4j.decode.Score;
import org.rnn4j.io.ModelFile;
import org.rnn4j.tensor.NoGrad;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.task.classify.ClassPrediction;
import org.rnn4j.task.classify.TextClassifier;
import org.rnn4j.task.forecast.SeriesForecaster;
import org.rnn4j.task.lm.LanguageModel;
import org.rnn4j.task.lm.TextGenerator;
import org.rnn4j.task.seq2seq.BeamResult;
import org.rnn4j.task.seq2seq.Seq2Seq;
import org.rnn4j.task.seq2seq.Translator;
import org.rnn4j.task.tag.SentenceTagger;
import org.rnn4j.task.tag.TagPrediction;
import org.rnn4j.task.tag.Tagger;
import org.rnn4j.task.tag.TaggerData;
import org.rnn4j.text.TextCodec;
import org.rnn4j.text.TextCodecPair;
import org.rnn4j.text.CharTokenizer;
import org.rnn4j.text.Tokenizer;
import org.rnn4j.text.WordTokenizer;

/**
 * rnn4j's outputs for the PyTorch parity fixtures in {@code fixtures/torch}: one model file per
 * family and fixed inputs ({@code inputs.json}) give the outputs in {@code expected.json}, which
 * the Python tests ({@code tools/tests}) compare with the same models rebuilt in torch.nn. This
 * test recomputes the outputs and fails when the committed file is out of date; to rewrite it,
 * run {@code RNN4J_WRITE_TORCH_FIXTURES=1 mvn -B -o test -pl rnn4j-core
 * -Dtest=TorchExportFixturesTest}.
 */
class TorchExportFixturesTest {
  private static final Path DIR = Path.of("src/test/resources/fixtures/torch");
  private static final Path EXPECTED = DIR.resolve("expected.json");
  /** Outputs may move by float rounding between JDKs and kernels, never more. */
  private static final double TOLERANCE = 1e-6;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theCommittedOutputsAreRnn4jsOutputsForTheCommittedModels() throws Exception {
    JsonNode inputs = JSON.readTree(DIR.resolve("inputs.json").toFile());
    ObjectNode out = JSON.createObjectNode();
    out.put("about", "rnn4j's outputs for inputs.json, written by TorchExportFixturesTest");
    for (String family : List.of("lm", "classify", "tag", "seq2seq", "forecast")) {
      ArrayNode models = out.putArray(family);
      for (JsonNode c : inputs.get(family)) {
        ObjectNode m = models.addObject().put("model", c.get("model").asText());
        m.set("outputs", switch (family) {
          case "lm" -> lm(c);
          case "classify" -> classify(c);
          case "tag" -> tag(c);
          case "seq2seq" -> seq2seq(c);
          default -> forecast(c);
        });
      }
    }
    out.set("tokenize", tokenize(inputs.get("tokenize")));
    if ("1".equals(System.getenv("RNN4J_WRITE_TORCH_FIXTURES"))) {
      Files.writeString(EXPECTED, JSON.writer().with(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(out) + "\n", StandardCharsets.UTF_8);
    }
    JsonNode committed = JSON.readTree(EXPECTED.toFile());
    List<String> problems = new ArrayList<>();
    compare("", committed, out, problems);
    if (!problems.isEmpty()) {
      fail(EXPECTED + " is out of date (rewrite it with RNN4J_WRITE_TORCH_FIXTURES=1): "
          + problems.subList(0, Math.min(10, problems.size())));
    }
  }

  /**
   * A model file written from PyTorch ({@code rnn4j_to_torch.save}: safetensors.torch.save_file
   * with the original metadata) loads in rnn4j with the original's weights and translations.
   */
  @Test
  void aModelFileWrittenByThePythonPackageLoadsWithTheSameWeightsAndOutputs() throws Exception {
    Path original = DIR.resolve("seq2seq.safetensors");
    Path fromTorch = DIR.resolve("seq2seq-written-by-torch.safetensors");
    Map<String, Tensor> a = Seq2Seq.load(original).model().parameters();
    Map<String, Tensor> b = Seq2Seq.load(fromTorch).model().parameters();
    assertEquals(a.keySet(), b.keySet());
    for (String name : a.keySet()) {
      assertArrayEquals(a.get(name).data(), b.get(name).data(), name);
    }
    List<String> sources = List.of("e c h c", "c d", "a d b h h");
    Translator.Options beam = new Translator.Options(3, 0.5, OptionalInt.empty());
    assertEquals(Translator.load(original).translate(sources, beam).stream()
            .map(Translator.Translation::text).toList(),
        Translator.load(fromTorch).translate(sources, beam).stream()
            .map(Translator.Translation::text).toList());
  }

  private static Path model(JsonNode family) {
    return DIR.resolve(family.get("model").asText());
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static ArrayNode ints(int[] values) {
    ArrayNode a = JSON.createArrayNode();
    for (int v : values) {
      a.add(v);
    }
    return a;
  }

  private static ArrayNode floats(float[] values, int from, int to) {
    ArrayNode a = JSON.createArrayNode();
    for (int i = from; i < to; i++) {
      a.add((double) values[i]);
    }
    return a;
  }

  private static ArrayNode matrix(float[][] rows) {
    ArrayNode a = JSON.createArrayNode();
    for (float[] row : rows) {
      a.add(floats(row, 0, row.length));
    }
    return a;
  }

  /** Per text: the ids read, log softmax of every step (T, V), and the text's score. */
  private static JsonNode lm(JsonNode family) throws Exception {
    ModelFile.Loaded<LanguageModel> loaded = LanguageModel.load(model(family));
    LanguageModel m = loaded.model();
    TextCodec codec = loaded.textCodec(model(family));
    TextGenerator generator = TextGenerator.load(model(family));
    List<String> texts = strings(family.get("texts"));
    List<Score> scores = generator.score(texts);
    ArrayNode results = JSON.createArrayNode();
    for (int i = 0; i < texts.size(); i++) {
      int[] ids = codec.encode(texts.get(i), true); // <bos> tokens <eos>
      int t = ids.length - 1;
      int[] input = java.util.Arrays.copyOf(ids, t);
      float[] logits;
      try (NoGrad scope = NoGrad.enter()) {
        logits = m.forward(input, new int[] {t}, m.zeroState(1)).logits().data(); // (1, T, V)
      }
      int v = m.config().vocabularySize();
      ArrayNode logProbs = JSON.createArrayNode();
      for (int s = 0; s < t; s++) {
        ArrayNode row = logProbs.addArray();
        for (double lp : logSoftmax(logits, s * v, v)) {
          row.add(lp);
        }
      }
      ObjectNode r = results.addObject().put("text", texts.get(i));
      r.set("ids", ints(ids));
      r.set("log_probs", logProbs);
      r.put("log_likelihood", scores.get(i).logLikelihood())
          .put("tokens", scores.get(i).tokens()).put("perplexity", scores.get(i).perplexity());
    }
    return results;
  }

  private static double[] logSoftmax(float[] logits, int off, int v) {
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < v; j++) {
      max = Math.max(max, logits[off + j]);
    }
    double sum = 0;
    for (int j = 0; j < v; j++) {
      sum += Math.exp(logits[off + j] - max);
    }
    double[] out = new double[v];
    for (int j = 0; j < v; j++) {
      out[j] = logits[off + j] - max - Math.log(sum);
    }
    return out;
  }

  private static JsonNode classify(JsonNode family) throws Exception {
    TextClassifier classifier = TextClassifier.load(model(family));
    List<String> texts = strings(family.get("texts"));
    ObjectNode out = JSON.createObjectNode();
    ArrayNode labels = out.putArray("labels");
    classifier.labels().forEach(labels::add);
    ArrayNode results = out.putArray("results");
    List<ClassPrediction> predicted = classifier.predict(texts);
    for (int i = 0; i < texts.size(); i++) {
      ClassPrediction p = predicted.get(i);
      ObjectNode r = results.addObject().put("text", texts.get(i));
      r.set("ids", ints(classifier.codec().encode(texts.get(i), false)));
      r.set("probabilities", floats(p.probabilities(), 0, p.probabilities().length));
      r.put("label", p.label());
    }
    return out;
  }

  /** Per sentence: its tokens and ids, the scores (logits) of every tag and the tags. */
  private static JsonNode tag(JsonNode family) throws Exception {
    ModelFile.Loaded<Tagger> loaded = Tagger.load(model(family));
    Tagger tagger = loaded.model();
    TextCodec codec = loaded.textCodec(model(family));
    boolean lowerCase = codec.tokenizer() instanceof WordTokenizer w && w.lowerCase();
    SentenceTagger sentenceTagger = SentenceTagger.load(model(family));
    ObjectNode out = JSON.createObjectNode();
    ArrayNode tags = out.putArray("tags");
    sentenceTagger.tags().forEach(tags::add);
    ArrayNode results = out.putArray("results");
    for (String sentence : strings(family.get("sentences"))) {
      List<String> tokens = SentenceTagger.tokens(sentence);
      int[] ids = TaggerData.ids(tokens, codec.vocabulary(), lowerCase);
      float[] scores = new float[0];
      if (ids.length > 0) {
        Padded padded = Collate.pad(List.of(new TokenIds(ids)), codec.vocabulary().padId());
        try (NoGrad scope = NoGrad.enter()) {
          scores = tagger.forward(padded).data(); // (1, T, K)
        }
      }
      int k = sentenceTagger.tags().size();
      ArrayNode rows = JSON.createArrayNode();
      for (int t = 0; t < ids.length; t++) {
        rows.add(floats(scores, t * k, t * k + k));
      }
      TagPrediction p = sentenceTagger.tag(sentence);
      ObjectNode r = results.addObject().put("sentence", sentence);
      ArrayNode tokenArray = r.putArray("tokens");
      tokens.forEach(tokenArray::add);
      r.set("ids", ints(ids));
      r.set("scores", rows);
      ArrayNode predicted = r.putArray("tags");
      p.tags().forEach(predicted::add);
    }
    return out;
  }

  /**
   * Greedy translations (ids, text, attention) as {@link Translator} gives them, and beam search
   * with the n best hypotheses, their log-probabilities and scores, as {@link Seq2Seq#beamSearch}
   * gives them; the best one is also {@link Translator}'s beam translation.
   */
  private static JsonNode seq2seq(JsonNode family) throws Exception {
    Translator translator = Translator.load(model(family));
    ModelFile.Loaded<Seq2Seq> loaded = Seq2Seq.load(model(family));
    Seq2Seq s2s = loaded.model();
    TextCodecPair codecs = TextCodecPair.fromJson(loaded.vocabulary().orElseThrow());
    List<String> sources = strings(family.get("sources"));
    ObjectNode out = JSON.createObjectNode();
    ArrayNode greedy = out.putArray("greedy");
    for (Translator.Translation t : translator.translate(sources, Translator.Options.GREEDY)) {
      ObjectNode r = greedy.addObject().put("source", t.source());
      r.set("source_ids", ints(codecs.source().encode(t.source(), false)));
      r.set("ids", ints(t.ids()));
      r.put("text", t.text());
      r.set("attention", matrix(t.attention()));
    }
    ArrayNode beams = out.putArray("beam");
    for (JsonNode settings : family.get("beam")) {
      int k = settings.get("beam_width").asInt();
      double alpha = settings.get("length_penalty").asDouble();
      int best = settings.get("best").asInt();
      OptionalInt maxLength = settings.has("max_length")
          ? OptionalInt.of(settings.get("max_length").asInt()) : OptionalInt.empty();
      List<Translator.Translation> translations =
          translator.translate(sources, new Translator.Options(k, alpha, maxLength));
      ObjectNode b = beams.addObject();
      b.set("settings", settings);
      ArrayNode results = b.putArray("results");
      for (int i = 0; i < sources.size(); i++) {
        int[] source = codecs.source().encode(sources.get(i), false);
        ObjectNode r = results.addObject().put("source", sources.get(i));
        ArrayNode hypotheses = r.putArray("hypotheses");
        if (source.length == 0) { // no tokens: an empty translation, the model does not run
          assertEquals("", translations.get(i).text());
          r.putArray("attention");
          continue;
        }
        int limit = maxLength.orElse(2 * source.length + 10);
        BeamResult result = s2s.beamSearch(
            Collate.pad(List.of(new TokenIds(source)), codecs.source().vocabulary().padId()),
            BeamSearchConfig.of(k, limit, codecs.target().vocabulary().eosId())
                .withLengthPenalty(alpha).withBest(best),
            codecs.target().vocabulary().bosId()).get(0);
        assertEquals(translations.get(i).text(),
            codecs.target().decode(result.best().ids()), "the translator's beam translation");
        for (Hypothesis h : result.hypotheses()) {
          ObjectNode o = hypotheses.addObject();
          o.set("ids", ints(h.ids()));
          o.put("text", codecs.target().decode(h.ids()))
              .put("log_probability", h.logProbability()).put("score", h.score())
              .put("finished", h.finished());
        }
        r.set("attention", matrix(result.attention()));
      }
    }
    return out;
  }

  /** Each text split by the character tokenizer and by the word tokenizer in its 4 settings. */
  private static JsonNode tokenize(JsonNode inputs) {
    List<String> texts = strings(inputs.get("texts"));
    ArrayNode out = JSON.createArrayNode();
    List<Tokenizer> tokenizers = List.of(new CharTokenizer(), new WordTokenizer(false, false),
        new WordTokenizer(false, true), new WordTokenizer(true, false),
        new WordTokenizer(true, true));
    for (Tokenizer tokenizer : tokenizers) {
      ObjectNode c = out.addObject();
      ObjectNode settings = c.putObject("tokenizer");
      if (tokenizer instanceof WordTokenizer w) {
        settings.put("kind", "word").put("lower_case", w.lowerCase())
            .put("split_punctuation", w.splitPunctuation());
      } else {
        settings.put("kind", "char");
      }
      ArrayNode all = c.putArray("tokens");
      for (String text : texts) {
        ArrayNode tokens = all.addArray();
        tokenizer.tokenize(text).forEach(tokens::add);
      }
    }
    return out;
  }

  private static JsonNode forecast(JsonNode family) throws Exception {
    SeriesForecaster forecaster = SeriesForecaster.load(model(family));
    ArrayNode results = JSON.createArrayNode();
    for (JsonNode history : family.get("histories")) {
      int f = forecaster.names().size();
      List<Double> flat = new ArrayList<>(); // (T, F) rows, or T numbers when F = 1
      for (JsonNode step : history.get("values")) {
        if (step.isArray()) {
          step.forEach(v -> flat.add(v.asDouble()));
        } else {
          flat.add(step.asDouble());
        }
      }
      float[] values = new float[flat.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = flat.get(i).floatValue();
      }
      int steps = history.get("steps").asInt();
      Features predicted = forecaster.forecast(new Features(values, f), steps);
      ObjectNode r = results.addObject().put("history_length", values.length / f)
          .put("steps", steps);
      ArrayNode rows = r.putArray("forecast");
      for (int t = 0; t < predicted.length(); t++) {
        rows.add(floats(predicted.values(), t * f, t * f + f));
      }
    }
    return results;
  }

  /** Numbers within {@link #TOLERANCE} (absolute, or relative to larger ones), the rest equal. */
  private static void compare(String path, JsonNode expected, JsonNode actual,
      List<String> problems) {
    if (expected.isNumber() && actual.isNumber()) {
      double e = expected.asDouble();
      double a = actual.asDouble();
      if (!(Math.abs(e - a) <= TOLERANCE * Math.max(1, Math.abs(e)))) {
        problems.add(path + ": " + e + " now " + a);
      }
    } else if (expected.isArray() && actual.isArray()) {
      if (expected.size() != actual.size()) {
        problems.add(path + ": " + expected.size() + " entries, now " + actual.size());
        return;
      }
      for (int i = 0; i < expected.size(); i++) {
        compare(path + "[" + i + "]", expected.get(i), actual.get(i), problems);
      }
    } else if (expected.isObject() && actual.isObject()) {
      List<String> names = new ArrayList<>();
      expected.fieldNames().forEachRemaining(names::add);
      List<String> now = new ArrayList<>();
      actual.fieldNames().forEachRemaining(now::add);
      if (!names.equals(now)) {
        problems.add(path + ": fields " + names + ", now " + now);
        return;
      }
      Iterator<Map.Entry<String, JsonNode>> it = expected.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        compare(path + "." + e.getKey(), e.getValue(), actual.get(e.getKey()), problems);
      }
    } else if (!expected.equals(actual)) {
      problems.add(path + ": " + expected + " now " + actual);
    }
  }
}
