/**
 * The task registry: what every family of sequence tasks offers its callers. A family ({@link
 * org.rnn4j.task.TaskFamily}) has a name, options ({@link org.rnn4j.task.TaskOption}), a config
 * ({@link org.rnn4j.task.TaskConfig}), training from a data file ({@link
 * org.rnn4j.task.TrainingJob} → {@link org.rnn4j.task.TrainedModel}) and a loaded, thread-safe
 * model ({@link org.rnn4j.task.TaskModel}) that evaluates ({@link org.rnn4j.task.Evaluation}) and
 * predicts ({@link org.rnn4j.task.Prediction}). {@link org.rnn4j.task.TaskFamilies} finds the
 * families on the class path. The families themselves are the subpackages (classify, tag, lm,
 * seq2seq, forecast).
 *
 * <p>Belongs here: the contract between families and their callers, and the model options every
 * family shares ({@link org.rnn4j.task.CommonOptions}). Does not belong here: any one family's
 * model or data (its own package), the training loop ({@code train}), the command line.
 */
package org.rnn4j.task;
