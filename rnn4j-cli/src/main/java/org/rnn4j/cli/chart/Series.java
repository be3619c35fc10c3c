package org.rnn4j.cli.chart;

import java.util.Map;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Named (x, y) points as a JFreeChart dataset. */
final class Series {
  private Series() {}

  /**
   * @param series name → points, each (N, 2): x then y
   * @param positiveOnly whether points with y ≤ 0 are left out too (for a log axis)
   * @return one series per name, in the map's order; points whose y is not finite left out
   */
  static XYSeriesCollection collection(Map<String, double[][]> series, boolean positiveOnly) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (Map.Entry<String, double[][]> e : series.entrySet()) {
      XYSeries s = new XYSeries(e.getKey(), false, true);
      for (double[] p : e.getValue()) {
        if (Double.isFinite(p[1]) && (!positiveOnly || p[1] > 0)) {
          s.add(p[0], p[1]);
        }
      }
      data.addSeries(s);
    }
    return data;
  }
}
