package org.rnn4j.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rnn4j.data.DataFormatException;
import org.tukaani.xz.XZInputStream;

/**
 * Primate splice-junction DNA (the StatLog "DNA" data, from the UCI repository): 3,186
 * sequences of 60 bases around a possible splice junction, each of class {@code ei} (exon →
 * intron, a donor site), {@code ie} (intron → exon, an acceptor site) or {@code n} (neither).
 *
 * <p>Source: Debian package {@code r-cran-mlbench} 2.1-3-1, file {@code data/DNA.rda}: an
 * XZ-compressed R data frame (XDR) of 180 binary factor columns and {@code Class}. Each base is
 * three columns: A = 100, C = 010, G = 001, T = 000. Licence: GPL-2 (the mlbench package).
 * {@code data/fetch dna} puts it at {@code data/cache/dna/DNA.rda}.
 */
public final class SpliceJunctions {
  /** Bases per sequence. */
  public static final int LENGTH = 60;
  /** The classes, in the data's factor order. */
  public static final List<String> CLASSES = List.of("ei", "ie", "n");

  /**
   * A DNA sequence and its class.
   *
   * @param bases 60 letters of ACGT
   * @param label "ei", "ie" or "n"
   */
  public record DnaSequence(String bases, String label) {}

  private SpliceJunctions() {}

  /**
   * Loads the set from the cache.
   *
   * @param cache where data/fetch put it
   * @return the 3,186 sequences in the file's order
   * @throws IOException if the set is missing (run data/fetch) or malformed
   */
  public static List<DnaSequence> load(DataCache cache) throws IOException {
    return read(cache.require("dna", "DNA.rda"));
  }

  /**
   * Reads an mlbench {@code DNA.rda} file.
   *
   * @param rda the file
   * @return the sequences
   * @throws IOException on a read error, or {@link DataFormatException} naming the record and
   *     column whose value is not a valid base code
   */
  public static List<DnaSequence> read(Path rda) throws IOException {
    Map<String, RData.Value> objects;
    try (InputStream raw = Files.newInputStream(rda)) {
      InputStream in;
      try {
        in = new XZInputStream(raw);
      } catch (org.tukaani.xz.XZFormatException | java.io.EOFException e) {
        throw new DataFormatException(rda, "byte 0", "expected XZ-compressed data (magic bytes "
            + "FD 37 7A 58 5A 00), found another format", e);
      }
      objects = RData.read(in, rda);
    }
    RData.Value frame = objects.get("DNA");
    if (frame == null || frame.type() != RData.VECSXP || frame.list().size() != 3 * LENGTH + 1) {
      throw new DataFormatException(rda, "object DNA", "expected a data frame \"DNA\" of "
          + (3 * LENGTH + 1) + " columns, found " + (frame == null ? "no such object"
          : "SEXP type " + frame.type() + " of size " + frame.list().size()));
    }
    String[][] columns = new String[3 * LENGTH + 1][];
    for (int c = 0; c < columns.length; c++) {
      columns[c] = factor(frame.list().get(c), rda, c);
    }
    int rows = columns[0].length;
    List<DnaSequence> out = new ArrayList<>(rows);
    for (int r = 0; r < rows; r++) {
      StringBuilder bases = new StringBuilder(LENGTH);
      for (int p = 0; p < LENGTH; p++) {
        String code = columns[3 * p][r] + columns[3 * p + 1][r] + columns[3 * p + 2][r];
        bases.append(base(code, rda, r, p));
      }
      out.add(new DnaSequence(bases.toString(), columns[3 * LENGTH][r]));
    }
    return out;
  }

  private static char base(String code, Path rda, int row, int position)
      throws DataFormatException {
    switch (code) {
      case "100":
        return 'A';
      case "010":
        return 'C';
      case "001":
        return 'G';
      case "000":
        return 'T';
      default:
        throw new DataFormatException(rda, "record " + (row + 1), "expected a base code 100, "
            + "010, 001 or 000 at position " + (position + 1) + ", found " + code);
    }
  }

  /** The level of every element of a factor column. */
  private static String[] factor(RData.Value column, Path rda, int index)
      throws DataFormatException {
    String[] levels = column == null ? new String[0] : column.attributeStrings("levels");
    if (column.type() != RData.INTSXP || levels.length == 0) {
      throw new DataFormatException(rda, "column " + (index + 1), "expected a factor, found "
          + "SEXP type " + column.type());
    }
    int[] codes = column.ints();
    String[] out = new String[codes.length];
    for (int i = 0; i < codes.length; i++) {
      if (codes[i] < 1 || codes[i] > levels.length) {
        throw new DataFormatException(rda, "record " + (i + 1), "expected a factor code in [1, "
            + levels.length + "] in column " + (index + 1) + ", found " + codes[i]);
      }
      out[i] = levels[codes[i] - 1];
    }
    return out;
  }
}
