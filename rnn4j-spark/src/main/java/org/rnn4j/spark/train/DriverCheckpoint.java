package org.rnn4j.spark.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnn4j.io.ModelFormatException;
import org.rnn4j.io.Safetensors;
import org.rnn4j.io.SafetensorsFile;
import org.rnn4j.tensor.Tensor;

/**
 * The checkpoint of a distributed run, written by the driver at the end of every epoch: one
 * safetensors file (written to a temporary file and renamed, like every model file) holding the
 * weights ({@code model/…}), the optimizer's state ({@code optim/…}), and in its metadata the next
 * epoch, the global step, the losses so far and the settings that must not change on resuming
 * (task family, seed, partitions, rows per step, averaging). A checkpoint without a task
 * family was written by a classifier run.
 */
final class DriverCheckpoint {
  static final String FORMAT = "rnn4j-spark-checkpoint";
  static final String VERSION = "1";
  /** The value of a setting absent from checkpoints written before it was recorded. */
  private static final Map<String, String> ABSENT_MEANS = Map.of("task", "classify");

  private DriverCheckpoint() {}

  /**
   * Where a run stands after a whole number of epochs.
   *
   * @param nextEpoch the epoch to run next
   * @param globalStep steps taken
   * @param epochLosses the mean training loss of each epoch run
   */
  record Position(int nextEpoch, long globalStep, List<Double> epochLosses) {
    static Position start() {
      return new Position(0, 0, List.of());
    }
  }

  /** The settings a resumed run must share with the run that wrote the checkpoint. */
  static Map<String, String> settings(String task, DistributedConfig config, int partitions) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("task", task);
    s.put("seed", Long.toString(config.seed()));
    s.put("partitions", Integer.toString(partitions));
    s.put("batch_size", Integer.toString(config.batchSize()));
    s.put("averaging", config.averaging().name());
    s.put("local_steps", Integer.toString(config.localSteps()));
    return s;
  }

  static void write(Path file, Map<String, Tensor> parameters, Map<String, Tensor> optimizer,
      Map<String, String> settings, Position at) throws IOException {
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    parameters.forEach((name, t) -> tensors.put("model/" + name, t));
    optimizer.forEach((name, t) -> tensors.put("optim/" + name, t));
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("format", FORMAT);
    meta.put("format_version", VERSION);
    meta.putAll(settings);
    meta.put("next_epoch", Integer.toString(at.nextEpoch()));
    meta.put("global_step", Long.toString(at.globalStep()));
    List<String> losses = new ArrayList<>();
    at.epochLosses().forEach(l -> losses.add(Double.toString(l)));
    meta.put("epoch_losses", String.join(",", losses));
    Safetensors.write(file, tensors, meta);
  }

  /**
   * Restores the weights and the optimizer's state from a checkpoint.
   *
   * @param file the checkpoint
   * @param settings this run's settings, which must equal the checkpoint's
   * @param parameters the driver's weights, overwritten
   * @param optimizer receives the optimizer's state (its keys and tensors)
   * @return where the run stands
   * @throws ModelFormatException if the file is no distributed checkpoint or lacks a tensor
   * @throws IllegalArgumentException naming a setting that differs from the checkpoint's
   */
  static Position read(Path file, Map<String, String> settings, Map<String, Tensor> parameters,
      Map<String, Tensor> optimizer) throws IOException {
    SafetensorsFile f = Safetensors.read(file);
    Map<String, String> meta = f.metadata();
    if (!FORMAT.equals(meta.get("format")) || !VERSION.equals(meta.get("format_version"))) {
      throw new ModelFormatException(file + ": not an rnn4j Spark checkpoint of format version "
          + VERSION + " (format=" + meta.get("format") + ")");
    }
    for (Map.Entry<String, String> s : settings.entrySet()) {
      String written = meta.getOrDefault(s.getKey(), ABSENT_MEANS.get(s.getKey()));
      if (!s.getValue().equals(written)) {
        throw new IllegalArgumentException(file + ": the checkpoint was written with "
            + s.getKey() + " " + written + ", this run has " + s.getValue()
            + "; resuming would not continue the run exactly (use the same setting or another"
            + " checkpoint file)");
      }
    }
    copy(file, f.tensors(), "model/", parameters);
    for (Map.Entry<String, Tensor> e : f.tensors().entrySet()) {
      if (e.getKey().startsWith("optim/")) {
        optimizer.put(e.getKey().substring("optim/".length()), e.getValue());
      }
    }
    List<Double> losses = new ArrayList<>();
    for (String l : meta.getOrDefault("epoch_losses", "").split(",")) {
      if (!l.isEmpty()) {
        losses.add(Double.parseDouble(l));
      }
    }
    return new Position(Integer.parseInt(meta.get("next_epoch")),
        Long.parseLong(meta.get("global_step")), List.copyOf(losses));
  }

  private static void copy(Path file, Map<String, Tensor> saved, String prefix,
      Map<String, Tensor> into) throws ModelFormatException {
    for (Map.Entry<String, Tensor> p : into.entrySet()) {
      Tensor t = saved.get(prefix + p.getKey());
      if (t == null || t.size() != p.getValue().size()) {
        throw new ModelFormatException(file + ": tensor " + prefix + p.getKey() + " is "
            + (t == null ? "missing" : "of " + t.size() + " values, expected "
            + p.getValue().size()));
      }
      System.arraycopy(t.data(), 0, p.getValue().data(), 0, t.size());
    }
  }
}
