package org.rnn4j.speech.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rnn4j.speech.audio.SphinxFeatureFile;

/**
 * The TIDIGITS connected-digit utterances of Debian's {@code pocketsphinx-testdata} (31
 * recordings of men and women): their Sphinx MFCCs ({@code NAME.mfc}, 13 per frame) and their
 * transcripts ({@code tidigits.lsn}, lines "two nine three four zero (man.ah.2934za)").
 *
 * <p>The features were made by Sphinx's front end with the settings in {@code hmm/feat.params}
 * (among them 20 filters up to 4 kHz, dither and DC removal), not rnn4j's: a model meant for
 * them must be trained on features of the same kind.
 */
public final class Tidigits {
  /** Where Debian installs them. */
  public static final Path DEFAULT_DIRECTORY = Path.of(
      "/usr/share/pocketsphinx/test/data/tidigits");

  private static final Map<String, Character> DIGITS = Map.ofEntries(Map.entry("zero", '0'),
      Map.entry("oh", '0'), Map.entry("one", '1'), Map.entry("two", '2'),
      Map.entry("three", '3'), Map.entry("four", '4'), Map.entry("five", '5'),
      Map.entry("six", '6'), Map.entry("seven", '7'), Map.entry("eight", '8'),
      Map.entry("nine", '9'));

  private Tidigits() {}

  /**
   * One utterance.
   *
   * @param id its name, e.g. "man.ah.2934za"
   * @param words the transcript, e.g. "two nine three four zero"
   * @param digits the digits spoken, e.g. "29340" ("oh" and "zero" are both 0)
   * @param mfcc (T, 13) Sphinx's MFCCs, 100 frames a second
   */
  public record Utterance(String id, String words, String digits, float[][] mfcc) {}

  /**
   * @param directory the tidigits directory ({@link #DEFAULT_DIRECTORY} on Debian)
   * @return every utterance of {@code tidigits.lsn}, in its order
   * @throws IOException if a file is missing or malformed (the message names it and the line)
   */
  public static List<Utterance> load(Path directory) throws IOException {
    Path lsn = directory.resolve("tidigits.lsn");
    if (!Files.isRegularFile(lsn)) {
      throw new IOException(lsn + " not found: install Debian's pocketsphinx-testdata"
          + " (apt-get install pocketsphinx-testdata) or give its tidigits directory");
    }
    List<String> lines = Files.readAllLines(lsn, StandardCharsets.UTF_8);
    List<Utterance> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      int open = line.lastIndexOf('(');
      if (open < 0 || !line.endsWith(")")) {
        throw new IOException(lsn + ":" + (i + 1) + ": expected \"words (id)\", found \"" + line
            + "\"");
      }
      String id = line.substring(open + 1, line.length() - 1);
      String words = line.substring(0, open).strip();
      StringBuilder digits = new StringBuilder();
      for (String w : words.split("\\s+")) {
        Character d = DIGITS.get(w.toLowerCase(java.util.Locale.ROOT));
        if (d == null) {
          throw new IOException(lsn + ":" + (i + 1) + ": \"" + w + "\" is not a digit word");
        }
        digits.append(d);
      }
      out.add(new Utterance(id, words, digits.toString(),
          SphinxFeatureFile.read(directory.resolve(id + ".mfc"), 13)));
    }
    return out;
  }
}
