package org.rnn4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.rnn4j.data.Seq2SeqIds;
import org.rnn4j.data.Split;
import org.rnn4j.data.format.ParallelTsv;
import org.rnn4j.data.format.SentencePair;
import org.rnn4j.io.ModelFile;
import org.rnn4j.task.seq2seq.AttentionKind;
import org.rnn4j.task.seq2seq.Seq2Seq;
import org.rnn4j.task.seq2seq.Seq2SeqConfig;
import org.rnn4j.task.seq2seq.Seq2SeqData;
import org.rnn4j.task.seq2seq.Seq2SeqObjective;
import org.rnn4j.text.TextCodecPair;
import org.rnn4j.train.TrainingResult;

/**
 * {@code rnn4j train --task seq2seq}: an encoder–decoder with attention on a user's parallel TSV
 * (source TAB target per line), with the common options of {@link TrainCommand}; both codecs are
 * stored in the model file. Training batches are bucketed by source length.
 */
final class Seq2SeqTraining {
  private final TrainCommand options;

  /** @param options the parsed {@code train} command line */
  Seq2SeqTraining(TrainCommand options) {
    this.options = options;
  }

  /**
   * Reads the pairs, trains, writes the model.
   *
   * @return what training did
   * @throws IOException if the data cannot be read (a malformed line is named) or the model not
   *     written
   */
  TrainingResult train() throws IOException {
    List<SentencePair> pairs = ParallelTsv.read(options.data);
    if (pairs.size() < 2) {
      throw new IllegalArgumentException(options.data + ": needs at least 2 pairs (source TAB"
          + " target) to train and validate, found " + pairs.size());
    }
    Split<SentencePair> split = Split.random(pairs, options.validation, 0,
        new SplittableRandom(options.seed));
    TextCodecPair codecs = new TextCodecPair(
        options.codec(split.train().stream().map(SentencePair::source).toList(), "char"),
        options.codec(split.train().stream().map(SentencePair::target).toList(), "char"));
    Seq2Seq model = new Seq2Seq(Seq2SeqConfig.builder(codecs.source().vocabulary().size(),
            codecs.target().vocabulary().size(), options.cellKind(), options.hidden)
        .embeddingSizes(options.embedding, options.embedding).encoderLayers(options.layers)
        .bidirectional(options.bidirectional).attention(attention()).dropout(options.dropout)
        .build(),
        new SplittableRandom(options.seed));
    announce(model, split, codecs);
    Seq2SeqIds ids = Seq2SeqIds.of(codecs.source().vocabulary(), codecs.target().vocabulary());
    TrainingResult result = options.fit(new Seq2SeqObjective(model, ids.bosId(), ids.eosId()),
        model.parameters(), Seq2SeqData.bucketed(Seq2SeqData.examples(split.train(), codecs), ids,
            options.batch, new SplittableRandom(options.seed + 1)),
        Seq2SeqData.sequential(Seq2SeqData.examples(split.validation(), codecs), ids,
            options.batch), split);
    model.save(options.out, Optional.of(codecs.toJson()),
        ModelFile.Provenance.now(options.seed, TrainCommand.sha256(options.data)));
    return result;
  }

  private void announce(Seq2Seq model, Split<SentencePair> split, TextCodecPair codecs) {
    Seq2SeqConfig c = model.config();
    PrintWriter log = options.spec.commandLine().getOut();
    log.printf(Locale.ROOT, "training a %s%s encoder-decoder with %s attention on %s: %,d pairs"
            + " for training, %,d for validation, vocabularies %,d source and %,d target %s"
            + " tokens, %,d parameters%n", c.bidirectional() ? "bidirectional " : "", c.cell(),
        c.attention().name().toLowerCase(Locale.ROOT), options.data, split.train().size(),
        split.validation().size(), codecs.source().vocabulary().size(),
        codecs.target().vocabulary().size(), codecs.source().tokenizer(),
        model.parameterCount());
    log.flush();
  }

  private AttentionKind attention() {
    try {
      return AttentionKind.valueOf(options.attention.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--attention must be additive or multiplicative, got "
          + options.attention);
    }
  }
}
