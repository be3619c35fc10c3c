package org.rnn4j.data.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rnn4j.data.format.Samples.assertFormatError;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NamedEntityFormatsTest {
  @TempDir Path dir;

  @Test
  void readsTheConll2003Sample() throws IOException {
    List<TaggedSentence> s = Conll.read(Samples.path("conll2003-en.sample"),
        Conll.CONLL2003_TOKEN, Conll.CONLL2003_ENTITY);
    assertEquals(2, s.size()); // "EU rejects …" and "Peter Blackburn"
    assertEquals(List.of("EU", "rejects", "German", "call", "to", "boycott", "British", "lamb",
        "."), s.get(0).tokens());
    assertEquals(List.of(new EntitySpan(0, 1, "ORG"), new EntitySpan(2, 3, "MISC"),
        new EntitySpan(6, 7, "MISC")), s.get(0).spans());
  }

  @Test
  void conllErrorsNameTheLine() throws IOException {
    Path f = Samples.write(dir, "c.txt", "EU NNP I-NP I-ORG\nrejects VBZ\n");
    assertFormatError("c.txt:2:", "expected at least 4 columns, found 2",
        () -> Conll.read(f, 0, 3));
    Path g = Samples.write(dir, "g.txt", "-DOCSTART- -X- O O\n\nEU NNP I-NP ORG\n");
    assertFormatError("g.txt:3:", "expected a tag O, B-type or I-type in column 3, found \"ORG\"",
        () -> Conll.read(g, 0, 3));
  }

  @Test
  void readsTheVoaSampleIntoBioTags() throws IOException {
    List<TaggedSentence> s = OpenNlpNames.read(Samples.path("voa-excerpt.train"));
    assertEquals(8, s.size());
    TaggedSentence first = s.get(0);
    assertEquals(List.of("U", ".", "S", ".", "President", "Barack", "Obama"),
        first.tokens().subList(0, 7));
    assertEquals(List.of("B-location", "I-location", "I-location", "I-location", "O",
        "B-person", "I-person"), first.tags().subList(0, 7));
    assertEquals(new EntitySpan(5, 7, "person"), first.spans().get(1));
    long entities = s.stream().mapToLong(t -> t.spans().size()).sum();
    assertEquals(entities, s.stream().flatMap(t -> t.tags().stream())
        .filter(tag -> tag.startsWith("B-")).count());
  }

  @Test
  void openNlpErrorsNameTheLineAndTheTag() throws IOException {
    Path unclosed = Samples.write(dir, "u.train", "ok .\n<START:person> Obama said .\n");
    assertFormatError("u.train:2:", "expected <END> for <START:person>, found the end",
        () -> OpenNlpNames.read(unclosed));
    Path nested = Samples.write(dir, "n.train", "<START:org> A <START:person> B <END> <END>\n");
    assertFormatError("n.train:1:", "expected <END> before a new <START:person>",
        () -> OpenNlpNames.read(nested));
    Path stray = Samples.write(dir, "s.train", "a <END> b\n");
    assertFormatError("s.train:1:", "expected <START:type> before <END>",
        () -> OpenNlpNames.read(stray));
    Path empty = Samples.write(dir, "e.train", "a <START:date> <END> b\n");
    assertFormatError("e.train:1:", "expected at least one token",
        () -> OpenNlpNames.read(empty));
  }

  @Test
  void aTokenGluedToTheEndTagIsSplitOff() throws IOException {
    Path f = Samples.write(dir, "g.train", "said <START:person> Miliband <END>.\n");
    TaggedSentence s = OpenNlpNames.read(f).get(0);
    assertEquals(List.of("said", "Miliband", "."), s.tokens());
    assertEquals(List.of("O", "B-person", "O"), s.tags());
  }

  @Test
  void spansAndBioTagsRoundTrip() {
    List<String> tokens = List.of("a", "b", "c", "d");
    List<EntitySpan> spans = List.of(new EntitySpan(0, 2, "x"), new EntitySpan(2, 3, "x"));
    TaggedSentence s = TaggedSentence.fromSpans(tokens, spans);
    assertEquals(List.of("B-x", "I-x", "B-x", "O"), s.tags());
    assertEquals(spans, s.spans());
  }
}
