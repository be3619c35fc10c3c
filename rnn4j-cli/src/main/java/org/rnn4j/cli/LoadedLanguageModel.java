package org.rnn4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.rnn4j.io.ModelFile;
import org.rnn4j.task.lm.LanguageModel;
import org.rnn4j.text.TextCodec;

/** A language model and its text codec, loaded from a model file for the commands that use one. */
record LoadedLanguageModel(LanguageModel model, TextCodec codec) {

  static LoadedLanguageModel load(Path file) throws IOException {
    ModelFile.Loaded<LanguageModel> loaded = LanguageModel.load(file);
    return new LoadedLanguageModel(loaded.model(), ModelTask.codec(file, loaded.vocabulary()));
  }
}
