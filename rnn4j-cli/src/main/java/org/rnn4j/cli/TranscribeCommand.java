package org.rnn4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.rnn4j.speech.ctc.CtcFamily;
import org.rnn4j.speech.ctc.SpeechRecognizer;
import org.rnn4j.speech.ctc.Transcription;
import org.rnn4j.speech.ctc.Utterance;
import org.rnn4j.task.TaskFamilies;
import org.rnn4j.task.TaskModel;
import org.rnn4j.task.TaskOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rnn4j transcribe}: what a speech recognizer (task ctc) hears in recordings. */
@Command(name = "transcribe", mixinStandardHelpOptions = true,
    description = {"Transcribe recordings with a speech recognizer (task ctc): prints file TAB"
        + " text for each FILE, in order.",
        "FILE: WAV, AIFF or AU at any rate, mono or stereo; .raw (headerless 16-bit"
            + " little-endian PCM at 16 kHz); or .mfc (CMU Sphinx cepstra, for a model whose"
            + " front end makes the same ones)."})
final class TranscribeCommand implements Callable<Integer> {

  @Option(names = "--model", required = true, paramLabel = "MODEL", description = "The model file.")
  Path model;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "The recordings.")
  List<Path> files;

  @Option(names = "--beam", defaultValue = "1", paramLabel = "N",
      description = "Prefix beam search of width N; 1 is best-path decoding (default:"
          + " ${DEFAULT-VALUE}).")
  int beam;

  @Option(names = "--lexicon", paramLabel = "FILE",
      description = "Only words of this list, one per line (models that spell words in"
          + " characters with spaces).")
  Path lexicon;

  @Option(names = "--json", description = "JSON lines: file, text, symbols, log_probability,"
      + " steps.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    RunPaths paths = new RunPaths().input("--model", model);
    files.forEach(f -> paths.input("", f));
    if (lexicon != null) {
      paths.input("--lexicon", lexicon);
    }
    paths.check();
    TaskModel loaded = TaskFamilies.load(model);
    if (!(loaded instanceof SpeechRecognizer recognizer)) {
      throw new IllegalArgumentException("--model " + model + ": a " + loaded.config().task()
          + " model, expected a speech recognizer (task ctc)");
    }
    TaskOptions options = TaskOptions.none().with(CtcFamily.BEAM, Integer.toString(beam));
    if (lexicon != null) {
      options = options.with(CtcFamily.LEXICON, lexicon.toString());
    }
    SpeechRecognizer.Decoding decoding = recognizer.decoding(options);
    List<Transcription> heard = recognizer.transcribe(
        files.stream().map(f -> new Utterance(f, "")).toList(), decoding);
    PrintWriter out = spec.commandLine().getOut();
    ObjectMapper mapper = new ObjectMapper();
    for (Transcription t : heard) {
      out.println(json ? mapper.writeValueAsString(t.toJson()) : t.line());
    }
    out.flush();
    return 0;
  }
}
