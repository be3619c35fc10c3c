package org.rnn4j.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.data.DataFormatException;
import org.rnn4j.data.format.EntitySpan;
import org.rnn4j.data.format.SentencePair;
import org.rnn4j.data.format.TaggedSentence;
import org.rnn4j.data.format.TimeSeries;

/** Loader logic on small inputs; the full sets are checked by {@link FetchedDatasetsTest}. */
class LoadersTest {
  @TempDir Path dir;

  @Test
  void dinosaursArePackedInTheJar() throws IOException {
    List<String> names = Dinosaurs.load();
    assertEquals(1325, names.size());
    assertEquals(1318, names.stream().distinct().count());
    assertEquals("aachenosaurus", names.get(0));
    assertTrue(names.contains("tyrannosaurus"));
  }

  @Test
  void aMissingSetSaysToRunFetch() {
    DataCache cache = new DataCache(dir.resolve("nowhere"));
    IOException e = assertThrows(IOException.class, () -> SpliceJunctions.load(cache));
    assertTrue(e.getMessage().startsWith("run data/fetch first (or data/fetch dna): "),
        e.getMessage());
    assertTrue(e.getMessage().endsWith("dna/DNA.rda is missing"), e.getMessage());
    assertThrows(IOException.class, () -> OpenMsxMusic.load(cache));
  }

  @Test
  void dingLinesGiveAlignedUnambiguousSentencePairs() {
    String line = "Aal {m} | Das ist gut. | Wie geht es dir?; Wie geht's? :: eel | That is good."
        + " | How are you?";
    assertEquals(List.of(new SentencePair("Das ist gut.", "That is good.")),
        DingPairs.pairs(line));
    assertEquals(List.of(), DingPairs.pairs("# Das ist ein Kommentar. :: A comment here."));
    assertEquals(List.of(), DingPairs.pairs("Das ist gut. | Ja. :: That is good."));
    assertEquals(List.of(), DingPairs.pairs("das ist gut. :: That is good."));
  }

  @Test
  void sotuTokensSentencesAndWeakLabels() throws IOException {
    List<String> tokens = SotuWeakNer.tokenize("Mr. Speaker, the U.S. and South Korea met "
        + "on Wednesday, March 4, 1865. President Lincoln spoke to Congress.");
    List<List<String>> sentences = SotuWeakNer.sentences(tokens);
    assertEquals(2, sentences.size());
    assertEquals(List.of("Mr", ".", "Speaker", ",", "the", "U", ".", "S", "."),
        sentences.get(0).subList(0, 9));
    Gazetteer g = Gazetteer.standard();
    TaggedSentence first = SotuWeakNer.label(sentences.get(0), g);
    List<String> t = first.tokens();
    assertEquals(List.of(new EntitySpan(t.indexOf("U"), t.indexOf("U") + 4, "location"),
        new EntitySpan(t.indexOf("South"), t.indexOf("South") + 2, "location"),
        new EntitySpan(t.indexOf("Wednesday"), t.indexOf("Wednesday") + 1, "date"),
        new EntitySpan(t.indexOf("March"), t.indexOf("March") + 4, "date")), first.spans());
    TaggedSentence second = SotuWeakNer.label(sentences.get(1), g);
    assertEquals(List.of("O", "B-person", "O", "O", "B-organization", "O"), second.tags());
    assertEquals("Franklin D . Roosevelt",
        SotuWeakNer.presidentName("1937_franklin_d_roosevelt_d.txt"));
    assertEquals("William McKinley", SotuWeakNer.presidentName("1897_william_mc_kinley_r.txt"));
  }

  @Test
  void rDataReadsTaggedPairlistsOfVectorsWithAttributes() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeBytes("RDX2\nX\n");
    out.writeInt(2);
    out.writeInt(0x040000);
    out.writeInt(0x020300);
    out.writeInt(RData.LISTSXP | (1 << 10)); // tagged pairlist cell
    symbol(out, "x");
    out.writeInt(RData.INTSXP | (1 << 9)); // integer vector with attributes
    out.writeInt(2);
    out.writeInt(2);
    out.writeInt(1);
    out.writeInt(RData.LISTSXP | (1 << 10)); // attributes: levels = c("a", "b")
    symbol(out, "levels");
    out.writeInt(RData.STRSXP);
    out.writeInt(2);
    charsxp(out, "a");
    charsxp(out, "b");
    out.writeInt(254); // end of attributes
    out.writeInt(254); // end of the top pairlist
    Map<String, RData.Value> objects =
        RData.read(new ByteArrayInputStream(bytes.toByteArray()), Path.of("t.rda"));
    RData.Value x = objects.get("x");
    assertArrayEquals(new int[] {2, 1}, x.ints());
    assertArrayEquals(new String[] {"a", "b"}, x.attributeStrings("levels"));
  }

  private static void symbol(DataOutputStream out, String name) throws IOException {
    out.writeInt(RData.SYMSXP);
    charsxp(out, name);
  }

  private static void charsxp(DataOutputStream out, String s) throws IOException {
    out.writeInt(RData.CHARSXP | (1 << 18)); // ASCII flag in the levels bits
    out.writeInt(s.length());
    out.writeBytes(s);
  }

  @Test
  void rDataAndDnaRejectOtherFormatsByName() throws IOException {
    DataFormatException e = assertThrows(DataFormatException.class, () -> RData.read(
        new ByteArrayInputStream("RDA2\nA\n".getBytes(StandardCharsets.US_ASCII)),
        Path.of("x.rda")));
    assertTrue(e.getMessage().contains("x.rda:byte 0: expected an XDR .rda payload"));
    Path notXz = Files.writeString(dir.resolve("DNA.rda"), "plain text");
    e = assertThrows(DataFormatException.class, () -> SpliceJunctions.read(notXz));
    assertTrue(e.getMessage().contains("expected XZ-compressed data"), e.getMessage());
  }

  @Test
  void gretlMonthlyDataBecomesADatedSeries() throws IOException {
    Path gdt = Files.writeString(dir.resolve("m.gdt"), "<?xml version=\"1.0\"?>\n"
        + "<gretldata name=\"m\" frequency=\"12\" startobs=\"1949:11\" type=\"time-series\">\n"
        + "<variables count=\"1\"><variable name=\"g\"/></variables>\n"
        + "<observations count=\"3\" labels=\"false\">\n"
        + "<obs>104 </obs>\n<obs>118 </obs>\n<obs>115 </obs>\n</observations></gretldata>\n");
    TimeSeries s = AirPassengers.read(gdt);
    assertEquals(List.of("1949-11", "1949-12", "1950-01"), s.times());
    assertArrayEquals(new float[] {104, 118, 115}, s.values().values());
    Path bad = Files.writeString(dir.resolve("b.gdt"), "<gretldata frequency=\"12\" "
        + "startobs=\"1949:01\"><obs>12 </obs><obs>x </obs></gretldata>");
    DataFormatException e = assertThrows(DataFormatException.class,
        () -> AirPassengers.read(bad));
    assertTrue(e.getMessage().contains("b.gdt:observation 2: expected a number, found \"x\""),
        e.getMessage());
  }
}
