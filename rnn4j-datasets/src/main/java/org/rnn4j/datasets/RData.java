package org.rnn4j.datasets;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnn4j.data.DataFormatException;

/**
 * A small reader of R's XDR serialization (the payload of {@code .rda} files after
 * decompression, formats RDX2 and RDX3): vectors (logical, integer, double, character, list),
 * pairlists, symbols and attributes — enough for data frames and factors. Environments,
 * closures and byte code are rejected with a clear error.
 */
final class RData {
  // SEXP type codes of R's serialize.c
  static final int SYMSXP = 1;
  static final int LISTSXP = 2;
  static final int CHARSXP = 9;
  static final int LGLSXP = 10;
  static final int INTSXP = 13;
  static final int REALSXP = 14;
  static final int STRSXP = 16;
  static final int VECSXP = 19;
  private static final int REFSXP = 255;
  private static final int NILVALUE_SXP = 254;
  private static final int GLOBALENV_SXP = 253;
  private static final int EMPTYENV_SXP = 242;
  private static final int BASEENV_SXP = 241;
  /** R's NA_integer_. */
  static final int NA_INTEGER = Integer.MIN_VALUE;

  /**
   * One R value.
   *
   * @param type the SEXP type code
   * @param data int[] (logical, integer), double[], String[] (character; null for NA), {@code
   *     List<Value>} (list, pairlist values), or String (symbol, CHARSXP)
   * @param attributes the attributes by name (names, class, levels, row.names, …)
   * @param tags for a pairlist, the tag of each value (null where untagged)
   */
  record Value(int type, Object data, Map<String, Value> attributes, List<String> tags) {

    int[] ints() {
      return (int[]) data;
    }

    String[] strings() {
      return (String[]) data;
    }

    @SuppressWarnings("unchecked")
    List<Value> list() {
      return (List<Value>) data;
    }

    /** The character vector of an attribute, or an empty array. */
    String[] attributeStrings(String name) {
      Value v = attributes.get(name);
      return v != null && v.type == STRSXP ? v.strings() : new String[0];
    }
  }

  private final DataInputStream in;
  private final Path file;
  private final List<Value> refs = new ArrayList<>();

  private RData(InputStream in, Path file) {
    this.in = new DataInputStream(in);
    this.file = file;
  }

  /**
   * Reads the objects of an {@code .rda} payload by name.
   *
   * @param in the decompressed stream, starting with "RDX2\n" or "RDX3\n"
   * @param file the file, for error messages
   * @return each saved object by its name
   * @throws IOException on a read error, or {@link DataFormatException} when the stream is not
   *     an XDR R serialization of supported types
   */
  static Map<String, Value> read(InputStream in, Path file) throws IOException {
    RData r = new RData(in, file);
    try {
      return r.readFile();
    } catch (EOFException e) {
      throw new DataFormatException(file, "end", "expected more R serialization data, found "
          + "the end of the stream", e);
    }
  }

  private Map<String, Value> readFile() throws IOException {
    byte[] magic = in.readNBytes(7);
    String head = new String(magic, StandardCharsets.US_ASCII);
    if (!(head.equals("RDX2\nX\n") || head.equals("RDX3\nX\n"))) {
      throw new DataFormatException(file, "byte 0", "expected an XDR .rda payload (\"RDX2\\nX\\n\""
          + " or \"RDX3\\nX\\n\"), found \"" + head.replace("\n", "\\n") + "\"");
    }
    int version = in.readInt();
    in.readInt(); // R version that wrote it
    in.readInt(); // oldest R version that can read it
    if (version == 3) {
      in.readNBytes(in.readInt()); // native encoding name
    }
    Value top = readItem();
    Map<String, Value> out = new LinkedHashMap<>();
    if (top.type() != LISTSXP) {
      throw error("expected a pairlist of named objects at the top, found SEXP type "
          + top.type());
    }
    for (int i = 0; i < top.list().size(); i++) {
      out.put(top.tags().get(i), top.list().get(i));
    }
    return out;
  }

  private Value readItem() throws IOException {
    int flags = in.readInt();
    int type = flags & 0xff;
    boolean hasAttr = (flags & (1 << 9)) != 0;
    boolean hasTag = (flags & (1 << 10)) != 0;
    switch (type) {
      case NILVALUE_SXP, GLOBALENV_SXP, EMPTYENV_SXP, BASEENV_SXP:
        return null;
      case REFSXP:
        int index = flags >>> 8;
        return refs.get((index == 0 ? in.readInt() : index) - 1);
      case SYMSXP:
        Value name = readItem();
        Value sym = new Value(SYMSXP, name.data(), Map.of(), List.of());
        refs.add(sym);
        return sym;
      case LISTSXP:
        return readPairList(hasAttr, hasTag);
      case CHARSXP:
        int n = in.readInt();
        String s = n < 0 ? null : new String(in.readNBytes(n), StandardCharsets.UTF_8);
        return new Value(CHARSXP, s, Map.of(), List.of());
      default:
        Object data = readVector(type);
        Map<String, Value> attributes = hasAttr ? attributes(readItem()) : Map.of();
        return new Value(type, data, attributes, List.of());
    }
  }

  private Value readPairList(boolean hasAttr, boolean hasTag) throws IOException {
    List<Value> values = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    Map<String, Value> attributes = hasAttr ? attributes(readItem()) : Map.of();
    boolean tagged = hasTag;
    while (true) {
      Value tag = tagged ? readItem() : null;
      tags.add(tag == null ? null : (String) tag.data());
      values.add(readItem());
      int flags = in.readInt(); // the CDR: another cell, or R_NilValue
      int type = flags & 0xff;
      if (type == NILVALUE_SXP) {
        return new Value(LISTSXP, values, attributes, tags);
      }
      if (type != LISTSXP || (flags & (1 << 9)) != 0) {
        throw error("expected a pairlist cell or NULL, found SEXP type " + type);
      }
      tagged = (flags & (1 << 10)) != 0;
    }
  }

  private Object readVector(int type) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      throw error("expected a vector length, found " + length + " (long vectors are not "
          + "supported)");
    }
    switch (type) {
      case LGLSXP, INTSXP: {
        int[] v = new int[length];
        for (int i = 0; i < length; i++) {
          v[i] = in.readInt();
        }
        return v;
      }
      case REALSXP: {
        double[] v = new double[length];
        for (int i = 0; i < length; i++) {
          v[i] = in.readDouble();
        }
        return v;
      }
      case STRSXP: {
        String[] v = new String[length];
        for (int i = 0; i < length; i++) {
          v[i] = (String) readItem().data();
        }
        return v;
      }
      case VECSXP: {
        List<Value> v = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
          v.add(readItem());
        }
        return v;
      }
      default:
        throw error("expected a vector, list, pairlist or symbol, found SEXP type " + type
            + " (environments, closures and byte code are not supported)");
    }
  }

  private static Map<String, Value> attributes(Value pairs) {
    Map<String, Value> out = new LinkedHashMap<>();
    if (pairs != null && pairs.type() == LISTSXP) {
      for (int i = 0; i < pairs.list().size(); i++) {
        out.put(pairs.tags().get(i), pairs.list().get(i));
      }
    }
    return out;
  }

  private DataFormatException error(String message) {
    return new DataFormatException(file, "R object", message);
  }
}
