package org.rnn4j.data.format;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads multi-record FASTA files: a header line {@code >id description}, then the sequence over
 * any number of lines. Residues must be IUPAC codes of the chosen alphabet (either case; lower
 * case, often a soft mask, is upper-cased). Blank lines and {@code ;} comment lines are skipped.
 */
public final class Fasta {

  /** The residue codes a file may use. */
  public enum Alphabet {
    /** IUPAC nucleotide codes: ACGT, U (RNA), the ambiguity codes RYSWKMBDHVN, and '-' gaps. */
    NUCLEOTIDE("ACGTURYSWKMBDHVN-"),
    /** IUPAC amino-acid codes, including B, Z, J, U, O and X, '*' (stop) and '-' gaps. */
    PROTEIN("ABCDEFGHIJKLMNOPQRSTUVWXYZ*-");

    private final String codes;

    Alphabet(String codes) {
      this.codes = codes;
    }

    /** The allowed codes, upper case. */
    public String codes() {
      return codes;
    }
  }

  private Fasta() {}

  /**
   * The records of a file.
   *
   * @param file a UTF-8 (ASCII) FASTA file
   * @param alphabet the residue codes allowed
   * @return the records, in order
   * @throws IOException if the file cannot be read, or {@link org.rnn4j.data.DataFormatException}
   *     naming the line (and column) of a sequence before any header, an empty header or
   *     record, or a residue outside the alphabet
   */
  public static List<FastaRecord> read(Path file, Alphabet alphabet) throws IOException {
    List<FastaRecord> out = new ArrayList<>();
    String id = null;
    String description = null;
    long headerLine = 0;
    StringBuilder seq = new StringBuilder();
    try (NumberedLines lines = new NumberedLines(file)) {
      for (String line = lines.next(); line != null; line = lines.next()) {
        String s = line.strip();
        if (s.isEmpty() || s.startsWith(";")) {
          continue;
        }
        if (s.startsWith(">")) {
          finish(out, id, description, seq, headerLine, lines);
          String[] parts = s.substring(1).strip().split("\\s+", 2);
          if (parts[0].isEmpty()) {
            throw lines.error("expected an identifier after '>', found an empty header");
          }
          id = parts[0];
          description = parts.length > 1 ? parts[1] : "";
          headerLine = lines.number();
          seq.setLength(0);
        } else if (id == null) {
          throw lines.error("expected a header line starting with '>', found a sequence line");
        } else {
          appendResidues(seq, s, alphabet, lines);
        }
      }
      finish(out, id, description, seq, headerLine, lines);
    }
    return out;
  }

  private static void appendResidues(
      StringBuilder seq, String s, Alphabet alphabet, NumberedLines lines)
      throws org.rnn4j.data.DataFormatException {
    String upper = s.toUpperCase(Locale.ROOT);
    for (int i = 0; i < upper.length(); i++) {
      char c = upper.charAt(i);
      if (alphabet.codes().indexOf(c) < 0) {
        throw lines.error("expected an IUPAC " + alphabet.name().toLowerCase(Locale.ROOT)
            + " code (" + alphabet.codes() + ") at column " + (i + 1) + ", found '" + s.charAt(i)
            + "'");
      }
    }
    seq.append(upper);
  }

  private static void finish(List<FastaRecord> out, String id, String description,
      StringBuilder seq, long headerLine, NumberedLines lines)
      throws org.rnn4j.data.DataFormatException {
    if (id == null) {
      return;
    }
    if (seq.length() == 0) {
      throw org.rnn4j.data.DataFormatException.atLine(lines.file(), headerLine,
          "expected sequence lines after the header of record \"" + id + "\", found none");
    }
    out.add(new FastaRecord(id, description, seq.toString()));
  }
}
