package org.rnn4j.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.rnn4j.task.seq2seq.Translator;
import org.rnn4j.task.seq2seq.Translator.Translation;

/**
 * {@code POST /v1/translate}: {@code {"texts": […], "beam": k, "alpha": α, "max_length": m,
 * "attention": true}} → {@code {"translations": [{"text", "translation", "source_tokens",
 * "tokens", "attention": [[…]]}]}}, attention (m, Tx): row t holds the weights over the source
 * tokens with which output token t was predicted. Greedy decoding by default; beam search ranks
 * hypotheses by log p / length^α, as {@code rnn4j translate} does.
 */
final class TranslateApi implements ModelApi {
  private static final Set<String> FIELDS = Set.of("text", "texts", "beam", "alpha",
      "max_length", "attention");
  /** The length normalisation of a request that names none, as {@code rnn4j translate}'s. */
  static final double DEFAULT_ALPHA = 1.0;

  /** Sources through {@link Translator#translate}, all with the same decoding options. */
  private record Translate(Translator translator, Translator.Options options)
      implements MicroBatcher.Kind<String, Translation> {
    @Override
    public List<Translation> run(List<String> sources) {
      return translator.translate(sources, options);
    }
  }

  private final Translator translator;
  private final ServeConfig config;
  private final BatchCalls calls;

  TranslateApi(Translator translator, ServeConfig config, BatchCalls calls) {
    this.translator = translator;
    this.config = config;
    this.calls = calls;
  }

  @Override
  public String task() {
    return "seq2seq";
  }

  @Override
  public List<Route> routes() {
    return List.of(new Route("/v1/translate", this::translate));
  }

  @Override
  public void describe(ObjectNode into) {
    into.put("source_vocabulary_size", translator.codecs().source().vocabulary().size())
        .put("target_vocabulary_size", translator.codecs().target().vocabulary().size())
        .put("default_beam", 1).put("default_alpha", DEFAULT_ALPHA);
  }

  private ObjectNode translate(JsonRequest request) {
    request.allowOnly(FIELDS);
    List<String> texts = request.texts(config.maxTexts());
    int longest = 0;
    for (int i = 0; i < texts.size(); i++) {
      int tokens = translator.codecs().source().tokenizer().tokenize(texts.get(i)).size();
      TokenLimit.check(request.textField(i), tokens, config.maxTokens());
      longest = Math.max(longest, tokens);
    }
    int beam = request.integer("beam", 1, 1, config.maxBeam());
    double alpha = request.number("alpha", DEFAULT_ALPHA, 0, 10);
    OptionalInt maxLength = request.has("max_length")
        ? OptionalInt.of(request.integer("max_length", 0, 1, config.maxNewTokens()))
        : OptionalInt.empty();
    if (maxLength.isEmpty() && 2 * longest + 10 > config.maxNewTokens()) {
      maxLength = OptionalInt.of(config.maxNewTokens()); // the automatic 2·|x| + 10, capped
    }
    boolean attention = request.bool("attention", true);
    List<Translation> out = calls.call(new Translate(translator,
        new Translator.Options(beam, alpha, maxLength)), texts, request::textField);
    ObjectNode response = JsonRequest.JSON.createObjectNode();
    ArrayNode translations = response.putArray("translations");
    for (Translation t : out) {
      ObjectNode n = t.toJson();
      t.sourceTokens().forEach(n.putArray("source_tokens")::add);
      t.tokens().forEach(n.putArray("tokens")::add);
      if (attention) {
        ArrayNode rows = n.putArray("attention");
        for (float[] row : t.attention()) {
          ArrayNode r = rows.addArray();
          for (float w : row) {
            r.add(w);
          }
        }
      }
      translations.add(n);
    }
    return response;
  }
}
