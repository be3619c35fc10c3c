package org.rnn4j.task.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.nn.recurrent.RecurrentState;
import org.rnn4j.task.TaskOptionException;
import org.rnn4j.task.TaskOptions;
import org.rnn4j.task.TrainedModel;
import org.rnn4j.task.TrainingJob;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.text.CharTokenizer;
import org.rnn4j.text.TextCodec;
import org.rnn4j.train.BatchSource;
import org.rnn4j.train.TokenBatch;
import org.rnn4j.train.TrainingRecipe;
import org.rnn4j.train.TruncatedBptt;

/**
 * {@code --stream}: the lm family over one long text, cut into parallel streams read chunk by
 * chunk with the recurrent state carried across chunks.
 */
class StreamedTrainingTest {
  @TempDir Path dir;

  /**
   * Lines "a--a" or "b--b", the letter drawn at random: the last letter is the first, three
   * tokens back, so with chunks of 4 its cue is often in the chunk before.
   */
  private static List<String> echoes(int count, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String c = rng.nextBoolean() ? "a" : "b";
      lines.add(c + "--" + c);
    }
    return lines;
  }

  private static TextCodec codec(List<String> lines) {
    return TextCodec.fit(new CharTokenizer(), lines);
  }

  @Test
  void theStreamIsEachLineBetweenBosAndEosOneAfterTheOther() {
    TextCodec codec = codec(List.of("ab", "b"));
    int a = codec.vocabulary().id("a");
    int b = codec.vocabulary().id("b");
    int bos = codec.vocabulary().bosId();
    int eos = codec.vocabulary().eosId();
    assertArrayEquals(new int[] {bos, a, b, eos, bos, b, eos},
        StreamedText.ids(List.of("ab", "b"), codec));
    TruncatedBptt validation = StreamedText.validation(new int[] {1, 2, 3, 4, 5, 6}, 8, 2);
    assertEquals(2, validation.batch(0).batchSize(), "as many streams as 5 steps fill by 2");
  }

  @Test
  void theCarriedStateDiffersFromAResetOneAndChangesTheLoss() {
    List<String> lines = echoes(40, 1);
    TextCodec codec = codec(lines);
    LanguageModel lm = new LanguageModel(new LanguageModelConfig(codec.vocabulary().size(), 4,
        new RecurrentSpec(CellKind.GRU, 8, 1, false, 0f)), new SplittableRandom(2));
    LanguageModelObjective objective = new LanguageModelObjective(lm);
    TruncatedBptt source = StreamedText.batches(StreamedText.ids(lines, codec), 3, 4);
    objective.startEpoch();
    objective.trainLoss(source.batch(0), new SplittableRandom(3));
    Tensor h = objective.carriedState().get("h"); // (L, B, H)
    assertEquals(List.of(1, 3, 8), List.of(h.dim(0), h.dim(1), h.dim(2)));
    assertTrue(maxAbs(h.data()) > 1e-3, "the state after a chunk is not the zero state");
    TokenBatch next = source.batch(1);
    assertTrue(next.continuesStream());
    double carried = lm.loss(next.ids(), next.targets(), next.lengths(),
        new RecurrentState(h, java.util.Optional.empty())).value().item();
    double reset = lm.loss(next.ids(), next.targets(), next.lengths(),
        lm.zeroState(next.batchSize())).value().item();
    assertTrue(Math.abs(carried - reset) > 1e-6, carried + " vs " + reset);
    assertEquals(carried, objective.trainLoss(next, new SplittableRandom(4)).item(), 1e-6,
        "the objective starts the next chunk from the carried state");
    objective.startEpoch();
    assertTrue(objective.carriedState().isEmpty(), "an epoch starts from the zero state");
  }

  @Test
  void aDependencyAcrossChunkBoundariesIsLearntAndPerplexityIsReported() throws Exception {
    Path data = Files.write(dir.resolve("echoes.txt"), echoes(400, 5), StandardCharsets.UTF_8);
    StringWriter log = new StringWriter();
    TaskOptions options = TaskOptions.of(Map.of("stream", "true", "seq-length", "4",
        "embedding", "8", "hidden", "24", "cell", "gru"));
    TrainedModel trained = new LmFamily().train(new TrainingJob(data, options,
        TrainingRecipe.of(12, 7).withLearningRate(0.02), 8, 0.1, new PrintWriter(log)));
    assertTrue(log.toString().contains("streamed: 2,160 training tokens in 8 streams, chunks of"
        + " 4 tokens; 240 validation tokens"), log.toString());
    Map<String, Double> last = trained.result().lastValidation();
    assertTrue(last.containsKey("perplexity"), last.toString());
    assertEquals(Math.exp(last.get("loss")), last.get("perplexity"), 1e-9);

    LanguageModel lm = (LanguageModel) trained.model();
    List<String> test = echoes(200, 11);
    TextCodec codec = TextCodec.fromJson(trained.vocabulary().orElseThrow());
    TruncatedBptt held = StreamedText.validation(StreamedText.ids(test, codec), 4, 4);
    LanguageModelObjective objective = new LanguageModelObjective(lm);
    double carried = objective.evaluate(held).get("perplexity");
    double reset = objective.evaluate(resetEveryChunk(held)).get("perplexity");
    // per line of 6 predictions only the first letter is a coin toss: perplexity 2^(1/6) ≈ 1.12
    // at best; without the letter three steps back, the echo is a coin toss too: 2^(2/6) ≈ 1.26
    assertTrue(carried < 1.15, "the carried state reaches the cue in the chunk before: "
        + carried);
    assertTrue(reset > carried + 0.2, "a reset state loses it: " + reset + " vs " + carried);
  }

  @Test
  void seqLengthWithoutStreamIsRefused() throws Exception {
    Path data = Files.write(dir.resolve("echoes.txt"), echoes(20, 5), StandardCharsets.UTF_8);
    TaskOptionException e = assertThrows(TaskOptionException.class,
        () -> new LmFamily().train(new TrainingJob(data, TaskOptions.of(Map.of("seq-length",
            "8")), TrainingRecipe.of(1, 1), 4, 0.1, new PrintWriter(new StringWriter()))));
    assertEquals("--seq-length applies with --stream only: without it each line is one"
        + " sequence", e.getMessage());
    IllegalArgumentException short_ = assertThrows(IllegalArgumentException.class,
        () -> new LmFamily().train(new TrainingJob(data, TaskOptions.of(Map.of("stream", "true")),
            TrainingRecipe.of(1, 1), 500, 0.1, new PrintWriter(new StringWriter()))));
    assertTrue(short_.getMessage().contains("--stream needs at least --batch + 1 = 501 tokens"),
        short_.getMessage());
    assertFalse(short_.getMessage().isBlank());
  }

  /** The same chunks, each read from the zero state. */
  private static BatchSource<TokenBatch> resetEveryChunk(TruncatedBptt source) {
    List<TokenBatch> batches = new ArrayList<>();
    for (int i = 0; i < source.size(); i++) {
      TokenBatch b = source.batch(i);
      batches.add(new TokenBatch(b.ids(), b.targets(), b.lengths(), false));
    }
    return BatchSource.of(batches);
  }

  private static double maxAbs(float[] values) {
    double max = 0;
    for (float v : values) {
      max = Math.max(max, Math.abs(v));
    }
    return max;
  }
}
