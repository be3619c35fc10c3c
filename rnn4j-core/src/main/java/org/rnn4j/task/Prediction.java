package org.rnn4j.task;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What a model says about one input: a line of text for people, a JSON object for programs. */
public interface Prediction {

  /** One line, without a line break. */
  String text();

  /** The same as a JSON object. */
  ObjectNode toJson();
}
