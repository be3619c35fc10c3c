/**
 * ONNX export ({@code rnn4j export --onnx}): each family's model as a graph of ONNX's standard
 * operators, built with {@link org.rnn4j.cli.onnx.OnnxGraph} from the messages protoc generates
 * from rnn4j's schema ({@code src/main/proto/onnx_model.proto}, package {@code
 * org.rnn4j.cli.onnx.proto}). Recurrent layers become ONNX's RNN, GRU and LSTM operators with
 * their gates reordered ({@link org.rnn4j.cli.onnx.GateOrder}); one exporter per family, and
 * {@link org.rnn4j.cli.onnx.OnnxExport} picks it from the model file. The tests run every graph
 * in ONNX Runtime against rnn4j's own forward pass.
 */
package org.rnn4j.cli.onnx;
