package org.rnn4j.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;

/** Every {@link FamilyColumns} on the class path, by family name, found once. */
final class FamilyColumnsRegistry {
  private static final Map<String, FamilyColumns> BY_FAMILY = load();

  private FamilyColumnsRegistry() {}

  private static Map<String, FamilyColumns> load() {
    Map<String, FamilyColumns> byName = new LinkedHashMap<>();
    for (FamilyColumns c : ServiceLoader.load(FamilyColumns.class,
        FamilyColumns.class.getClassLoader())) {
      byName.putIfAbsent(c.family(), c);
    }
    return byName;
  }

  static FamilyColumns named(String family) {
    FamilyColumns c = BY_FAMILY.get(family);
    if (c == null) {
      throw new IllegalArgumentException("rnn4j-spark cannot predict with '" + family
          + "' models: it predicts with " + String.join(", ", BY_FAMILY.keySet()) + " models");
    }
    return c;
  }
}
