package org.rnn4j.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.rnn4j.data.format.EntitySpan;
import org.rnn4j.task.tag.SentenceTagger;
import org.rnn4j.task.tag.TagPrediction;

/**
 * {@code POST /v1/tag}: {@code {"texts": ["…", …]}} (split at whitespace) or {@code {"tokens":
 * [["Ana", "visited", "Paris"], …]}} → {@code {"predictions": [{"tokens", "tags", "entities":
 * [{"start", "end", "type", "text"}]}]}}, an entity covering tokens [start, end).
 */
final class TagApi implements ModelApi {
  private static final Set<String> FIELDS = Set.of("text", "texts", "tokens");
  private static final Pattern ENTITY_TAG = Pattern.compile("[BIESLU]-.+");

  /** Token lists through {@link SentenceTagger#tagAll}. */
  private record Tag(SentenceTagger tagger) implements MicroBatcher.Kind<List<String>,
      TagPrediction> {
    @Override
    public List<TagPrediction> run(List<List<String>> sentences) {
      return tagger.tagAll(sentences);
    }
  }

  private final SentenceTagger tagger;
  private final ServeConfig config;
  private final BatchCalls calls;

  TagApi(SentenceTagger tagger, ServeConfig config, BatchCalls calls) {
    this.tagger = tagger;
    this.config = config;
    this.calls = calls;
  }

  @Override
  public String task() {
    return "tag";
  }

  @Override
  public List<Route> routes() {
    return List.of(new Route("/v1/tag", this::tag));
  }

  @Override
  public void describe(ObjectNode into) {
    tagger.tags().forEach(into.putArray("tags")::add);
    // the entity types: the tags without their B-, I-, E-, S-, L- or U- prefix
    new TreeSet<>(tagger.tags().stream().filter(t -> ENTITY_TAG.matcher(t).matches())
        .map(t -> t.substring(2)).toList()).forEach(into.putArray("entity_types")::add);
  }

  private ObjectNode tag(JsonRequest request) {
    request.allowOnly(FIELDS);
    boolean given = request.has("tokens");
    List<List<String>> sentences = given ? tokens(request) : split(request);
    for (int i = 0; i < sentences.size(); i++) {
      TokenLimit.check(field(request, i), sentences.get(i).size(), config.maxTokens());
    }
    List<TagPrediction> predictions = calls.call(new Tag(tagger), sentences,
        i -> field(request, i));
    ObjectNode response = JsonRequest.JSON.createObjectNode();
    ArrayNode out = response.putArray("predictions");
    for (TagPrediction p : predictions) {
      ObjectNode n = p.toJson();
      ArrayNode entities = n.putArray("entities");
      for (EntitySpan span : p.entities()) {
        entities.addObject().put("start", span.start()).put("end", span.end())
            .put("type", span.type())
            .put("text", String.join(" ", p.tokens().subList(span.start(), span.end())));
      }
      out.add(n);
    }
    return response;
  }

  private static String field(JsonRequest request, int i) {
    return request.has("tokens") ? "tokens[" + i + "]" : request.textField(i);
  }

  private List<List<String>> split(JsonRequest request) {
    List<List<String>> out = new ArrayList<>();
    for (String text : request.texts(config.maxTexts())) {
      out.add(SentenceTagger.tokens(text));
    }
    return out;
  }

  private List<List<String>> tokens(JsonRequest request) {
    if (request.has("text") || request.has("texts")) {
      throw ApiException.badRequest("tokens", "give \"tokens\" or \"text\"/\"texts\", not both");
    }
    JsonNode all = request.get("tokens");
    if (!all.isArray() || all.isEmpty()) {
      throw ApiException.badRequest("tokens", "expected a non-empty array of token arrays, got "
          + JsonRequest.kind(all));
    }
    if (all.size() > config.maxTexts()) {
      throw ApiException.tooLarge("tokens", "at most " + config.maxTexts()
          + " sentences per request, got " + all.size());
    }
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      JsonNode sentence = all.get(i);
      if (!sentence.isArray()) {
        throw ApiException.badRequest("tokens[" + i + "]", "expected an array of strings, got "
            + JsonRequest.kind(sentence));
      }
      List<String> tokens = new ArrayList<>(sentence.size());
      for (int t = 0; t < sentence.size(); t++) {
        String field = "tokens[" + i + "][" + t + "]";
        String token = JsonRequest.string(field, sentence.get(t));
        if (token.isEmpty() || token.chars().anyMatch(Character::isWhitespace)) {
          throw ApiException.badRequest(field, "expected a token without whitespace, got \""
              + token + "\"");
        }
        tokens.add(token);
      }
      out.add(tokens);
    }
    return out;
  }
}
