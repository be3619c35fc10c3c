package org.rnn4j.cli.demo;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.rnn4j.cli.demo.FeatureClassification.Result;
import org.rnn4j.cli.demo.FeatureClassification.Settings;
import org.rnn4j.data.ClassifyExample;
import org.rnn4j.datasets.Accelerometer;
import org.rnn4j.datasets.Accelerometer.Activity;
import org.rnn4j.datasets.Accelerometer.Clip;
import org.rnn4j.task.classify.Classifier;
import org.rnn4j.task.classify.Pooling;

/**
 * Human activity from a phone's accelerometer: clips drawn by the seeded generator {@link
 * Accelerometer} (3-axis acceleration in g at 50 Hz, 2 to 6 seconds, so 100 to 300 steps) of
 * six activities: sit, stand, lie, walk, run, stairs. The split is by subject, so the test
 * measures how well the model does on people it never saw: of the 30 simulated subjects, 21
 * train, 3 stop training early and 6 test. A bidirectional GRU reads the variable-length (T, 3)
 * sequences as features and mean-pools its outputs over each clip's real steps.
 *
 * <p>The test accuracy and confusion matrix are printed beside the majority class (about 1/6:
 * the activities are drawn uniformly).
 *
 * @param seed seeds the generated clips, the initial weights, dropout and the batch order
 * @param settings the model and its training
 * @param progress a progress bar or none
 */
public record ActivityDemo(long seed, Settings settings, DemoProgress progress) {
  private static final int CLIPS = 1_200;
  private static final int VALIDATION_SUBJECTS = 3;
  private static final int TEST_SUBJECTS = 6;

  /** The settings of {@code rnn4j demo activity}. */
  public static final Settings DEFAULT = new Settings(32, 0.2f, 30, 2e-3);

  /** The demo with its default settings. */
  public ActivityDemo(long seed) {
    this(seed, DEFAULT);
  }

  /** The demo with these settings and a progress bar. */
  public ActivityDemo(long seed, Settings settings) {
    this(seed, settings, DemoProgress.BAR);
  }

  /**
   * Generates the clips, trains, tests on new subjects and prints the accuracy and confusion
   * matrix beside the majority class.
   *
   * @param out where to print
   * @return the test confusion matrix and the baseline
   */
  public Result run(PrintWriter out) {
    Accelerometer.Config data = Accelerometer.Config.DEFAULT;
    List<Clip> clips = Accelerometer.generate(CLIPS, data, new SplittableRandom(seed));
    int firstTest = data.subjects() - TEST_SUBJECTS;
    int firstValidation = firstTest - VALIDATION_SUBJECTS;
    List<ClassifyExample> train = examples(clips, 0, firstValidation);
    List<ClassifyExample> validation = examples(clips, firstValidation, firstTest);
    List<ClassifyExample> test = examples(clips, firstTest, data.subjects());
    Classifier model = FeatureClassification.model(settings, 3, Pooling.MEAN, labels(), seed + 1);
    out.printf(Locale.ROOT, "Activity: %,d generated accelerometer clips (3 axes, 50 Hz, %d to"
            + " %d steps); %,d clips of %d subjects for training, %,d of %d for validation, %,d"
            + " of %d unseen subjects for testing; a bidirectional GRU with %,d parameters.%n",
        clips.size(), data.minLength(), data.maxLength(), train.size(), firstValidation,
        validation.size(), VALIDATION_SUBJECTS, test.size(), TEST_SUBJECTS,
        model.parameterCount());
    out.flush();
    Result r = FeatureClassification.trainAndTest(model, settings, progress, seed, seed + 2,
        train,
        validation, test);
    out.printf(Locale.ROOT, "test accuracy on unseen subjects: GRU %.3f; baseline: majority"
        + " class %.3f%n", r.confusion().accuracy(), r.majority());
    out.println(r.confusion());
    out.flush();
    return r;
  }

  /** The activity names in label order: sit, stand, lie, walk, run, stairs. */
  static List<String> labels() {
    return Arrays.stream(Activity.values()).map(a -> a.name().toLowerCase(Locale.ROOT)).toList();
  }

  /** The clips of subjects in [fromSubject, toSubject), labelled by activity. */
  private static List<ClassifyExample> examples(List<Clip> clips, int fromSubject,
      int toSubject) {
    List<ClassifyExample> out = new ArrayList<>();
    for (Clip c : clips) {
      if (c.subject() >= fromSubject && c.subject() < toSubject) {
        out.add(new ClassifyExample(c.xyz(), c.activity().ordinal()));
      }
    }
    return out;
  }
}
