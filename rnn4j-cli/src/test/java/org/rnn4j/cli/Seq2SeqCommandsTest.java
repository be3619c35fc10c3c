package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnn4j.cli.CliRun.run;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.data.format.ParallelTsv;
import org.rnn4j.data.format.SentencePair;
import org.rnn4j.task.seq2seq.Seq2Seq;
import org.rnn4j.task.seq2seq.Seq2SeqConfig;
import org.rnn4j.task.seq2seq.TranslationScores;
import org.rnn4j.task.seq2seq.Translator;
import org.rnn4j.metrics.ChrF;
import org.rnn4j.text.CharTokenizer;
import org.rnn4j.text.Vocabulary;
import org.rnn4j.text.WordTokenizer;

/** train --task seq2seq → info → translate (greedy, beam, heatmap) → eval, on temporary files. */
class Seq2SeqCommandsTest {
  @TempDir Path dir;
  private Path pairs;
  private Path model;

  /** 80 pairs "a b c" TAB "C B A": reverse the words and upper-case them. */
  @BeforeEach
  void writePairs() throws Exception {
    SplittableRandom rng = new SplittableRandom(3);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      String[] words = new String[rng.nextInt(2, 5)];
      for (int j = 0; j < words.length; j++) {
        words[j] = String.valueOf((char) ('a' + rng.nextInt(6)));
      }
      StringBuilder reversed = new StringBuilder();
      for (int j = words.length - 1; j >= 0; j--) {
        reversed.append(words[j].toUpperCase(Locale.ROOT)).append(j > 0 ? " " : "");
      }
      lines.add(String.join(" ", words) + "\t" + reversed);
    }
    pairs = Files.write(dir.resolve("pairs.tsv"), lines);
    model = dir.resolve("out/s2s.safetensors");
  }

  private CliRun train(int epochs, String... extra) {
    List<String> args = new ArrayList<>(List.of("train", "--task", "seq2seq", "--data",
        pairs.toString(), "--out", model.toString(), "--tokens", "word", "--epochs", "" + epochs,
        "--hidden", "16", "--embedding", "8", "--batch", "8", "--learning-rate", "0.02",
        "--seed", "1"));
    args.addAll(List.of(extra));
    return run(args.toArray(String[]::new));
  }

  @Test
  void minCountAndMaxVocabularyCapBothVocabularies() throws Exception {
    CliRun capped = train(1, "--max-vocabulary", "7");
    assertEquals(0, capped.code(), capped.err());
    Seq2SeqConfig config = Seq2Seq.load(model).model().config();
    assertEquals(7, config.sourceVocabularySize()); // 4 specials and the 3 most frequent words
    assertEquals(7, config.targetVocabularySize());
    CliRun rare = train(1, "--min-count", "1000");
    assertEquals(0, rare.code(), rare.err());
    config = Seq2Seq.load(model).model().config();
    assertEquals(Vocabulary.SPECIALS.size(), config.sourceVocabularySize());
    CliRun all = train(1);
    assertEquals(0, all.code(), all.err());
    assertEquals(Vocabulary.SPECIALS.size() + 6, Seq2Seq.load(model).model().config()
        .sourceVocabularySize()); // a … f
    CliRun zero = train(1, "--min-count", "0");
    assertEquals(2, zero.code(), "a usage error");
    assertEquals("rnn4j: --min-count must be at least 1, got 0", zero.err().lines()
        .filter(l -> l.startsWith("rnn4j:")).findFirst().orElse("").replace(
            " (run with --verbose for the stack trace)", ""), zero.err());
    CliRun tiny = train(1, "--max-vocabulary", "4");
    assertEquals(2, tiny.code());
    assertTrue(tiny.err().contains("--max-vocabulary must be at least 5"), tiny.err());
  }

  @Test
  void trainInfoTranslateAndEvalWorkOnAUsersTsv() throws Exception {
    CliRun train = train(12, "--cell", "gru", "--bidirectional", "--attention", "multiplicative",
        "--dropout", "0.1");
    assertEquals(0, train.code(), train.err());
    assertTrue(train.err().contains("training a bidirectional GRU encoder-decoder with"
        + " multiplicative attention") && train.err().contains("72 pairs for training, 8 for"
        + " validation"), train.err());
    assertTrue(Files.size(dir.resolve("out/s2s.curves.png")) > 1000, "loss curves");

    CliRun info = run("info", model.toString());
    assertEquals(0, info.code(), info.err());
    assertTrue(info.out().contains("\"task\" : \"seq2seq\"")
        && info.out().contains("\"dropout\" : 0.1"), info.out());
    assertTrue(info.out().contains("vocabularies: source 10 tokens, WordTokenizer")
        && info.out().contains("target 10 tokens"), info.out()); // 4 specials + a…f, A…F
    assertTrue(info.out().contains("decoder.weight_hh_l0"), info.out());

    Path texts = Files.write(dir.resolve("texts.txt"), List.of("a b c", "", "f e", "d q"));
    CliRun greedy = run("translate", "--model", model.toString(), texts.toString());
    assertEquals(0, greedy.code(), greedy.err());
    List<String> lines = greedy.out().lines().toList();
    assertEquals(4, lines.size(), "one line per input line: " + greedy.out());
    assertEquals("", lines.get(1), "an empty input gives an empty line");
    Translator translator = Translator.load(model);
    List<String> expected = translator.translate(Files.readAllLines(texts),
        Translator.Options.GREEDY).stream().map(Translator.Translation::text).toList();
    assertEquals(expected, lines, "the library's greedy translations");

    Path png = dir.resolve("attention.png");
    CliRun beam = run("translate", "--model", model.toString(), "--beam", "3", "--alpha", "0.5",
        "--max-length", "6", "--attention", png.toString(), texts.toString());
    assertEquals(0, beam.code(), beam.err());
    assertEquals(4, beam.out().lines().count(), beam.out());
    assertTrue(beam.err().contains("attention heatmap: " + png), beam.err());
    byte[] bytes = Files.readAllBytes(png);
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(bytes, 4));
    BufferedImage image = ImageIO.read(png.toFile());
    assertTrue(image.getWidth() >= 480 && image.getWidth() <= 2000
        && image.getHeight() >= 360 && image.getHeight() <= 2000,
        image.getWidth() + " × " + image.getHeight());

    InputStream stdin = System.in;
    try {
      System.setIn(new ByteArrayInputStream("a b c\nf e\n".getBytes(StandardCharsets.UTF_8)));
      CliRun piped = run("translate", "--model", model.toString());
      assertEquals(List.of(lines.get(0), lines.get(2)), piped.out().lines().toList());
    } finally {
      System.setIn(stdin);
    }

    CliRun eval = run("eval", "--model", model.toString(), "--data", pairs.toString());
    assertEquals(0, eval.code(), eval.err());
    List<SentencePair> all = ParallelTsv.read(pairs);
    TranslationScores s = TranslationScores.of(translator.codecs().target().tokenizer(),
        translator.translate(all.stream().map(SentencePair::source).toList(),
            Translator.Options.GREEDY).stream().map(Translator.Translation::tokens).toList(),
        all.stream().map(SentencePair::target).toList());
    assertTrue(eval.out().contains(String.format(Locale.ROOT, "80 pairs, greedy: BLEU %.2f, chrF2"
            + " %.2f, CER %.4f, exact match %.4f, token accuracy %.4f", s.bleu().score(),
        s.chrF().score(), s.characterErrorRate(), s.exactMatch(), s.tokenAccuracy())),
        eval.out());
    assertTrue(eval.out().contains("BLEU = ") && eval.out().contains("ref_len = "), eval.out());
    CliRun evalBeam = run("eval", "--model", model.toString(), "--data", pairs.toString(),
        "--beam", "2");
    assertEquals(0, evalBeam.code(), evalBeam.err());
    assertTrue(evalBeam.out().contains("80 pairs, beam 2: BLEU "), evalBeam.out());
  }

  @Test
  void badInputGivesOneClearLine() throws Exception {
    Path broken = Files.write(dir.resolve("broken.tsv"),
        List.of("a b\tB A", "c d\tD C", "no tab here", "e\tE"));
    CliRun malformed = run("train", "--task", "seq2seq", "--data", broken.toString(), "--out",
        model.toString());
    assertEquals(1, malformed.code());
    assertTrue(malformed.err().startsWith("rnn4j: " + broken + ":3: expected 2 tab-separated"
        + " fields (source TAB target), found 1"), malformed.err());
    assertEquals(1, malformed.err().strip().lines().count(), malformed.err());

    CliRun attention = train(1, "--attention", "dot");
    assertEquals(2, attention.code());
    assertTrue(attention.err().contains("--attention must be additive or multiplicative, got"
        + " dot"), attention.err());
    CliRun dropout = train(1, "--dropout", "1");
    assertEquals(2, dropout.code());
    assertTrue(dropout.err().contains("--dropout must lie in [0, 1), got 1"), dropout.err());

    assertEquals(0, train(1).code());
    CliRun beam = run("translate", "--model", model.toString(), "--beam", "0", pairs.toString());
    assertEquals(2, beam.code());
    assertTrue(beam.err().contains("--beam must be at least 1, got 0"), beam.err());
    CliRun empty = run("translate", "--model", model.toString(), "--attention",
        dir.resolve("x.png").toString(), Files.write(dir.resolve("blank.txt"),
            List.of("")).toString());
    assertEquals(1, empty.code());
    assertTrue(empty.err().contains("nothing to draw"), empty.err());

    Path labelled = Files.write(dir.resolve("labelled.csv"),
        List.of("text,label", "a b,x", "c d,y", "e f,x", "b a,y"));
    Path classifier = dir.resolve("classify.safetensors");
    assertEquals(0, run("train", "--task", "classify", "--data", labelled.toString(), "--out",
        classifier.toString(), "--epochs", "1", "--hidden", "8").code());
    CliRun wrongModel = run("translate", "--model", classifier.toString(), pairs.toString());
    assertEquals(1, wrongModel.code());
    assertTrue(wrongModel.err().contains("translate needs a seq2seq model (from train --task"
        + " seq2seq), this one is classify"), wrongModel.err());
  }

  @Test
  void characterSourcesWithWordTargetsAreStoredAndUsedByTranslateAndEval() throws Exception {
    // "bad" TAB "D A B": each source character becomes a target word, in reverse
    SplittableRandom rng = new SplittableRandom(5);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      StringBuilder source = new StringBuilder();
      for (int j = 0; j < rng.nextInt(2, 5); j++) {
        source.append((char) ('a' + rng.nextInt(5)));
      }
      List<String> words = new ArrayList<>();
      for (int j = source.length() - 1; j >= 0; j--) {
        words.add(String.valueOf(source.charAt(j)).toUpperCase(Locale.ROOT));
      }
      lines.add(source + "\t" + String.join(" ", words));
    }
    Path mixed = Files.write(dir.resolve("mixed.tsv"), lines);
    CliRun t = run("train", "--task", "seq2seq", "--data", mixed.toString(), "--out",
        model.toString(), "--source-tokens", "char", "--target-tokens", "word", "--epochs", "2",
        "--hidden", "16", "--embedding", "8", "--batch", "8", "--seed", "1", "--quiet");
    assertEquals(0, t.code(), t.err());
    assertTrue(t.err().contains("vocabularies 9 source character and 9 target word tokens"),
        "a … e and the 4 specials on each side: " + t.err());
    Translator translator = Translator.load(model);
    assertTrue(translator.codecs().source().tokenizer() instanceof CharTokenizer);
    assertTrue(translator.codecs().target().tokenizer() instanceof WordTokenizer);
    CliRun info = run("info", model.toString());
    assertTrue(info.out().contains("source 9 tokens, CharTokenizer; target 9 tokens,"
        + " WordTokenizer"), info.out());

    // --tokens sets both sides; a side's own option wins over it
    CliRun both = run("train", "--task", "seq2seq", "--data", mixed.toString(), "--out",
        dir.resolve("both.safetensors").toString(), "--tokens", "word", "--source-tokens",
        "char", "--epochs", "1", "--hidden", "8", "--embedding", "4", "--quiet");
    assertEquals(0, both.code(), both.err());
    Translator b = Translator.load(dir.resolve("both.safetensors"));
    assertTrue(b.codecs().source().tokenizer() instanceof CharTokenizer);
    assertTrue(b.codecs().target().tokenizer() instanceof WordTokenizer);
    CliRun wrong = run("train", "--task", "seq2seq", "--data", mixed.toString(), "--out",
        dir.resolve("x.safetensors").toString(), "--target-tokens", "bytes");
    assertEquals(2, wrong.code());
    assertTrue(wrong.err().contains("--target-tokens must be char or word, got bytes"),
        wrong.err());

    // unseen characters: counted, named on standard error, read as <unk>
    Path sources = Files.write(dir.resolve("sources.txt"), List.of("abc", "axz", "", "zzq"));
    CliRun translated = run("translate", "--model", model.toString(), sources.toString());
    assertEquals(0, translated.code(), translated.err());
    assertEquals(4, translated.out().lines().count(), translated.out());
    assertEquals("rnn4j: 5 tokens in 2 of 4 texts are not in the model's source vocabulary (not"
        + " seen in training, or too rare to keep) and were read as <unk> (3 distinct: 'x', 'z',"
        + " 'q')\n", translated.err());
    List<String> unknown = List.of("axz", "zzq");
    List<String> asUnk = List.of("a<unk><unk>", "<unk><unk><unk>");
    assertEquals(translator.translate(unknown, Translator.Options.GREEDY).stream()
        .map(Translator.Translation::text).toList(), translator.translate(List.of("ayy", "yyy"),
            Translator.Options.GREEDY).stream().map(Translator.Translation::text).toList(),
        "every unseen character is the same <unk>: " + asUnk);
    CliRun known = run("translate", "--model", model.toString(), Files.write(
        dir.resolve("known.txt"), List.of("abc", "dea")).toString());
    assertEquals("", known.err(), "nothing to say when every character is known");
  }

  @Test
  void evalOfACharacterLevelModelLeadsWithChrF() throws Exception {
    List<String> lines = new ArrayList<>();
    SplittableRandom rng = new SplittableRandom(9);
    for (int i = 0; i < 60; i++) {
      String date = String.format(Locale.ROOT, "%d/%d", 1 + rng.nextInt(9), 1 + rng.nextInt(9));
      lines.add(date + "\t" + date.replace('/', '-'));
    }
    Path dates = Files.write(dir.resolve("dates.tsv"), lines);
    CliRun t = run("train", "--task", "seq2seq", "--data", dates.toString(), "--out",
        model.toString(), "--epochs", "2", "--hidden", "16", "--embedding", "8", "--seed", "2",
        "--quiet");
    assertEquals(0, t.code(), t.err());
    CliRun eval = run("eval", "--model", model.toString(), "--data", dates.toString());
    assertEquals(0, eval.code(), eval.err());
    Translator translator = Translator.load(model);
    List<SentencePair> all = ParallelTsv.read(dates);
    List<String> outputs = translator.translate(all.stream().map(SentencePair::source).toList(),
        Translator.Options.GREEDY).stream().map(Translator.Translation::text).toList();
    ChrF chrF = new ChrF();
    for (int i = 0; i < all.size(); i++) {
      chrF.add(outputs.get(i), all.get(i).target());
    }
    List<String> report = eval.out().lines().toList();
    assertTrue(report.get(0).startsWith(dates + ": 60 pairs, greedy: " + String.format(
        Locale.ROOT, "chrF2 %.2f (character-level model: character n-gram F-score), BLEU over"
            + " words ", chrF.score().score())), eval.out());
    assertEquals(chrF.score().toString(), report.get(1));
    assertTrue(report.get(2).startsWith("BLEU over the words of the outputs: BLEU = "),
        eval.out());
    CliRun json = run("eval", "--json", "--model", model.toString(), "--data", dates.toString());
    assertTrue(json.out().contains("\"metric\":\"chrf\"") && json.out().contains(
        "\"chrf\":" + chrF.score().score()), json.out());
  }
}
