package org.rnn4j.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes training metrics as JSON lines: one {@code {"type":"run", …}} line where a run starts
 * or resumes (epochs, batches per epoch, the epoch it starts at, and the run's settings when
 * given: optimizer, learning rate, schedule, …), one {@code {"type":"step", …}}
 * line per step (loss, gradient norm, learning rate, tokens/s, and the per-step state-gradient
 * norms when recorded) and one {@code {"type":"epoch", …}} line per epoch (train loss and
 * validation metrics). Appends, so a resumed run continues the same log after its own run line.
 */
public final class MetricsLog implements TrainingListener, AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;
  private final BufferedWriter writer;
  private final Map<String, Object> settings;

  /**
   * @param file the JSONL file, created or appended to
   * @throws UncheckedIOException if it cannot be opened
   */
  public MetricsLog(Path file) {
    this(file, Map.of());
  }

  /**
   * @param file the JSONL file, created or appended to
   * @param settings written as the {@code settings} object of every run line, in their order
   *     (numbers, strings and booleans); none when empty
   * @throws UncheckedIOException if it cannot be opened
   */
  public MetricsLog(Path file, Map<String, ?> settings) {
    this.file = file;
    this.settings = new LinkedHashMap<>(settings);
    try {
      this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open metrics log " + file, e);
    }
  }

  @Override
  public void onStart(int epochs, int batches, int firstEpoch) {
    ObjectNode n = JSON.createObjectNode().put("type", "run").put("epochs", epochs)
        .put("batches", batches).put("first_epoch", firstEpoch + 1);
    if (!settings.isEmpty()) {
      n.set("settings", JSON.valueToTree(settings));
    }
    write(n);
  }

  @Override
  public void onStep(StepReport r) {
    ObjectNode n = JSON.createObjectNode()
        .put("type", "step").put("epoch", r.epoch()).put("batch", r.batchIndex())
        .put("step", r.globalStep()).put("loss", r.loss()).put("grad_norm", r.gradientNorm())
        .put("lr", r.learningRate()).put("tokens_per_s", r.tokensPerSecond());
    r.stateGradientNorms().ifPresent(norms -> n.set("state_grad_norms", JSON.valueToTree(norms)));
    write(n);
  }

  @Override
  public void onEpoch(EpochReport r) {
    ObjectNode n = JSON.createObjectNode().put("type", "epoch").put("epoch", r.epoch())
        .put("train_loss", r.trainLoss()).put("improved", r.improved()).put("seconds", r.seconds());
    ObjectNode v = n.putObject("validation");
    for (Map.Entry<String, Double> m : r.validation().entrySet()) {
      v.put(m.getKey(), m.getValue());
    }
    write(n);
  }

  @Override
  public void onEnd(TrainingResult result) {
    try {
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write metrics log " + file, e);
    }
  }

  private void write(ObjectNode n) {
    try {
      writer.write(JSON.writeValueAsString(n));
      writer.newLine();
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write metrics log " + file, e);
    }
  }

  @Override
  public void close() {
    try {
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close metrics log " + file, e);
    }
  }
}
