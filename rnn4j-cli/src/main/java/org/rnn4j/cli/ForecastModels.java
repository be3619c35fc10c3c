package org.rnn4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.rnn4j.data.Features;
import org.rnn4j.task.forecast.Forecaster;

/** Loading forecast models and forecasting with them, errors naming the files. */
final class ForecastModels {
  private ForecastModels() {}

  /**
   * @param model the model file
   * @return the forecaster
   * @throws IllegalArgumentException if the model is not a forecast model
   */
  static Forecaster load(Path model) throws IOException {
    String task = ModelTask.of(model);
    if (!task.equals("forecast")) {
      throw new IllegalArgumentException(model + ": this command needs a forecast model (train"
          + " --task forecast), this one is a " + task + " model");
    }
    return Forecaster.load(model).model();
  }

  /**
   * @param forecaster the model
   * @param history the raw steps before the forecast
   * @param steps H
   * @param data the file the history came from, for messages
   * @return the forecast (H, F)
   * @throws IllegalArgumentException naming the file when the history does not fit the model
   */
  static Features forecast(Forecaster forecaster, Features history, int steps, Path data) {
    try {
      return forecaster.forecast(history, steps);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(data + ": " + e.getMessage(), e);
    }
  }
}
