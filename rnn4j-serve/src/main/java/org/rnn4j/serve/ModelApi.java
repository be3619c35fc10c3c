package org.rnn4j.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The HTTP operations of one loaded model, by its task family. */
public interface ModelApi {

  /** The task family's name, e.g. {@code classify}. */
  String task();

  /** The POST operations, e.g. {@code /v1/classify}. */
  List<Route> routes();

  /**
   * What a client needs to know to call the model: the operations, the labels, tags or value
   * names, defaults; written into {@code GET /v1/model}.
   *
   * @param into the object to fill
   */
  void describe(ObjectNode into);
}
