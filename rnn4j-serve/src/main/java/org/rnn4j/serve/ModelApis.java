package org.rnn4j.serve;

import org.rnn4j.task.TaskModel;
import org.rnn4j.task.classify.TextClassifier;
import org.rnn4j.task.forecast.SeriesForecaster;
import org.rnn4j.task.lm.TextGenerator;
import org.rnn4j.task.seq2seq.Translator;
import org.rnn4j.task.tag.SentenceTagger;

/** The {@link ModelApi} of a loaded model, by its family's inference class. */
final class ModelApis {
  private ModelApis() {}

  /**
   * @param model a model from {@link org.rnn4j.task.TaskFamilies#load}
   * @param config the limits
   * @param calls the batcher's request side
   * @return its operations
   * @throws IllegalArgumentException for a family the server has no operations for
   */
  static ModelApi of(TaskModel model, ServeConfig config, BatchCalls calls) {
    if (model instanceof TextClassifier m) {
      return new ClassifyApi(m, config, calls);
    }
    if (model instanceof SentenceTagger m) {
      return new TagApi(m, config, calls);
    }
    if (model instanceof TextGenerator m) {
      return new LmApi(m, config, calls);
    }
    if (model instanceof Translator m) {
      return new TranslateApi(m, config, calls);
    }
    if (model instanceof SeriesForecaster m) {
      return new ForecastApi(m, config, calls);
    }
    throw new IllegalArgumentException("rnn4j serve has no HTTP operations for "
        + model.getClass().getName() + "; it serves classify, tag, lm, seq2seq and forecast"
        + " models");
  }
}
