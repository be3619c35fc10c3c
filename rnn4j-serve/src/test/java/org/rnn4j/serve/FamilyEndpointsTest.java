package org.rnn4j.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnn4j.data.Features;
import org.rnn4j.data.format.EntitySpan;
import org.rnn4j.decode.Sampler;
import org.rnn4j.decode.Score;
import org.rnn4j.task.classify.ClassPrediction;
import org.rnn4j.task.classify.TextClassifier;
import org.rnn4j.task.forecast.SeriesForecaster;
import org.rnn4j.task.lm.TextGenerator;
import org.rnn4j.task.seq2seq.Translator;
import org.rnn4j.task.tag.SentenceTagger;
import org.rnn4j.task.tag.TagPrediction;

/**
 * Every family over HTTP gives exactly what its inference class gives in the same process: the
 * server adds transport, never arithmetic.
 */
class FamilyEndpointsTest {
  private static final ServeConfig CONFIG = ServeConfig.DEFAULTS.withAddress("127.0.0.1", 0);

  private static ArrayNode array(String... values) {
    ArrayNode a = Http.JSON.createArrayNode();
    for (String v : values) {
      a.add(v);
    }
    return a;
  }

  private static ObjectNode body() {
    return Http.JSON.createObjectNode();
  }

  @Test
  void classifyGivesTheClassifiersLabelsAndProbabilities() throws Exception {
    TextClassifier classifier = TextClassifier.load(Models.of("classify"));
    List<String> texts = List.of("film story quite a very awful dull", "superb cast very superb",
        "", "words the model never saw");
    try (ModelServer server = ModelServer.start(Models.of("classify"), CONFIG)) {
      Http http = new Http(server.uri());
      Http.Reply r = http.post("/v1/classify", body().set("texts", array(texts.toArray(
          String[]::new))));
      assertEquals(200, r.status(), r.body());
      List<ClassPrediction> expected = classifier.predict(texts);
      for (int i = 0; i < texts.size(); i++) {
        JsonNode p = r.json().get("predictions").get(i);
        assertEquals(texts.get(i), p.get("text").asText());
        assertEquals(expected.get(i).label(), p.get("label").asText());
        assertEquals(expected.get(i).probability(), p.get("probability").floatValue());
        for (int c = 0; c < classifier.labels().size(); c++) {
          assertEquals(expected.get(i).probabilities()[c],
              p.get("probabilities").get(classifier.labels().get(c)).floatValue());
        }
      }
      Http.Reply one = http.post("/v1/classify", "{\"text\": \"superb cast\"}");
      assertEquals(classifier.predict("superb cast").label(),
          one.json().get("predictions").get(0).get("label").asText());
      JsonNode model = http.get("/v1/model").json();
      assertEquals("classify", model.get("task").asText());
      assertEquals(classifier.labels().toString(), Http.JSON.convertValue(model.get("labels"),
          List.class).toString());
    }
  }

  @Test
  void tagGivesTheTaggersTagsAndEntitiesFromTextOrTokens() throws Exception {
    SentenceTagger tagger = SentenceTagger.load(Models.of("tag"));
    String sentence = "in Paris at Acme Inc today met today saw visited works Ana";
    try (ModelServer server = ModelServer.start(Models.of("tag"), CONFIG)) {
      Http http = new Http(server.uri());
      TagPrediction expected = tagger.tag(sentence);
      for (String request : List.of("{\"text\": \"" + sentence + "\"}",
          body().set("tokens", Http.JSON.createArrayNode().add(array(sentence.split(" "))))
              .toString())) {
        Http.Reply r = http.post("/v1/tag", request);
        assertEquals(200, r.status(), r.body());
        JsonNode p = r.json().get("predictions").get(0);
        assertEquals(expected.tags(), Http.JSON.convertValue(p.get("tags"), List.class));
        assertEquals(expected.tokens(), Http.JSON.convertValue(p.get("tokens"), List.class));
        List<EntitySpan> spans = expected.entities();
        assertEquals(spans.size(), p.get("entities").size());
        for (int e = 0; e < spans.size(); e++) {
          JsonNode entity = p.get("entities").get(e);
          assertEquals(spans.get(e).start(), entity.get("start").asInt());
          assertEquals(spans.get(e).end(), entity.get("end").asInt());
          assertEquals(spans.get(e).type(), entity.get("type").asText());
          assertEquals(String.join(" ", expected.tokens().subList(spans.get(e).start(),
              spans.get(e).end())), entity.get("text").asText());
        }
      }
      assertFalse(expected.entities().isEmpty(), "the example has entities to compare");
    }
  }

  @Test
  void generateWithASeedGivesTheSamplesOfRnn4jGenerate() throws Exception {
    TextGenerator lm = TextGenerator.load(Models.of("lm"));
    try (ModelServer server = ModelServer.start(Models.of("lm"), CONFIG)) {
      Http http = new Http(server.uri());
      Http.Reply r = http.post("/v1/generate", "{\"prime\": \"ty\", \"count\": 3, \"seed\": 11,"
          + " \"temperature\": 0.7, \"top_k\": 10, \"max_tokens\": 30}");
      assertEquals(200, r.status(), r.body());
      List<String> expected = lm.sample("ty", 3, lm.untilEos(30,
          Sampler.temperature(0.7).withTopK(10)), new SplittableRandom(11));
      JsonNode samples = r.json().get("samples");
      assertEquals(3, samples.size());
      for (int i = 0; i < 3; i++) {
        assertEquals(expected.get(i), samples.get(i).get("continuation").asText());
        assertEquals("ty" + expected.get(i), samples.get(i).get("text").asText());
      }
      assertEquals(11, r.json().get("seed").asLong());
      Http.Reply greedy = http.post("/v1/generate", "{\"greedy\": true, \"max_tokens\": 20}");
      assertEquals(lm.generate("", lm.untilEos(20, Sampler.greedy()), new SplittableRandom(0)),
          greedy.json().get("samples").get(0).get("continuation").asText());
      Http.Reply unseeded = http.post("/v1/generate", "{}");
      assertTrue(unseeded.json().get("seed").isIntegralNumber(), "the seed used is returned");
    }
  }

  @Test
  void scoreGivesTheModelsLogLikelihoods() throws Exception {
    TextGenerator lm = TextGenerator.load(Models.of("lm"));
    List<String> texts = List.of("bahariasaurus", "sinoceratops", "x");
    try (ModelServer server = ModelServer.start(Models.of("lm"), CONFIG)) {
      Http.Reply r = new Http(server.uri()).post("/v1/score",
          body().set("texts", array(texts.toArray(String[]::new))));
      assertEquals(200, r.status(), r.body());
      List<Score> expected = lm.score(texts);
      for (int i = 0; i < texts.size(); i++) {
        JsonNode s = r.json().get("scores").get(i);
        assertEquals(expected.get(i).logLikelihood(), s.get("log_likelihood").asDouble());
        assertEquals(expected.get(i).perplexity(), s.get("perplexity").asDouble());
        assertEquals(expected.get(i).tokens(), s.get("tokens").asLong());
      }
      assertEquals(Score.total(expected).perplexity(),
          r.json().get("total").get("perplexity").asDouble());
    }
  }

  @Test
  void translateGivesTheTranslatorsTextTokensAndAttention() throws Exception {
    Translator translator = Translator.load(Models.of("seq2seq"));
    List<String> sources = List.of("e c h c", "c d h e h", "c d");
    try (ModelServer server = ModelServer.start(Models.of("seq2seq"), CONFIG)) {
      Http http = new Http(server.uri());
      for (int beam : new int[] {1, 3}) {
        Http.Reply r = http.post("/v1/translate", body().put("beam", beam).put("alpha", 0.5)
            .set("texts", array(sources.toArray(String[]::new))));
        assertEquals(200, r.status(), r.body());
        List<Translator.Translation> expected = translator.translate(sources,
            new Translator.Options(beam, 0.5, OptionalInt.empty()));
        for (int i = 0; i < sources.size(); i++) {
          Translator.Translation t = expected.get(i);
          JsonNode n = r.json().get("translations").get(i);
          assertEquals(t.text(), n.get("translation").asText());
          assertEquals(t.tokens(), Http.JSON.convertValue(n.get("tokens"), List.class));
          assertEquals(t.sourceTokens(), Http.JSON.convertValue(n.get("source_tokens"),
              List.class));
          assertEquals(t.attention().length, n.get("attention").size());
          for (int row = 0; row < t.attention().length; row++) {
            for (int col = 0; col < t.attention()[row].length; col++) {
              assertEquals(t.attention()[row][col],
                  n.get("attention").get(row).get(col).floatValue());
            }
          }
        }
      }
      Http.Reply without = http.post("/v1/translate", "{\"text\": \"c d\", \"attention\": false}");
      assertFalse(without.json().get("translations").get(0).has("attention"));
    }
  }

  @Test
  void forecastGivesTheForecastersValuesInTheFormTheHistoryCameIn() throws Exception {
    SeriesForecaster forecaster = SeriesForecaster.load(Models.of("forecast"));
    float[] history = new float[30];
    for (int t = 0; t < history.length; t++) {
      history[t] = 100 + 10 * (float) Math.sin(t * Math.PI / 6) + t;
    }
    try (ModelServer server = ModelServer.start(Models.of("forecast"), CONFIG)) {
      Http http = new Http(server.uri());
      ArrayNode flat = Http.JSON.createArrayNode();
      ArrayNode rows = Http.JSON.createArrayNode();
      for (float v : history) {
        flat.add(v);
        rows.addArray().add(v);
      }
      Features expected = forecaster.forecast(new Features(history, 1), 8);
      Http.Reply r = http.post("/v1/forecast", body().put("steps", 8).set("history", flat));
      assertEquals(200, r.status(), r.body());
      JsonNode f = r.json().get("forecasts").get(0);
      assertEquals(8, f.size());
      for (int t = 0; t < 8; t++) {
        assertEquals(expected.get(t, 0), f.get(t).floatValue());
      }
      Http.Reply byRows = http.post("/v1/forecast", body().put("steps", 8)
          .set("histories", Http.JSON.createArrayNode().add(rows).add(flat)));
      assertEquals(expected.get(3, 0), byRows.json().get("forecasts").get(0).get(3).get(0)
          .floatValue());
      assertEquals(expected.get(3, 0), byRows.json().get("forecasts").get(1).get(3).floatValue());
      Http.Reply defaults = http.post("/v1/forecast", body().set("history", flat));
      assertEquals(forecaster.horizon(), defaults.json().get("forecasts").get(0).size());
      assertEquals(List.of("sales"), Http.JSON.convertValue(r.json().get("names"), List.class));
    }
  }
}
