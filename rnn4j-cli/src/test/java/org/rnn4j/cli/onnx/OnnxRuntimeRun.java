package org.rnn4j.cli.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rnn4j.cli.onnx.proto.OnnxModel.Model;

/** Runs an exported model in ONNX Runtime (Java): named inputs in, every output as floats. */
final class OnnxRuntimeRun implements AutoCloseable {
  private final OrtEnvironment env = OrtEnvironment.getEnvironment();
  private final OrtSession session;
  private final Map<String, OnnxTensor> inputs = new LinkedHashMap<>();

  OnnxRuntimeRun(Model model) throws OrtException {
    this.session = env.createSession(model.toByteArray(), new OrtSession.SessionOptions());
  }

  OnnxRuntimeRun longs(String name, long[] data, long... shape) throws OrtException {
    inputs.put(name, OnnxTensor.createTensor(env, LongBuffer.wrap(data), shape));
    return this;
  }

  OnnxRuntimeRun ints(String name, int[] data, long... shape) throws OrtException {
    inputs.put(name, OnnxTensor.createTensor(env, IntBuffer.wrap(data), shape));
    return this;
  }

  OnnxRuntimeRun floats(String name, float[] data, long... shape) throws OrtException {
    inputs.put(name, OnnxTensor.createTensor(env, FloatBuffer.wrap(data), shape));
    return this;
  }

  /** Runs the graph; output name → values, row-major. */
  Map<String, float[]> run() throws OrtException {
    Map<String, float[]> out = new HashMap<>();
    try (OrtSession.Result r = session.run(inputs)) {
      for (Map.Entry<String, ai.onnxruntime.OnnxValue> e : r) {
        FloatBuffer b = ((OnnxTensor) e.getValue()).getFloatBuffer();
        float[] a = new float[b.remaining()];
        b.get(a);
        out.put(e.getKey(), a);
      }
    }
    return out;
  }

  @Override
  public void close() throws OrtException {
    for (OnnxTensor t : inputs.values()) {
      t.close();
    }
    session.close();
  }
}
