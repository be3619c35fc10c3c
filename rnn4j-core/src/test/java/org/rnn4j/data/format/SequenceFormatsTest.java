package org.rnn4j.data.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnn4j.data.format.Samples.assertFormatError;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.data.ForecastExample;

class SequenceFormatsTest {
  @TempDir Path dir;

  @Test
  void readsMultiRecordFastaWithIupacCodesAndRna() throws IOException {
    List<FastaRecord> r = Fasta.read(Samples.path("sequences.fasta"), Fasta.Alphabet.NUCLEOTIDE);
    assertEquals(7, r.size());
    FastaRecord phage = r.get(0);
    assertEquals("CAC80166.1", phage.id());
    assertEquals("hypothetical protein [Lactococcus phage BK5-T]", phage.description());
    assertEquals(228, phage.sequence().length()); // three lines of 60 and one of 48
    assertTrue(phage.sequence().startsWith("ATGGAGGAACAAGCATGG"));
    assertEquals("ACTGNACTGN", r.get(1).sequence());
    assertEquals("cel-let-7", r.get(5).id());
    assertTrue(r.get(5).sequence().startsWith("UACACUGUGG"));
  }

  @Test
  void fastaErrorsNameLineAndColumn() throws IOException {
    Path bad = Samples.write(dir, "b.fa", ">s1\nACGT\nACJT\n");
    assertFormatError("b.fa:3:", "expected an IUPAC nucleotide code (ACGTURYSWKMBDHVN-) at "
        + "column 3, found 'J'", () -> Fasta.read(bad, Fasta.Alphabet.NUCLEOTIDE));
    Path headless = Samples.write(dir, "h.fa", "ACGT\n>s1\nA\n");
    assertFormatError("h.fa:1:", "expected a header line starting with '>'",
        () -> Fasta.read(headless, Fasta.Alphabet.NUCLEOTIDE));
    Path empty = Samples.write(dir, "e.fa", ">s1\nACGT\n>s2 nothing\n>s3\nA\n");
    assertFormatError("e.fa:3:", "expected sequence lines after the header of record \"s2\"",
        () -> Fasta.read(empty, Fasta.Alphabet.NUCLEOTIDE));
    Path protein = Samples.write(dir, "p.fa", ">p\nMKJL*\n");
    assertEquals("MKJL*", Fasta.read(protein, Fasta.Alphabet.PROTEIN).get(0).sequence());
  }

  @Test
  void readsTheDingSampleAsParallelTsv() throws IOException {
    List<SentencePair> p = ParallelTsv.read(Samples.path("ding-excerpt.tsv"));
    assertEquals(12, p.size());
    assertEquals(new SentencePair("Ich wusch mich.", "I washed myself."), p.get(1));
  }

  @Test
  void parallelTsvErrorsNameTheLine() throws IOException {
    Path three = Samples.write(dir, "t.tsv", "a\tb\n\nc\td\te\n");
    assertFormatError("t.tsv:3:", "expected 2 tab-separated fields (source TAB target), found 3",
        () -> ParallelTsv.read(three));
    Path one = Samples.write(dir, "o.tsv", "only source\n");
    assertFormatError("o.tsv:1:", "found 1", () -> ParallelTsv.read(one));
    Path blank = Samples.write(dir, "b.tsv", "a\t \n");
    assertFormatError("b.tsv:1:", "expected a non-empty target", () -> ParallelTsv.read(blank));
  }

  @Test
  void readsTheBirthsSampleAndMakesForecastWindows() throws IOException {
    TimeSeries s = TimeSeriesCsv.read(Samples.path("births-excerpt.csv"), DelimitedFormat.CSV,
        Optional.of("date_of_month"), List.of("births", "day_of_week"));
    assertEquals(40, s.length());
    assertEquals(8486f, s.values().get(0, 0));
    assertEquals(3f, s.values().get(0, 1)); // 1 January 1969 was a Wednesday
    assertEquals("2", s.times().get(1));
    List<ForecastExample> w = s.windows(28, 7, 1);
    assertEquals(40 - 35 + 1, w.size());
    assertEquals(s.values().get(28, 0), w.get(0).future().get(0, 0));
  }

  @Test
  void timeSeriesErrorsNameLineRecordAndColumn() throws IOException {
    Path f = Samples.write(dir, "ts.csv", "month,value\n1,3.5\n2,n/a\n");
    assertFormatError("ts.csv:3 (record 2)", "expected a finite number in column \"value\", "
        + "found \"n/a\"", () -> TimeSeriesCsv.read(f, DelimitedFormat.CSV, Optional.empty(),
            List.of("value")));
    assertFormatError("ts.csv:1", "expected a column \"births\"", () -> TimeSeriesCsv.read(f,
        DelimitedFormat.CSV, Optional.of("month"), List.of("births")));
  }
}
