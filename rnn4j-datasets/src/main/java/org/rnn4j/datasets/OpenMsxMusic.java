package org.rnn4j.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.rnn4j.data.format.Midi;
import org.rnn4j.data.format.NoteSequence;

/**
 * 31 MIDI pieces of OpenMSX, the free music set of the game OpenTTD, as note events.
 *
 * <p>Source: Debian package {@code openttd-openmsx} 0.4.2-1, directory {@code
 * usr/share/games/openttd/baseset/openmsx/}. Licence: GPL-2.0 (see the package's copyright file,
 * copied to {@code data/cache/music/copyright}). {@code data/fetch music} puts the files in
 * {@code data/cache/music/}.
 */
public final class OpenMsxMusic {
  /**
   * One piece.
   *
   * @param name the file name without ".mid"
   * @param notes its notes
   */
  public record Piece(String name, NoteSequence notes) {}

  private OpenMsxMusic() {}

  /**
   * Loads every piece from the cache.
   *
   * @param cache where data/fetch put it
   * @return the pieces, sorted by name
   * @throws IOException if the set is missing (run data/fetch) or a file is malformed
   */
  public static List<Piece> load(DataCache cache) throws IOException {
    Path dir = cache.requireDirectory("music");
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".mid")).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new IOException("run data/fetch first (or data/fetch music): " + dir
          + " holds no .mid file");
    }
    List<Piece> out = new ArrayList<>(files.size());
    for (Path f : files) {
      String name = f.getFileName().toString();
      out.add(new Piece(name.substring(0, name.length() - 4), Midi.read(f)));
    }
    return out;
  }
}
