package org.rnn4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.rnn4j.decode.RandomSampler;
import org.rnn4j.decode.Sampler;
import org.rnn4j.task.lm.TextGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code rnn4j generate}: samples texts from a language model, one per line; sample i draws from
 * the i-th split of the seed's generator (see {@link TextGenerator#sample}).
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Sample texts from a language model, one per line.")
final class GenerateCommand implements Callable<Integer> {

  @Option(names = "--model", required = true, paramLabel = "MODEL", description = "The model file.")
  Path model;

  @Option(names = "--count", defaultValue = "10", description = "How many texts (default: ${DEFAULT-VALUE}).")
  int count;

  @Option(names = "--prime", defaultValue = "", description = "Text every sample starts with.")
  String prime;

  @Option(names = "--max-tokens", defaultValue = "100",
      description = "Stop a sample after this many tokens (default: ${DEFAULT-VALUE}).")
  int maxTokens;

  @Option(names = "--temperature", defaultValue = "1.0",
      description = "Below 1 sharper, above 1 more random (default: ${DEFAULT-VALUE}).")
  double temperature;

  @Option(names = "--top-k", description = "Sample only among the k most likely tokens.")
  Integer topK;

  @Option(names = "--top-p", description = "Sample only within the nucleus of probability p.")
  Double topP;

  @Option(names = "--greedy", description = "Always take the most likely token.")
  boolean greedy;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (count < 1 || maxTokens < 1) {
      throw new ParameterException(spec.commandLine(),
          "--count and --max-tokens must be at least 1, got " + count + " and " + maxTokens);
    }
    new RunPaths().input("--model", model).check();
    TextGenerator lm = TextGenerator.load(model);
    PrintWriter out = spec.commandLine().getOut();
    for (String continuation : lm.sample(prime, count, lm.untilEos(maxTokens, sampler()),
        new SplittableRandom(seed))) {
      out.println(prime + continuation);
    }
    out.flush();
    return 0;
  }

  private Sampler sampler() {
    if (greedy) {
      return Sampler.greedy();
    }
    RandomSampler s = Sampler.temperature(temperature);
    if (topK != null) {
      s = s.withTopK(topK);
    }
    if (topP != null) {
      s = s.withTopP(topP);
    }
    return s;
  }
}
