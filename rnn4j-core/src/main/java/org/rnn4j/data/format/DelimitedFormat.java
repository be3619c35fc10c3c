package org.rnn4j.data.format;

/**
 * The dialect of a delimited file.
 *
 * @param delimiter the field separator, e.g. ',' or '\t'
 * @param header whether the first record names the columns
 * @param quoted whether fields may be quoted with '"' as RFC 4180 says (a quoted field may hold
 *     delimiters, line breaks and doubled quotes); off for plain TSV, where '"' is an ordinary
 *     character
 */
public record DelimitedFormat(char delimiter, boolean header, boolean quoted) {
  /** RFC 4180 CSV with a header line. */
  public static final DelimitedFormat CSV = new DelimitedFormat(',', true, true);
  /** Tab-separated values with a header line, no quoting. */
  public static final DelimitedFormat TSV = new DelimitedFormat('\t', true, false);

  /** Checks the delimiter. */
  public DelimitedFormat {
    if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
      throw new IllegalArgumentException("delimiter must not be a quote or line break, got "
          + (int) delimiter);
    }
  }

  /** The same dialect without a header line (columns are then named by index, "0", "1", …). */
  public DelimitedFormat withoutHeader() {
    return new DelimitedFormat(delimiter, false, quoted);
  }
}
