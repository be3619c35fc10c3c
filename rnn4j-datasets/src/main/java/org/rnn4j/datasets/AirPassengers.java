package org.rnn4j.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.rnn4j.data.DataFormatException;
import org.rnn4j.data.Features;
import org.rnn4j.data.format.TimeSeries;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * International airline passengers, monthly totals in thousands, January 1949 to December 1960:
 * 144 months (Box and Jenkins' "Series G", R's AirPassengers), trend plus multiplicative yearly
 * season.
 *
 * <p>Source: Debian package {@code gretl-data} 2022c-1, file {@code
 * usr/share/gretl/data/misc/bjg.gdt} (gretl's XML data format, first variable {@code g}).
 * Licence: GPL-3 (the gretl package); the figures themselves are historical facts. {@code
 * data/fetch airpassengers} puts it at {@code data/cache/airpassengers/bjg.gdt}.
 */
public final class AirPassengers {
  /** Months in the series. */
  public static final int MONTHS = 144;

  private AirPassengers() {}

  /**
   * Loads the series from the cache.
   *
   * @param cache where data/fetch put it
   * @return one value "passengers" per month, time stamps "1949-01" … "1960-12"
   * @throws IOException if the set is missing (run data/fetch) or malformed
   */
  public static TimeSeries load(DataCache cache) throws IOException {
    return read(cache.require("airpassengers", "bjg.gdt"));
  }

  /**
   * Reads the first variable of a monthly gretl {@code .gdt} file.
   *
   * @param gdt the file (uncompressed XML)
   * @return the series
   * @throws IOException on a read error, or {@link DataFormatException} naming the observation
   *     that is missing or not a number
   */
  public static TimeSeries read(Path gdt) throws IOException {
    Document doc = parse(gdt);
    Element root = doc.getDocumentElement();
    String start = root.getAttribute("startobs"); // "1949:01"
    if (!"12".equals(root.getAttribute("frequency")) || !start.matches("\\d{4}:\\d{2}")) {
      throw new DataFormatException(gdt, "element gretldata", "expected monthly data "
          + "(frequency=\"12\", startobs=\"YYYY:MM\"), found frequency=\""
          + root.getAttribute("frequency") + "\" startobs=\"" + start + "\"");
    }
    NodeList obs = doc.getElementsByTagName("obs");
    float[] values = new float[obs.getLength()];
    List<String> times = new ArrayList<>(values.length);
    int year = Integer.parseInt(start.substring(0, 4));
    int month = Integer.parseInt(start.substring(5));
    for (int i = 0; i < values.length; i++) {
      String[] fields = obs.item(i).getTextContent().strip().split("\\s+");
      try {
        values[i] = Float.parseFloat(fields[0]);
      } catch (NumberFormatException e) {
        throw new DataFormatException(gdt, "observation " + (i + 1), "expected a number, found \""
            + fields[0] + "\"", e);
      }
      int m = month - 1 + i;
      times.add(String.format("%04d-%02d", year + m / 12, m % 12 + 1));
    }
    return new TimeSeries(List.of("passengers"), times, new Features(values, 1));
  }

  private static Document parse(Path gdt) throws IOException {
    try (InputStream in = Files.newInputStream(gdt)) {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      DocumentBuilder b = f.newDocumentBuilder();
      return b.parse(in);
    } catch (ParserConfigurationException | SAXException e) {
      throw new DataFormatException(gdt, "XML", "expected a gretl XML data file: "
          + e.getMessage(), e);
    }
  }
}
