package org.rnn4j.speech.ctc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rnn4j.data.DataFormatException;
import org.rnn4j.data.format.DelimitedFormat;
import org.rnn4j.data.format.DelimitedReader;

/**
 * Reads a list of recordings with their transcripts: a TSV or CSV file, or a folder holding
 * {@code transcripts.tsv}. Audio paths are relative to the list's folder. Columns are chosen by
 * index (the default, audio in 0 and transcript in 1, no header line) or by header name (then the
 * first line is the header).
 */
public final class SpeechCorpus {
  /** The list a folder of recordings holds. */
  public static final String TRANSCRIPTS = "transcripts.tsv";

  private SpeechCorpus() {}

  /**
   * @param data a folder with {@value #TRANSCRIPTS}, or a .tsv or .csv list
   * @param audioColumn the audio path's column, by index or header name
   * @param transcriptColumn the transcript's column, by index or header name
   * @return the utterances, in the list's order
   * @throws IOException if the list cannot be read, a record is malformed, or an audio file is
   *     missing (naming the list and the record)
   */
  public static List<Utterance> read(Path data, String audioColumn, String transcriptColumn)
      throws IOException {
    Path list = Files.isDirectory(data) ? data.resolve(TRANSCRIPTS) : data;
    if (!Files.isRegularFile(list)) {
      throw new IOException(list + ": no such file" + (Files.isDirectory(data)
          ? "; a folder of recordings must hold " + TRANSCRIPTS + " (file TAB transcript)" : ""));
    }
    boolean header = !isIndex(audioColumn) || !isIndex(transcriptColumn);
    DelimitedFormat format = list.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")
        ? DelimitedFormat.CSV : DelimitedFormat.TSV;
    if (!header) {
      format = format.withoutHeader();
    }
    Path folder = list.toAbsolutePath().getParent();
    List<Utterance> out = new ArrayList<>();
    List<List<String>> rows = DelimitedReader.read(list, format,
        List.of(audioColumn, transcriptColumn));
    for (int i = 0; i < rows.size(); i++) {
      Path audio = folder.resolve(rows.get(i).get(0).strip());
      if (!Files.isRegularFile(audio)) {
        throw new DataFormatException(list, "record " + (i + 1), "audio file " + audio
            + " does not exist");
      }
      out.add(new Utterance(audio, rows.get(i).get(1)));
    }
    return out;
  }

  private static boolean isIndex(String column) {
    return column.chars().allMatch(Character::isDigit) && !column.isEmpty();
  }
}
