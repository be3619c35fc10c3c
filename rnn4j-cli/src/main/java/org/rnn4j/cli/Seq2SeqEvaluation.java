package org.rnn4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.rnn4j.data.format.ParallelTsv;
import org.rnn4j.data.format.SentencePair;
import org.rnn4j.task.seq2seq.TranslationScores;
import org.rnn4j.task.seq2seq.Translator;

/**
 * {@code rnn4j eval} of a seq2seq model on a parallel TSV: translates every source and prints
 * corpus BLEU, character error rate, exact match and token accuracy against the targets (see
 * {@link TranslationScores} for how each is counted).
 */
final class Seq2SeqEvaluation {
  private Seq2SeqEvaluation() {}

  /**
   * @param model the model file
   * @param data source TAB target per line
   * @param options greedy or beam search
   * @param out where the scores go
   * @throws IOException if a file cannot be read; a malformed line is named
   */
  static void run(Path model, Path data, Translator.Options options, PrintWriter out)
      throws IOException {
    LoadedSeq2Seq loaded = LoadedSeq2Seq.load(model, "eval");
    List<SentencePair> pairs = ParallelTsv.read(data);
    List<Translator.Translation> outputs = loaded.translator().translate(
        pairs.stream().map(SentencePair::source).toList(), options);
    TranslationScores s = TranslationScores.of(loaded.codecs().target().tokenizer(),
        outputs.stream().map(Translator.Translation::tokens).toList(),
        pairs.stream().map(SentencePair::target).toList());
    out.printf(Locale.ROOT, "%s: %,d pairs, %s: BLEU %.2f, CER %.4f, exact match %.4f, token"
            + " accuracy %.4f%n", data, pairs.size(), options.beamWidth() == 1 ? "greedy"
            : "beam " + options.beamWidth(), s.bleu().score(), s.characterErrorRate(),
        s.exactMatch(), s.tokenAccuracy());
    out.println(s.bleu());
  }
}
