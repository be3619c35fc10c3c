package org.rnn4j.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses and validates the JSON header of a safetensors file against the size of its data
 * section. A streaming parser walks exactly the expected schema and stops at the first token that
 * does not fit, so nesting depth, types and duplicate keys are checked as they are met and
 * nothing beyond the header bytes is allocated.
 */
final class HeaderParser {
  static final String METADATA_KEY = "__metadata__";
  private static final int MAX_SHOWN = 40; // characters of a bad token quoted in a message

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxStringLength(Safetensors.MAX_HEADER_LENGTH)
                  .maxNameLength(Safetensors.MAX_HEADER_LENGTH)
                  .maxNestingDepth(8) // a valid header nests 3 deep
                  .maxNumberLength(100)
                  .build())
          .build();

  private final String file;
  private final long dataLength;
  private final JsonParser parser;

  private HeaderParser(String file, long dataLength, JsonParser parser) {
    this.file = file;
    this.dataLength = dataLength;
    this.parser = parser;
  }

  /**
   * Validates {@code header} (the N header bytes) of a file whose data section has {@code
   * dataLength} bytes.
   */
  static SafetensorsHeader parse(String file, byte[] header, long dataLength)
      throws ModelFormatException {
    if (header[0] != '{') {
      throw new ModelFormatException(String.format(
          "%s: header must begin with '{' (a JSON object), found byte 0x%02x", file,
          header[0] & 0xff));
    }
    checkUtf8(file, header);
    List<TensorInfo> entries = new ArrayList<>();
    Map<String, String> metadata;
    try (JsonParser p = FACTORY.createParser(header)) {
      metadata = new HeaderParser(file, dataLength, p).root(entries);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at byte " + (8 + at.getByteOffset()) + " of the file";
      throw new ModelFormatException(
          file + ": header is not valid JSON: " + e.getOriginalMessage() + where, e);
    } catch (IOException e) {
      throw new ModelFormatException(file + ": header could not be parsed: " + e.getMessage(), e);
    }
    Map<String, TensorInfo> byOffset = checkLayout(file, entries, dataLength);
    return new SafetensorsHeader(byOffset, metadata, header.length, dataLength);
  }

  private static void checkUtf8(String file, byte[] header) throws ModelFormatException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(header);
    CharBuffer out = CharBuffer.allocate(8192);
    CoderResult result;
    do {
      out.clear();
      result = decoder.decode(in, out, true);
    } while (result.isOverflow());
    if (result.isError()) {
      throw new ModelFormatException(
          file + ": header is not valid UTF-8 at byte " + (8 + in.position()) + " of the file");
    }
    out.clear();
    if (decoder.flush(out).isError()) {
      throw new ModelFormatException(file + ": header ends inside a UTF-8 sequence");
    }
  }

  /** The root object: tensor entries go to {@code entries}; returns the metadata. */
  private Map<String, String> root(List<TensorInfo> entries) throws IOException {
    expect(parser.nextToken() == JsonToken.START_OBJECT, "header", "a JSON object");
    Map<String, String> metadata = null;
    Set<String> names = new HashSet<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      if (!names.add(name)) {
        throw error("header has the key \"" + shorten(name) + "\" twice");
      }
      parser.nextToken();
      if (name.equals(METADATA_KEY)) {
        metadata = metadata();
      } else {
        entries.add(entry(name));
      }
    }
    JsonToken after = parser.nextToken();
    if (after != null) {
      throw error("found " + found(after)
          + " after the header's JSON object; expected only whitespace padding");
    }
    return metadata == null ? Map.of() : metadata;
  }

  private Map<String, String> metadata() throws IOException {
    expect(parser.currentToken() == JsonToken.START_OBJECT, METADATA_KEY,
        "an object of string values");
    Map<String, String> metadata = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      JsonToken value = parser.nextToken();
      expect(value == JsonToken.VALUE_STRING,
          METADATA_KEY + " key \"" + shorten(key) + "\"", "a string value");
      if (metadata.put(key, parser.getText()) != null) {
        throw error(METADATA_KEY + " has the key \"" + shorten(key) + "\" twice");
      }
    }
    return metadata;
  }

  private TensorInfo entry(String name) throws IOException {
    String what = "tensor " + shorten(name);
    if (name.isEmpty()) {
      throw error("a tensor has an empty name");
    }
    expect(parser.currentToken() == JsonToken.START_OBJECT, what,
        "an object with dtype, shape and data_offsets");
    String dtype = null;
    long[] shape = null;
    long[] offsets = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      JsonToken value = parser.nextToken();
      boolean repeated;
      switch (key) {
        case "dtype" -> {
          expect(value == JsonToken.VALUE_STRING, what + ": dtype", "a string");
          repeated = dtype != null;
          dtype = parser.getText();
        }
        case "shape" -> {
          repeated = shape != null;
          shape = naturals(what + ": shape", Integer.MAX_VALUE);
        }
        case "data_offsets" -> {
          repeated = offsets != null;
          offsets = naturals(what + ": data_offsets", Long.MAX_VALUE);
        }
        default -> throw error(what + ": unexpected key \"" + shorten(key)
            + "\" (expected only dtype, shape and data_offsets)");
      }
      if (repeated) {
        throw error(what + ": key " + key + " appears twice");
      }
    }
    expect(dtype != null, what, "a dtype");
    expect(shape != null, what, "a shape");
    expect(offsets != null, what, "data_offsets");
    return info(name, dtype, shape, offsets);
  }

  /** A JSON array of integers in [0, max]. */
  private long[] naturals(String what, long max) throws IOException {
    String expected = "an array of integers in [0, " + max + "]";
    expect(parser.currentToken() == JsonToken.START_ARRAY, what, expected);
    long[] values = new long[4];
    int n = 0;
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
      boolean integer = t == JsonToken.VALUE_NUMBER_INT
          && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER;
      expect(integer && parser.getLongValue() >= 0 && parser.getLongValue() <= max, what,
          expected);
      if (n == values.length) {
        values = Arrays.copyOf(values, 2 * n);
      }
      values[n++] = parser.getLongValue();
    }
    return Arrays.copyOf(values, n);
  }

  private TensorInfo info(String name, String dtypeName, long[] shape, long[] offsets)
      throws ModelFormatException {
    String what = "tensor " + shorten(name);
    Dtype dtype = Dtype.fromName(dtypeName).orElseThrow(() -> error(what + ": unknown dtype \""
        + shorten(dtypeName) + "\" (expected one of " + Arrays.toString(Dtype.values()) + ")"));
    int[] dims = new int[shape.length];
    for (int i = 0; i < shape.length; i++) {
      dims[i] = (int) shape[i];
    }
    if (offsets.length != 2) {
      throw error(what + ": data_offsets must be [begin, end], found " + offsets.length
          + " numbers");
    }
    long begin = offsets[0];
    long end = offsets[1];
    String range = "data_offsets [" + begin + ", " + end + "]";
    if (begin > end) {
      throw error(what + ": " + range + " begin after they end");
    }
    if (end > dataLength) {
      throw error(what + ": " + range + " reach past the data section of " + dataLength
          + " bytes");
    }
    long bytes = byteLength(dtype, dims);
    if (bytes != end - begin) {
      throw error(what + ": " + range + " do not match shape " + Arrays.toString(dims) + " of "
          + dtype + " (expected " + (bytes < 0 ? "more than 2^63-1" : bytes) + " bytes)");
    }
    return new TensorInfo(name, dtype, dims, begin, end);
  }

  /** Bytes of a tensor, or -1 if that overflows a long. */
  private static long byteLength(Dtype dtype, int[] dims) {
    long bytes = dtype.byteSize();
    for (int d : dims) {
      if (d == 0) {
        return 0;
      }
    }
    try {
      for (int d : dims) {
        bytes = Math.multiplyExact(bytes, d);
      }
    } catch (ArithmeticException e) {
      return -1;
    }
    return bytes;
  }

  /**
   * Orders the entries by offset and checks that they tile the data section exactly: no overlap,
   * no gap, nothing left over.
   */
  private static Map<String, TensorInfo> checkLayout(
      String file, List<TensorInfo> entries, long dataLength) throws ModelFormatException {
    List<TensorInfo> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparingLong(TensorInfo::begin).thenComparingLong(TensorInfo::end));
    Map<String, TensorInfo> byOffset = new LinkedHashMap<>();
    TensorInfo previous = null;
    long covered = 0;
    for (TensorInfo t : sorted) {
      if (t.begin() < covered) {
        throw new ModelFormatException(file + ": tensor " + shorten(t.name()) + ": data_offsets ["
            + t.begin() + ", " + t.end() + "] overlap tensor " + shorten(previous.name()) + " at ["
            + previous.begin() + ", " + previous.end() + "]");
      }
      if (t.begin() > covered) {
        throw new ModelFormatException(file + ": bytes [" + covered + ", " + t.begin()
            + ") of the data section belong to no tensor (before tensor " + shorten(t.name())
            + "); tensors must cover the data section without gaps");
      }
      covered = t.end();
      previous = t;
      byOffset.put(t.name(), t);
    }
    if (covered != dataLength) {
      throw new ModelFormatException(file + ": the data section has " + dataLength
          + " bytes but the tensors cover " + covered + "; bytes [" + covered + ", " + dataLength
          + ") belong to no tensor (wrong header length or trailing bytes?)");
    }
    return byOffset;
  }

  private void expect(boolean ok, String what, String expected) throws IOException {
    if (!ok) {
      throw error(what + ": expected " + expected + ", found " + found(parser.currentToken()));
    }
  }

  private String found(JsonToken token) throws IOException {
    if (token == null) {
      return "nothing";
    }
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case END_OBJECT, END_ARRAY -> "the end of the " + (token == JsonToken.END_ARRAY ? "array"
          : "object");
      case VALUE_STRING -> "the string \"" + shorten(parser.getText()) + "\"";
      default -> shorten(parser.getText());
    };
  }

  private ModelFormatException error(String message) {
    return new ModelFormatException(file + ": " + message);
  }

  private static String shorten(String s) {
    return s.length() <= MAX_SHOWN ? s : s.substring(0, MAX_SHOWN) + "…";
  }
}
