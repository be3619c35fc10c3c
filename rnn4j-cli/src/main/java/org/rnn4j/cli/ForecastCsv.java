package org.rnn4j.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.rnn4j.data.Features;
import org.rnn4j.io.AtomicFiles;

/**
 * A forecast as a CSV table (Apache Commons CSV), one row per forecast step:
 *
 * <pre>
 * step,time,forecast,actual,seasonal_naive                    one value per step (F = 1)
 * step,time,NAME_forecast,NAME_actual,NAME_seasonal_naive,…   F values per step, by column name
 * </pre>
 * step counts from 1; time is the held-out row's time stamp when known, else empty; the actual
 * columns appear only when actual values were held out, the seasonal-naive ones only when given.
 *
 * @param names (F) the value names
 * @param times (N) the time stamp of each step, "" when unknown
 * @param forecast (N, F)
 * @param actual (N, F) the held-out values, when there are any
 * @param seasonalNaive (N, F) the baseline, when it was computed
 */
record ForecastCsv(List<String> names, List<String> times, Features forecast,
    Optional<Features> actual, Optional<Features> seasonalNaive) {

  /** Writes the table to a temporary file beside {@code file}, then renames it. */
  void write(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    AtomicFiles.write(file, tmp -> {
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        print(w);
      }
    });
  }

  /** Prints the table, header first. */
  void print(Appendable out) throws IOException {
    CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator('\n')
        .get());
    csv.printRecord(header());
    for (int k = 0; k < forecast.length(); k++) {
      List<Object> row = new ArrayList<>();
      row.add(k + 1);
      row.add(times.get(k));
      for (int j = 0; j < names.size(); j++) {
        row.add(forecast.get(k, j));
        if (actual.isPresent()) {
          row.add(actual.get().get(k, j));
        }
        if (seasonalNaive.isPresent()) {
          row.add(seasonalNaive.get().get(k, j));
        }
      }
      csv.printRecord(row);
    }
    csv.flush();
  }

  private List<String> header() {
    List<String> h = new ArrayList<>(List.of("step", "time"));
    for (String name : names) {
      String prefix = names.size() == 1 ? "" : name + "_";
      h.add(prefix + "forecast");
      actual.ifPresent(a -> h.add(prefix + "actual"));
      seasonalNaive.ifPresent(a -> h.add(prefix + "seasonal_naive"));
    }
    return h;
  }
}
