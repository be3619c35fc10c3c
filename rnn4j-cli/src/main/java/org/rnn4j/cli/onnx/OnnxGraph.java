package org.rnn4j.cli.onnx;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.rnn4j.cli.onnx.proto.OnnxModel.Attribute;
import org.rnn4j.cli.onnx.proto.OnnxModel.Graph;
import org.rnn4j.cli.onnx.proto.OnnxModel.Model;
import org.rnn4j.cli.onnx.proto.OnnxModel.Node;
import org.rnn4j.cli.onnx.proto.OnnxModel.OperatorSet;
import org.rnn4j.cli.onnx.proto.OnnxModel.Shape;
import org.rnn4j.cli.onnx.proto.OnnxModel.StringEntry;
import org.rnn4j.cli.onnx.proto.OnnxModel.Tensor;
import org.rnn4j.cli.onnx.proto.OnnxModel.Type;
import org.rnn4j.cli.onnx.proto.OnnxModel.ValueInfo;

/**
 * Builds one ONNX graph of standard operators (default domain, operator set {@value #OPSET}):
 * typed inputs and outputs whose dimensions are sizes or names, float and int64 constants
 * (initializers), and nodes appended in order, each output named after its node. {@link
 * #model} wraps the graph in a model of IR version {@value #IR_VERSION}.
 */
final class OnnxGraph {
  /** The ONNX operator set the graph's nodes follow. */
  static final int OPSET = 17;
  /** The ONNX IR version written (that of ONNX 1.13, which introduced opset 18; 8 reads opset 17). */
  static final int IR_VERSION = 8;
  /** The metadata key of the rnn4j model's config (JSON). */
  static final String CONFIG_KEY = "rnn4j.config";
  static final int FLOAT = 1;
  static final int INT32 = 6;
  static final int INT64 = 7;

  private final Graph.Builder graph;
  private int nodes;

  OnnxGraph(String name) {
    this.graph = Graph.newBuilder().setName(name);
  }

  /**
   * Declares a graph input.
   *
   * @param name the value's name
   * @param elemType {@link #FLOAT}, {@link #INT32} or {@link #INT64}
   * @param dims each a {@link Number} (fixed size) or a {@link String} (a named dimension)
   */
  void input(String name, int elemType, Object... dims) {
    graph.addInput(valueInfo(name, elemType, dims));
  }

  /** Declares a graph output, as {@link #input}. */
  void output(String name, int elemType, Object... dims) {
    graph.addOutput(valueInfo(name, elemType, dims));
  }

  /**
   * A float constant.
   *
   * @param name its value name
   * @param data the values, row-major
   * @param dims the shape; the product must be data.length
   * @return name
   */
  String constant(String name, float[] data, long... dims) {
    check(name, data.length, dims);
    ByteBuffer bytes = ByteBuffer.allocate(4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(data);
    graph.addInitializer(tensor(name, FLOAT, dims, bytes));
    return name;
  }

  /** An int64 constant, as {@link #constant(String, float[], long...)}. */
  String constant(String name, long[] data, long... dims) {
    check(name, data.length, dims);
    ByteBuffer bytes = ByteBuffer.allocate(8 * data.length).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asLongBuffer().put(data);
    graph.addInitializer(tensor(name, INT64, dims, bytes));
    return name;
  }

  /**
   * Appends a node with one output.
   *
   * @param op the operator, e.g. "MatMul"
   * @param output the output value's name
   * @param inputs the input values' names ("" for an optional input left out)
   * @param attributes the node's attributes
   * @return output
   */
  String node(String op, String output, List<String> inputs, Attribute... attributes) {
    return node(op, List.of(output), inputs, attributes).get(0);
  }

  /** Appends a node with several outputs ("" for an optional output left out). */
  List<String> node(String op, List<String> outputs, List<String> inputs,
      Attribute... attributes) {
    graph.addNode(Node.newBuilder().setName(op + "_" + nodes++).setOpType(op)
        .addAllInput(inputs).addAllOutput(outputs).addAllAttribute(List.of(attributes)));
    return outputs;
  }

  /** An int attribute. */
  static Attribute attribute(String name, long value) {
    return Attribute.newBuilder().setName(name).setType(Attribute.Type.INT).setI(value).build();
  }

  /** A float attribute. */
  static Attribute attribute(String name, float value) {
    return Attribute.newBuilder().setName(name).setType(Attribute.Type.FLOAT).setF(value)
        .build();
  }

  /** A string attribute. */
  static Attribute attribute(String name, String value) {
    return Attribute.newBuilder().setName(name).setType(Attribute.Type.STRING)
        .setS(ByteString.copyFromUtf8(value)).build();
  }

  /** An ints attribute. */
  static Attribute ints(String name, long... values) {
    Attribute.Builder a = Attribute.newBuilder().setName(name).setType(Attribute.Type.INTS);
    for (long v : values) {
      a.addInts(v);
    }
    return a.build();
  }

  /** A strings attribute. */
  static Attribute strings(String name, String... values) {
    Attribute.Builder a = Attribute.newBuilder().setName(name).setType(Attribute.Type.STRINGS);
    for (String v : values) {
      a.addStrings(ByteString.copyFromUtf8(v));
    }
    return a.build();
  }

  /**
   * The model holding this graph.
   *
   * @param description the model's doc string
   * @param producerVersion rnn4j's version
   * @param config the rnn4j model's config, as its model file stores it: kept in the ONNX model's
   *     metadata under {@value #CONFIG_KEY}
   * @return the model, ready for {@code toByteArray()}
   */
  Model model(String description, String producerVersion, String config) {
    return Model.newBuilder().setIrVersion(IR_VERSION).setProducerName("rnn4j")
        .setProducerVersion(producerVersion).setDocString(description)
        .addOpsetImport(OperatorSet.newBuilder().setDomain("").setVersion(OPSET))
        .addMetadataProps(StringEntry.newBuilder().setKey(CONFIG_KEY).setValue(config))
        .setGraph(graph).build();
  }

  /** The name of an element type: {@link #FLOAT} "float", {@link #INT32} "int32", … */
  static String typeName(int elemType) {
    return switch (elemType) {
      case FLOAT -> "float";
      case INT32 -> "int32";
      case INT64 -> "int64";
      default -> "type " + elemType;
    };
  }

  private static void check(String name, int length, long[] dims) {
    long n = 1;
    for (long d : dims) {
      n *= d;
    }
    if (n != length) {
      throw new IllegalArgumentException(name + ": shape " + java.util.Arrays.toString(dims)
          + " holds " + n + " values, got " + length);
    }
  }

  private static Tensor tensor(String name, int type, long[] dims, ByteBuffer bytes) {
    Tensor.Builder t = Tensor.newBuilder().setName(name).setDataType(type)
        .setRawData(ByteString.copyFrom(bytes.array()));
    for (long d : dims) {
      t.addDims(d);
    }
    return t.build();
  }

  private static ValueInfo valueInfo(String name, int elemType, Object[] dims) {
    Shape.Builder shape = Shape.newBuilder();
    for (Object d : dims) {
      Shape.Dimension.Builder dim = Shape.Dimension.newBuilder();
      if (d instanceof Number n) {
        dim.setDimValue(n.longValue());
      } else {
        dim.setDimParam((String) d);
      }
      shape.addDim(dim);
    }
    return ValueInfo.newBuilder().setName(name).setType(Type.newBuilder().setTensorType(
        Type.TensorType.newBuilder().setElemType(elemType).setShape(shape))).build();
  }
}
