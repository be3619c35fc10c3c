package org.rnn4j.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import org.rnn4j.decode.GenerationConfig;
import org.rnn4j.decode.RandomSampler;
import org.rnn4j.decode.Sampler;
import org.rnn4j.decode.Score;
import org.rnn4j.task.lm.TextGenerator;
import org.rnn4j.task.lm.TextScore;
import org.rnn4j.text.CharTokenizer;

/**
 * A language model's operations.
 *
 * <ul>
 *   <li>{@code POST /v1/generate}: {@code {"prime": "…", "count": n, "max_tokens": m,
 *       "temperature": τ, "top_k": k, "top_p": p, "greedy": false, "seed": s}} → {@code {"seed":
 *       s, "samples": [{"text": prime + continuation, "continuation": "…"}]}}. Sample i draws
 *       from the i-th split of {@code SplittableRandom(seed)}, as {@code rnn4j generate --seed s}
 *       does, so a request with a seed gives the same texts whatever else the server is doing;
 *       without a seed the server picks one and returns it.
 *   <li>{@code POST /v1/score}: {@code {"texts": […]}} → {@code {"scores": [{"text",
 *       "log_likelihood", "tokens", "perplexity"}], "total": {…}}}.
 * </ul>
 */
final class LmApi implements ModelApi {
  private static final Set<String> GENERATE_FIELDS = Set.of("prime", "count", "max_tokens",
      "temperature", "top_k", "top_p", "greedy", "seed");
  private static final Set<String> SCORE_FIELDS = Set.of("text", "texts");
  /** The largest integer a JSON number keeps exactly in JavaScript: 2^53 − 1. */
  static final long MAX_SAFE_SEED = (1L << 53) - 1;
  /** The length limit of a generation that names none. */
  static final int DEFAULT_MAX_TOKENS = 200;
  /** The temperature of a generation that names none. */
  static final double DEFAULT_TEMPERATURE = 1.0;

  /** One sample to draw: its prime and its own generator. */
  private record Draw(String prime, SplittableRandom rng) {}

  /** Samples through {@link TextGenerator#generate(List, GenerationConfig, List)}. */
  private record Generate(TextGenerator generator, GenerationConfig config)
      implements MicroBatcher.Kind<Draw, String> {
    @Override
    public List<String> run(List<Draw> draws) {
      List<String> primes = new ArrayList<>(draws.size());
      List<SplittableRandom> rngs = new ArrayList<>(draws.size());
      for (Draw d : draws) {
        primes.add(d.prime());
        rngs.add(d.rng());
      }
      return generator.generate(primes, config, rngs);
    }
  }

  /** Texts through {@link TextGenerator#score(List)}. */
  private record ScoreTexts(TextGenerator generator) implements MicroBatcher.Kind<String, Score> {
    @Override
    public List<Score> run(List<String> texts) {
      return generator.score(texts);
    }
  }

  private final TextGenerator generator;
  private final ServeConfig config;
  private final BatchCalls calls;

  LmApi(TextGenerator generator, ServeConfig config, BatchCalls calls) {
    this.generator = generator;
    this.config = config;
    this.calls = calls;
  }

  @Override
  public String task() {
    return "lm";
  }

  @Override
  public List<Route> routes() {
    return List.of(new Route("/v1/generate", this::generate), new Route("/v1/score", this::score));
  }

  @Override
  public void describe(ObjectNode into) {
    into.put("tokens", generator.codec().tokenizer() instanceof CharTokenizer ? "char" : "word")
        .put("vocabulary_size", generator.codec().vocabulary().size())
        .put("default_max_tokens", Math.min(DEFAULT_MAX_TOKENS, config.maxNewTokens()))
        .put("default_temperature", DEFAULT_TEMPERATURE);
  }

  private ObjectNode generate(JsonRequest request) {
    request.allowOnly(GENERATE_FIELDS);
    String prime = request.string("prime", "");
    TokenLimit.check("prime", generator.codec().tokenizer().tokenize(prime).size(),
        config.maxTokens());
    int count = request.integer("count", 1, 1, config.maxTexts());
    int maxTokens = request.integer("max_tokens", Math.min(DEFAULT_MAX_TOKENS,
        config.maxNewTokens()), 1, config.maxNewTokens());
    // A seed the server picks stays within ±2^53, so JavaScript clients read it back exactly.
    long seed = request.longInteger("seed",
        ThreadLocalRandom.current().nextLong(-MAX_SAFE_SEED, MAX_SAFE_SEED + 1));
    SplittableRandom root = new SplittableRandom(seed);
    List<Draw> draws = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      draws.add(new Draw(prime, root.split()));
    }
    GenerationConfig generation = generator.untilEos(maxTokens, sampler(request));
    List<String> continuations = calls.call(new Generate(generator, generation), draws,
        i -> "prime");
    ObjectNode response = JsonRequest.JSON.createObjectNode().put("seed", seed);
    ArrayNode samples = response.putArray("samples");
    for (String c : continuations) {
      samples.addObject().put("text", prime + c).put("continuation", c);
    }
    return response;
  }

  private Sampler sampler(JsonRequest request) {
    boolean greedy = request.bool("greedy", false);
    if (greedy) {
      for (String f : List.of("temperature", "top_k", "top_p")) {
        if (request.has(f)) {
          throw ApiException.badRequest(f, "greedy decoding takes no " + f);
        }
      }
      return GREEDY;
    }
    RandomSampler s = Sampler.temperature(request.number("temperature", DEFAULT_TEMPERATURE, 1e-3, 100));
    if (request.has("top_k")) {
      s = s.withTopK(request.integer("top_k", 0, 1, generator.codec().vocabulary().size()));
    }
    if (request.has("top_p")) {
      double p = request.number("top_p", 1, 0, 1);
      if (p <= 0) {
        throw ApiException.badRequest("top_p", "expected a number in (0, 1], got " + p);
      }
      s = s.withTopP(p);
    }
    return s;
  }

  /** One greedy sampler for every request, so greedy requests share batches. */
  private static final Sampler GREEDY = Sampler.greedy();

  private ObjectNode score(JsonRequest request) {
    request.allowOnly(SCORE_FIELDS);
    List<String> texts = request.texts(config.maxTexts());
    TokenLimit.check(request::textField, texts, generator.codec(), config.maxTokens());
    List<Score> scores = calls.call(new ScoreTexts(generator), texts, request::textField);
    ObjectNode response = JsonRequest.JSON.createObjectNode();
    ArrayNode out = response.putArray("scores");
    for (int i = 0; i < texts.size(); i++) {
      out.add(new TextScore(texts.get(i), scores.get(i)).toJson());
    }
    Score total = Score.total(scores);
    response.putObject("total").put("log_likelihood", total.logLikelihood())
        .put("tokens", total.tokens()).put("perplexity", total.perplexity());
    return response;
  }
}
