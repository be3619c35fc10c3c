package org.rnn4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.rnn4j.io.ModelFile;
import org.rnn4j.io.ModelFormatException;
import org.rnn4j.task.seq2seq.Seq2Seq;
import org.rnn4j.task.seq2seq.Seq2SeqConfig;
import org.rnn4j.task.seq2seq.Translator;
import org.rnn4j.text.TextCodecPair;

/** A seq2seq model and its source and target codecs, loaded for the commands that use one. */
record LoadedSeq2Seq(Seq2Seq model, TextCodecPair codecs) {

  /**
   * @throws ModelFormatException if the file holds another task, or no codec pair
   */
  static LoadedSeq2Seq load(Path file, String command) throws IOException {
    String task = ModelTask.of(file);
    if (!Seq2SeqConfig.TASK.equals(task)) {
      throw new IllegalArgumentException(file + ": " + command + " needs a seq2seq model (from"
          + " train --task seq2seq), this one is " + task);
    }
    ModelFile.Loaded<Seq2Seq> loaded = Seq2Seq.load(file);
    String json = loaded.vocabulary().orElseThrow(() -> new ModelFormatException(file
        + ": the model file holds no vocabularies, so text cannot be encoded for it"));
    try {
      return new LoadedSeq2Seq(loaded.model(), TextCodecPair.fromJson(json));
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(file + ": " + e.getMessage(), e);
    }
  }

  Translator translator() {
    return new Translator(model, codecs);
  }
}
