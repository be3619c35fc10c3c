package org.rnn4j.spark;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.rnn4j.task.TaskModel;

/**
 * Predicts the rows of one partition in batches of B: each row keeps its columns and gains the
 * prediction struct and the error text, exactly one of them null. The model comes from the
 * executor's cache ({@link ExecutorModels}), loaded from the broadcast bytes on first use.
 *
 * <p>A bad row never fails the task: one whose input cannot be read gets the reader's message;
 * when the model rejects a batch, its rows are predicted one at a time so that only the rows the
 * model rejects get its message.
 */
final class PartitionPredictor implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  private final Broadcast<ModelBytes> model;
  private final FamilyColumns columns;
  private final String inputColumn;
  private final int inputIndex;
  private final int batchSize;
  private final Map<String, String> options;

  PartitionPredictor(Broadcast<ModelBytes> model, FamilyColumns columns, String inputColumn,
      int inputIndex, int batchSize, Map<String, String> options) {
    this.model = model;
    this.columns = columns;
    this.inputColumn = inputColumn;
    this.inputIndex = inputIndex;
    this.batchSize = batchSize;
    this.options = options;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    TaskModel loaded = ExecutorModels.get(model.value());
    return new Iterator<>() {
      private final ArrayDeque<Row> ready = new ArrayDeque<>();

      @Override
      public boolean hasNext() {
        if (ready.isEmpty() && rows.hasNext()) {
          List<Row> batch = new ArrayList<>(batchSize);
          while (batch.size() < batchSize && rows.hasNext()) {
            batch.add(rows.next());
          }
          ready.addAll(predict(loaded, batch));
        }
        return !ready.isEmpty();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return ready.poll();
      }
    };
  }

  /** The rows of one batch with their prediction and error columns, in order. */
  List<Row> predict(TaskModel loaded, List<Row> batch) {
    Outcome[] outcomes = new Outcome[batch.size()];
    List<Object> inputs = new ArrayList<>(batch.size());
    List<Integer> at = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      try {
        inputs.add(columns.read(loaded, inputColumn, batch.get(i).get(inputIndex)));
        at.add(i);
      } catch (BadInputException e) {
        outcomes[i] = Outcome.error(e.getMessage());
      }
    }
    if (!inputs.isEmpty()) {
      try {
        List<Row> predicted = columns.predict(loaded, inputs, options);
        for (int k = 0; k < at.size(); k++) {
          outcomes[at.get(k)] = Outcome.of(predicted.get(k));
        }
      } catch (RuntimeException batchFailed) {
        for (int k = 0; k < at.size(); k++) {
          outcomes[at.get(k)] = one(loaded, inputs.get(k));
        }
      }
    }
    List<Row> out = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      out.add(append(batch.get(i), outcomes[i]));
    }
    return out;
  }

  private Outcome one(TaskModel loaded, Object input) {
    try {
      return Outcome.of(columns.predict(loaded, List.of(input), options).get(0));
    } catch (RuntimeException e) {
      return Outcome.error("column '" + inputColumn + "': the model rejected the input: "
          + e.getMessage());
    }
  }

  private static Row append(Row row, Outcome outcome) {
    Object[] values = new Object[row.length() + 2];
    for (int i = 0; i < row.length(); i++) {
      values[i] = row.get(i);
    }
    values[row.length()] = outcome.prediction();
    values[row.length() + 1] = outcome.error();
    return RowFactory.create(values);
  }

  /** A row's prediction or its error: exactly one is null. */
  record Outcome(Row prediction, String error) {
    static Outcome of(Row prediction) {
      return new Outcome(prediction, null);
    }

    static Outcome error(String message) {
      return new Outcome(null, message);
    }
  }
}
