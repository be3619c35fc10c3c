package org.rnn4j.task;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A model's measured quality on labelled data. Each family returns its own record (accuracy and
 * a confusion matrix, entity F1, perplexity, BLEU, forecast errors); every one prints as a report
 * for people and as JSON for programs.
 */
public interface Evaluation {

  /** The report the command line prints: one or more lines, each ending in a line break. */
  String report();

  /** The metrics as a JSON object, names in snake case. */
  ObjectNode toJson();
}
