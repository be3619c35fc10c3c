package org.rnn4j.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.rnn4j.io.ModelFormatException;
import org.rnn4j.io.Safetensors;
import org.rnn4j.io.SafetensorsFile;
import org.rnn4j.nn.Module;
import org.rnn4j.optim.Optimizer;
import org.rnn4j.optim.ReduceOnPlateau;
import org.rnn4j.tensor.Tensor;

/**
 * A checkpoint: one safetensors file holding the model's parameters ({@code model/…}), the
 * optimizer's state ({@code optim/…}), the objective's carried state ({@code carried/…}), the best
 * weights under early stopping ({@code best/…}), and in its metadata the position of the run and
 * its seed. The randomness of a run is derived from the seed and the step number, so the seed and
 * position are the whole random-generator state. Written atomically (temporary file, then rename),
 * so the previous checkpoint survives a crash while writing.
 */
final class Checkpoint {
  static final String FORMAT = "rnn4j-checkpoint";
  static final String VERSION = "1";

  private Checkpoint() {}

  static void write(Path file, Module model, Optimizer optimizer, Objective<?> objective,
      Position at, long seed, Optional<Map<String, Tensor>> best,
      Optional<ReduceOnPlateau.State> plateau) throws IOException {
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    prefix(tensors, "model/", model.parameters());
    prefix(tensors, "optim/", optimizer.state());
    prefix(tensors, "carried/", objective.carriedState());
    best.ifPresent(b -> prefix(tensors, "best/", b));
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("format", FORMAT);
    meta.put("format_version", VERSION);
    meta.put("seed", Long.toString(seed));
    meta.put("epoch", Integer.toString(at.epoch()));
    meta.put("next_batch", Integer.toString(at.nextBatch()));
    meta.put("global_step", Long.toString(at.globalStep()));
    meta.put("train_loss_sum", Double.toString(at.trainLossSum()));
    meta.put("best_metric", Double.toString(at.bestMetric()));
    meta.put("epochs_without_improvement", Integer.toString(at.epochsWithoutImprovement()));
    plateau.ifPresent(p -> {
      meta.put("plateau_rate", Double.toString(p.rate()));
      meta.put("plateau_best", Double.toString(p.best()));
      meta.put("plateau_bad_epochs", Integer.toString(p.badEpochs()));
      meta.put("plateau_cooldown_left", Integer.toString(p.cooldownLeft()));
      meta.put("plateau_epochs", Long.toString(p.epochs()));
    });
    Safetensors.write(file, tensors, meta);
  }

  /** What a checkpoint restores; the model and optimizer are restored in place. */
  record Restored(
      Position position, Optional<Map<String, Tensor>> best,
      Optional<ReduceOnPlateau.State> plateau) {}

  static Restored read(Path file, Module model, Optimizer optimizer, Objective<?> objective,
      long seed) throws IOException {
    SafetensorsFile f = Safetensors.read(file);
    Map<String, String> meta = f.metadata();
    if (!FORMAT.equals(meta.get("format")) || !VERSION.equals(meta.get("format_version"))) {
      throw new ModelFormatException(file + ": not an rnn4j checkpoint of format version "
          + VERSION + " (format=" + meta.get("format") + ", format_version="
          + meta.get("format_version") + ")");
    }
    if (!Long.toString(seed).equals(meta.get("seed"))) {
      throw new IllegalArgumentException(file + ": the checkpoint was written by a run with seed "
          + meta.get("seed") + "; resuming with seed " + seed + " would not continue it exactly");
    }
    Map<String, Tensor> params = section(f.tensors(), "model/");
    for (Map.Entry<String, Tensor> p : model.parameters().entrySet()) {
      Tensor saved = params.get(p.getKey());
      if (saved == null || !java.util.Arrays.equals(saved.shape(), p.getValue().shape())) {
        throw new ModelFormatException(file + ": parameter " + p.getKey() + " is "
            + (saved == null ? "missing" : "of shape " + java.util.Arrays.toString(saved.shape()))
            + ", the model has shape " + java.util.Arrays.toString(p.getValue().shape()));
      }
      System.arraycopy(saved.data(), 0, p.getValue().data(), 0, saved.size());
    }
    optimizer.loadState(section(f.tensors(), "optim/"));
    objective.restoreCarriedState(section(f.tensors(), "carried/"));
    Map<String, Tensor> best = section(f.tensors(), "best/");
    Position at = new Position((int) number(file, meta, "epoch"),
        (int) number(file, meta, "next_batch"), (long) number(file, meta, "global_step"),
        number(file, meta, "train_loss_sum"), number(file, meta, "best_metric"),
        (int) number(file, meta, "epochs_without_improvement"));
    Optional<ReduceOnPlateau.State> plateau = Optional.empty();
    if (meta.containsKey("plateau_rate")) {
      plateau = Optional.of(new ReduceOnPlateau.State(number(file, meta, "plateau_rate"),
          number(file, meta, "plateau_best"), (int) number(file, meta, "plateau_bad_epochs"),
          (int) number(file, meta, "plateau_cooldown_left"),
          (long) number(file, meta, "plateau_epochs")));
    }
    return new Restored(at, best.isEmpty() ? Optional.empty() : Optional.of(best), plateau);
  }

  private static double number(Path file, Map<String, String> meta, String key)
      throws ModelFormatException {
    String v = meta.get(key);
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException | NullPointerException e) {
      throw new ModelFormatException(
          file + ": checkpoint metadata " + key + " must be a number, got " + v);
    }
  }

  private static void prefix(Map<String, Tensor> into, String prefix, Map<String, Tensor> from) {
    from.forEach((k, v) -> into.put(prefix + k, v));
  }

  private static Map<String, Tensor> section(Map<String, Tensor> all, String prefix) {
    Map<String, Tensor> out = new HashMap<>();
    all.forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        out.put(k.substring(prefix.length()), v);
      }
    });
    return out;
  }
}
