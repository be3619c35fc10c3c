package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnn4j.cli.CliRun.run;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.data.Features;
import org.rnn4j.data.format.TimeSeriesFiles;
import org.rnn4j.task.forecast.SeriesForecaster;

/** train --task forecast → forecast → eval → info, end to end on small synthetic CSV files. */
class ForecastCommandsTest {
  @TempDir Path dir;

  /** Monthly sales: 50 + 0.5 t + 10 sin(2πt/12) + noise in [−0.5, 0.5), from 2000-01. */
  private static List<String> sales(int months) {
    SplittableRandom rng = new SplittableRandom(3);
    List<String> lines = new ArrayList<>(List.of("month,sales,stores"));
    for (int t = 0; t < months; t++) {
      double y = 50 + 0.5 * t + 10 * Math.sin(2 * Math.PI * t / 12) + rng.nextDouble() - 0.5;
      lines.add(String.format(Locale.ROOT, "%04d-%02d,%.3f,%d", 2000 + t / 12, t % 12 + 1, y,
          20 + t / 6));
    }
    return lines;
  }

  private static List<CSVRecord> csv(Path file) throws Exception {
    try (var reader = Files.newBufferedReader(file)) {
      return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
          .parse(reader).getRecords();
    }
  }

  /** The MAPE of a report row, e.g. "  model   1.2 1.5   2.31%". */
  private static double mape(String report, String row) {
    Matcher m = Pattern.compile(Pattern.quote(row) + "\\s+[0-9.]+\\s+[0-9.]+\\s+([0-9.]+)%")
        .matcher(report);
    assertTrue(m.find(), "no row '" + row + "' in:\n" + report);
    return Double.parseDouble(m.group(1));
  }

  @Test
  void aForecasterTrainsForecastsHeldOutMonthsAndEvaluates() throws Exception {
    List<String> lines = sales(144);
    Path data = Files.write(dir.resolve("sales.csv"), lines);
    Path model = dir.resolve("sales.safetensors");
    CliRun t = run("train", "--task", "forecast", "--data", data.toString(), "--value", "sales",
        "--time", "month", "--window", "12", "--horizon", "12", "--season", "12",
        "--difference", "1", "--cell", "gru", "--hidden", "16", "--epochs", "20", "--batch", "16",
        "--learning-rate", "0.01", "--early-stopping", "8", "--seed", "1", "--out",
        model.toString());
    assertEquals(0, t.code(), t.err());
    assertTrue(t.err().contains("training a GRU forecaster of [sales]"), t.err());
    assertTrue(t.err().contains("the last 14 for validation"), t.err());
    assertTrue(t.err().contains("the validation tail of 14 steps"), t.err());
    assertTrue(Files.size(dir.resolve("sales.curves.png")) > 1000, "loss curves");

    Path table = dir.resolve("out/forecast.csv");
    Path chart = dir.resolve("forecast.png");
    CliRun f = run("forecast", "--model", model.toString(), "--data", data.toString(), "--time",
        "month", "--holdout", "12", "--out", table.toString(), "--chart", chart.toString());
    assertEquals(0, f.code(), f.err());
    List<CSVRecord> rows = csv(table);
    assertEquals(List.of("step", "time", "forecast", "actual", "seasonal_naive"),
        rows.get(0).getParser().getHeaderNames());
    assertEquals(12, rows.size());
    for (int k = 0; k < 12; k++) {
      String[] source = lines.get(1 + 132 + k).split(",");
      CSVRecord r = rows.get(k);
      assertEquals(String.valueOf(k + 1), r.get("step"));
      assertEquals(source[0], r.get("time"));
      assertEquals(Float.parseFloat(source[1]), Float.parseFloat(r.get("actual")));
      assertEquals(Float.parseFloat(lines.get(1 + 120 + k).split(",")[1]),
          Float.parseFloat(r.get("seasonal_naive")), "one season back");
      assertTrue(Math.abs(Float.parseFloat(r.get("forecast")) - Float.parseFloat(source[1])) < 5,
          "month " + source[0] + ": " + r);
    }
    BufferedImage png = ImageIO.read(chart.toFile());
    assertEquals(1000, png.getWidth());
    assertEquals(500, png.getHeight());
    // the trend moves every month 6 above its value a season back: seasonal naive misses by ~6
    double model12 = mape(f.out(), "model");
    double seasonal = mape(f.out(), "seasonal naive (m=12)");
    assertTrue(seasonal > 5 && model12 < seasonal / 2, f.out());
    assertTrue(f.out().contains("naive "), f.out());

    CliRun e = run("eval", "--model", model.toString(), "--data", data.toString());
    assertEquals(0, e.code(), e.err());
    assertEquals(model12, mape(e.out(), "model"), 1e-9, "eval holds out the model's horizon");
    assertEquals(seasonal, mape(e.out(), "seasonal naive (m=12)"), 1e-9);

    CliRun ahead = run("forecast", "--model", model.toString(), "--data", data.toString());
    assertEquals(0, ahead.code(), ahead.err());
    List<String> out = ahead.out().lines().toList();
    assertEquals("step,time,forecast,seasonal_naive", out.get(0));
    assertEquals(13, out.size(), ahead.out());
    assertTrue(out.get(1).startsWith("1,2012-01,"), "the model's --time month, continued: "
        + out.get(1));
    assertTrue(out.get(12).startsWith("12,2012-12,"), out.get(12));

    CliRun info = run("info", model.toString());
    assertTrue(info.out().contains("\"task\" : \"forecast\""), info.out());
  }

  @Test
  void aMultivariateSeriesForecastsEveryColumn() throws Exception {
    Path data = Files.write(dir.resolve("two.csv"), sales(60));
    Path model = dir.resolve("two.safetensors");
    CliRun t = run("train", "--task", "forecast", "--data", data.toString(), "--value",
        "sales,stores", "--window", "6", "--horizon", "3", "--direct", "--log", "--epochs", "2",
        "--hidden", "8", "--out", model.toString());
    assertEquals(0, t.code(), t.err());
    assertTrue(t.err().contains("forecaster of [sales, stores]"), t.err());
    Path table = dir.resolve("two-forecast.csv");
    CliRun f = run("forecast", "--model", model.toString(), "--data", data.toString(), "--holdout",
        "3", "--out", table.toString());
    assertEquals(0, f.code(), f.err());
    List<CSVRecord> rows = csv(table);
    assertEquals(List.of("step", "time", "sales_forecast", "sales_actual",
        "sales_seasonal_naive", "stores_forecast", "stores_actual", "stores_seasonal_naive"),
        rows.get(0).getParser().getHeaderNames());
    assertEquals(3, rows.size());
    assertEquals("29", rows.get(2).get("stores_actual").replace(".0", ""));
    for (CSVRecord r : rows) {
      assertTrue(Float.parseFloat(r.get("stores_forecast")) > 0, "a log model forecasts > 0");
    }
  }

  @Test
  void badSeriesAreOneClearLineNamingFileLineAndColumn() throws Exception {
    List<String> lines = sales(40);
    lines.set(5, "2000-05,twelve,20"); // line 6
    Path bad = Files.write(dir.resolve("bad.csv"), lines);
    Path model = dir.resolve("m.safetensors");
    CliRun number = run("train", "--task", "forecast", "--data", bad.toString(), "--value", "sales",
        "--out", model.toString());
    assertEquals(1, number.code());
    assertTrue(number.err().startsWith("rnn4j: ") && number.err().contains("bad.csv:6")
        && number.err().contains("column \"sales\"") && number.err().contains("\"twelve\""),
        number.err());

    Path good = Files.write(dir.resolve("good.csv"), sales(40));
    CliRun column = run("train", "--task", "forecast", "--data", good.toString(), "--value", "sold",
        "--out", model.toString());
    assertTrue(column.err().contains("good.csv:1") && column.err().contains("\"sold\""),
        column.err());

    List<String> withZero = sales(40);
    withZero.set(8, "2000-08,0,20"); // line 9, data record 8
    Path zero = Files.write(dir.resolve("zero.csv"), withZero);
    CliRun log = run("train", "--task", "forecast", "--data", zero.toString(), "--value", "sales",
        "--log", "--out", model.toString());
    assertTrue(log.err().contains("zero.csv:record 8") && log.err().contains("\"sales\"")
        && log.err().contains("--log"), log.err());

    CliRun window = run("train", "--task", "forecast", "--data", good.toString(), "--value",
        "sales", "--window", "40", "--out", model.toString());
    assertTrue(window.err().contains("good.csv") && window.err().contains("--window 40"),
        window.err());
  }

  @Test
  void forecastOptionsThatDisagreeAreRejected() throws Exception {
    Path data = Files.write(dir.resolve("s.csv"), sales(40));
    Path model = dir.resolve("s.safetensors");
    assertEquals(0, run("train", "--task", "forecast", "--data", data.toString(), "--value",
        "sales", "--window", "4", "--epochs", "1", "--hidden", "4", "--out", model.toString())
        .code());
    CliRun r = run("forecast", "--model", model.toString(), "--data", data.toString(), "--horizon",
        "3", "--holdout", "4");
    assertEquals(2, r.code(), "a usage error");
    assertTrue(r.err().contains("--horizon 3 and --holdout 4 disagree"), r.err());
    CliRun all = run("forecast", "--model", model.toString(), "--data", data.toString(),
        "--holdout", "40");
    assertTrue(all.err().contains("s.csv") && all.err().contains("--holdout 40"), all.err());
    CliRun clobber = run("forecast", "--model", model.toString(), "--data", data.toString(),
        "--chart", data.toString());
    assertEquals(1, clobber.code());
    assertTrue(clobber.err().startsWith("rnn4j: --chart " + data + " is the same file as --data "
        + data + ": refusing to overwrite it"), clobber.err());
    assertEquals(sales(40), Files.readAllLines(data), "the data is untouched");
  }

  /** Daily counts with zeros: 3 + 3 sin(2πt/7) rounded, from 2001-01-01. */
  private static List<String> counts(int days) {
    List<String> lines = new ArrayList<>(List.of("day,visits"));
    LocalDate start = LocalDate.of(2001, 1, 1);
    for (int t = 0; t < days; t++) {
      lines.add(start.plusDays(t) + "," + Math.round(3 + 3 * Math.sin(2 * Math.PI * t / 7)));
    }
    return lines;
  }

  @Test
  void log1pTheTimeColumnAndTheWindowAreTheModelsOwn() throws Exception {
    Path data = Files.write(dir.resolve("visits.csv"), counts(70));
    Path model = dir.resolve("visits.safetensors");
    CliRun t = run("train", "--task", "forecast", "--data", data.toString(), "--value", "visits",
        "--time", "day", "--window", "7", "--horizon", "3", "--log1p", "--epochs", "3",
        "--hidden", "8", "--out", model.toString(), "--quiet");
    assertEquals(0, t.code(), t.err());
    assertTrue(t.err().contains("log1p, no differencing"), t.err());
    SeriesForecaster forecaster = SeriesForecaster.load(model);
    assertTrue(forecaster.config().transform().log1p());
    assertEquals(Optional.of("day"), forecaster.config().time());

    // no --time: the model's column, its daily step continued after 2001-03-11
    CliRun f = run("forecast", "--model", model.toString(), "--data", data.toString());
    assertEquals(0, f.code(), f.err());
    List<String> rows = f.out().lines().toList();
    assertEquals(List.of("step,time,forecast,seasonal_naive"), rows.subList(0, 1));
    assertEquals(List.of("1,2001-03-12", "2,2001-03-13", "3,2001-03-14"), rows.subList(1, 4)
        .stream().map(l -> l.substring(0, l.indexOf(',', 2))).toList());
    // the forecast is of the raw counts: log1p inverted (expm1), as the library returns it
    Features history = TimeSeriesFiles.read(data, Optional.empty(), Optional.empty(),
        List.of("visits")).values();
    Features expected = forecaster.forecast(history, 3);
    for (int k = 0; k < 3; k++) {
      assertEquals(expected.get(k, 0), Float.parseFloat(rows.get(k + 1).split(",")[2]));
      assertTrue(expected.get(k, 0) > -1, "expm1 of anything is above -1");
    }
    assertEquals("", f.err());

    // negative values are refused, naming file, record and column, in training and forecasting
    List<String> negative = counts(70);
    negative.set(9, "2001-01-09,-2");
    Path bad = Files.write(dir.resolve("negative.csv"), negative);
    CliRun refused = run("train", "--task", "forecast", "--data", bad.toString(), "--value",
        "visits", "--log1p", "--out", dir.resolve("x.safetensors").toString());
    assertEquals(1, refused.code());
    assertTrue(refused.err().startsWith("rnn4j: " + bad + ":record 9: --log1p needs values of 0"
        + " or more: expected a number ≥ 0 in column \"visits\", found -2.0"), refused.err());
    CliRun forecastBad = run("forecast", "--model", model.toString(), "--data", bad.toString());
    assertEquals(1, forecastBad.code());
    assertTrue(forecastBad.err().contains("the model's log1p transform needs values of 0 or"
        + " more"), forecastBad.err());
    CliRun both = run("train", "--task", "forecast", "--data", data.toString(), "--value",
        "visits", "--log", "--log1p", "--out", dir.resolve("x.safetensors").toString());
    assertEquals(2, both.code());
    assertTrue(both.err().contains("--log and --log1p exclude each other"), both.err());

    // a history shorter than the window: expected and actual length
    Path shortData = Files.write(dir.resolve("short.csv"), counts(5));
    CliRun tooShort = run("forecast", "--model", model.toString(), "--data",
        shortData.toString());
    assertEquals(1, tooShort.code());
    assertTrue(tooShort.err().startsWith("rnn4j: " + shortData + " is shorter than the model's"
        + " window: expected at least 7 steps (--window 7), got 5"), tooShort.err());
    CliRun heldTooMuch = run("forecast", "--model", model.toString(), "--data", data.toString(),
        "--holdout", "65");
    assertTrue(heldTooMuch.err().startsWith("rnn4j: " + data + ": the history before the last 65"
        + " steps is shorter than the model's window: expected at least 7 steps (--window 7),"
        + " got 5"), heldTooMuch.err());
    CliRun evalShort = run("eval", "--model", model.toString(), "--data", Files.write(
        dir.resolve("eight.csv"), counts(8)).toString());
    assertTrue(evalShort.err().contains("is shorter than the model's window: expected at least"
        + " 7 steps (--window 7), got 5"), evalShort.err());

    // irregular times: a note, and empty times
    List<String> irregular = counts(70);
    irregular.set(70, "2001-03-20,4");
    Path gappy = Files.write(dir.resolve("gappy.csv"), irregular);
    CliRun g = run("forecast", "--model", model.toString(), "--data", gappy.toString());
    assertEquals(0, g.code(), g.err());
    assertTrue(g.out().lines().skip(1).allMatch(l -> l.matches("\\d,,.*")), g.out());
    assertTrue(g.err().contains("the time column \"day\" of " + gappy + " does not step"
        + " regularly"), g.err());
  }
}
