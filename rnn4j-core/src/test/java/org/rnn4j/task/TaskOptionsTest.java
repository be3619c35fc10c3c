package org.rnn4j.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.text.CharTokenizer;
import org.rnn4j.text.WordTokenizer;

class TaskOptionsTest {
  private static final TaskOption SIZE = TaskOption.value("size", "N", "A size.", "4",
      TaskOption.Use.TRAIN);
  private static final TaskOption NAME = TaskOption.value("name", "NAME", "A name.", null,
      TaskOption.Use.EVAL);

  private static String message(Runnable r) {
    return assertThrows(IllegalArgumentException.class, r::run).getMessage();
  }

  @Test
  void givenValuesWinOverDefaultsAndAbsentOnesAreNamedWhenRequired() {
    TaskOptions none = TaskOptions.none();
    assertEquals(4, none.integer(SIZE, 1));
    assertFalse(none.isGiven(SIZE));
    assertEquals(Optional.empty(), none.get(NAME));
    assertEquals("--name is required: A name.", message(() -> none.string(NAME)));
    TaskOptions given = TaskOptions.of(Map.of("size", "9", "name", "x"));
    assertEquals(9, given.integer(SIZE, 1));
    assertEquals("x", given.string(NAME));
    assertEquals(3, given.with(SIZE, "3").integer(SIZE, 1));
  }

  @Test
  void badValuesNameTheOptionWithExpectedAndActual() {
    assertEquals("--size must be an integer, got four",
        message(() -> TaskOptions.of(Map.of("size", "four")).integer(SIZE, 1)));
    assertEquals("--size must be at least 1, got 0",
        message(() -> TaskOptions.of(Map.of("size", "0")).integer(SIZE, 1)));
    assertEquals("--size must lie in [0, 1), got 1",
        message(() -> TaskOptions.of(Map.of("size", "1")).probability(SIZE)));
    assertEquals("--size must be one of rnn_tanh, rnn_relu, gru or lstm, got tcn",
        message(() -> TaskOptions.of(Map.of("size", "tcn")).choice(SIZE, CellKind.class)));
    assertEquals(CellKind.GRU, TaskOptions.of(Map.of("size", "GRU")).choice(SIZE, CellKind.class));
  }

  @Test
  void optionNamesAreCommandLineNames() {
    assertThrows(IllegalArgumentException.class, () -> TaskOption.flag("Bad Name", "x",
        TaskOption.Use.TRAIN));
    assertEquals("--size", SIZE.flagName());
    assertTrue(TaskOption.flag("fast", "Go.", TaskOption.Use.TRAIN).isFlag());
  }

  @Test
  void commonOptionsBuildTheRecurrentSpecAndTheCodec() {
    TaskOptions o = TaskOptions.of(Map.of("cell", "gru", "hidden", "16", "layers", "2",
        "dropout", "0.3", "bidirectional", "true"));
    assertEquals(new RecurrentSpec(CellKind.GRU, 16, 2, true, 0.3f), CommonOptions.recurrent(o));
    assertEquals(new RecurrentSpec(CellKind.LSTM, 128, 1, false, 0f),
        CommonOptions.recurrent(TaskOptions.none()), "the defaults");
    List<String> texts = List.of("a b a", "b c");
    assertTrue(CommonOptions.codec(TaskOptions.none(), texts, "char").tokenizer()
        instanceof CharTokenizer);
    assertEquals(new WordTokenizer(true, true), CommonOptions.codec(
        TaskOptions.of(Map.of("tokens", "word", "lower-case", "true")), texts, "char")
        .tokenizer());
    assertEquals(4 + 1, CommonOptions.codec(TaskOptions.of(Map.of("tokens", "word",
        "max-vocabulary", "5")), texts, "char").vocabulary().size(), "the most frequent word");
    assertEquals("--max-vocabulary must be at least 5 (the 4 special tokens and one more), got 4",
        message(() -> CommonOptions.codec(TaskOptions.of(Map.of("max-vocabulary", "4")), texts,
            "char")));
    assertEquals("--tokens must be char or word, got bytes", message(() ->
        CommonOptions.codec(TaskOptions.of(Map.of("tokens", "bytes")), texts, "char")));
  }

  @Test
  void theRegistryListsEveryFamilyOnceByName() {
    assertEquals(List.of("lm", "classify", "tag", "seq2seq", "forecast"),
        TaskFamilies.all().stream().map(TaskFamily::name).toList());
    assertEquals("lm, classify, tag, seq2seq and forecast", TaskFamilies.names());
    assertEquals("there is no task family 'ocr': the families are lm, classify, tag, seq2seq and"
        + " forecast", message(() -> TaskFamilies.named("ocr")));
  }

  @Test
  void maxLengthCutsTextsByTokensAndLeavesShortOnesAlone() {
    java.io.StringWriter log = new java.io.StringWriter();
    List<String> cut = CommonOptions.cut(TaskOptions.of(Map.of("max-length", "2")),
        List.of("a b c d", "e f", "g"), new WordTokenizer(false, true),
        new java.io.PrintWriter(log));
    assertEquals(List.of("a b", "e f", "g"), cut);
    assertTrue(log.toString().startsWith("cut 1 of 3 examples"), log.toString());
    List<String> same = List.of("abcdef");
    assertEquals(same, CommonOptions.cut(TaskOptions.none(), same, new CharTokenizer(),
        new java.io.PrintWriter(log)), "no limit when absent");
  }
}
