package org.rnn4j.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.rnn4j.task.classify.ClassPrediction;
import org.rnn4j.task.classify.TextClassifier;

/**
 * {@code POST /v1/classify}: {@code {"texts": ["…", …]}} (or {@code "text"}) → {@code
 * {"predictions": [{"text", "label", "probability", "probabilities": {label: p}}]}}.
 */
final class ClassifyApi implements ModelApi {
  private static final Set<String> FIELDS = Set.of("text", "texts");

  /** Texts through {@link TextClassifier#predict(List)}. */
  private record Classify(TextClassifier classifier) implements MicroBatcher.Kind<String,
      ClassPrediction> {
    @Override
    public List<ClassPrediction> run(List<String> texts) {
      return classifier.predict(texts);
    }
  }

  private final TextClassifier classifier;
  private final ServeConfig config;
  private final BatchCalls calls;

  ClassifyApi(TextClassifier classifier, ServeConfig config, BatchCalls calls) {
    this.classifier = classifier;
    this.config = config;
    this.calls = calls;
  }

  @Override
  public String task() {
    return "classify";
  }

  @Override
  public List<Route> routes() {
    return List.of(new Route("/v1/classify", this::classify));
  }

  @Override
  public void describe(ObjectNode into) {
    classifier.labels().forEach(into.putArray("labels")::add);
  }

  private ObjectNode classify(JsonRequest request) {
    request.allowOnly(FIELDS);
    List<String> texts = request.texts(config.maxTexts());
    TokenLimit.check(request::textField, texts, classifier.codec(), config.maxTokens());
    List<ClassPrediction> predictions = calls.call(new Classify(classifier), texts,
        request::textField);
    ObjectNode response = JsonRequest.JSON.createObjectNode();
    ArrayNode out = response.putArray("predictions");
    for (ClassPrediction p : predictions) {
      out.add(p.toJson().put("probability", p.probability()));
    }
    return response;
  }
}
