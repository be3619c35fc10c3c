package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The jars that the build makes, opened as a user (or Maven Central) gets them: every published
 * module's main, sources and javadoc jar holds META-INF/LICENSE, and its main jar names its
 * Automatic-Module-Name; the runnable rnn4j.jar also holds a NOTICE that names every third-party
 * component bundled in it with its licence (JFreeChart under the LGPL, whose text is there) and
 * reproduces their NOTICE files. Run by Failsafe after {@code package} (a sources or javadoc jar
 * that {@code -Dmaven.source.skip} or {@code -Dmaven.javadoc.skip} leaves out is not looked for).
 */
class PackagedJarsIT {
  private static final Path ROOT = Path.of(System.getProperty("rnn4j.root", "..")).normalize();
  private static final String VERSION = System.getProperty("rnn4j.version");
  /** The modules whose jars exist whenever this module is packaged: it depends on them. */
  private static final List<String> REQUIRED = List.of("rnn4j-core", "rnn4j-datasets", "rnn4j-cli");

  @Test
  void everyPublishedJarHasTheLicenceAndAModuleName() throws IOException {
    assertNotNull(VERSION, "the build passes rnn4j.version");
    byte[] license = Files.readAllBytes(ROOT.resolve("LICENSE"));
    List<String> checked = new ArrayList<>();
    for (String module : modules()) {
      String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"));
      if (property(pom, "maven.deploy.skip").orElse("false").equals("true")) {
        continue; // not published (rnn4j-bench)
      }
      Path target = ROOT.resolve(module).resolve("target");
      Path main = target.resolve(module + "-" + VERSION + ".jar");
      if (!Files.exists(main)) {
        // a module built after this one in the reactor; its jars are checked when present
        assertFalse(REQUIRED.contains(module), "missing " + main);
        continue;
      }
      String name = property(pom, "automatic.module.name")
          .orElseThrow(() -> new AssertionError(module + "/pom.xml sets no automatic.module.name"));
      assertEquals(name, mainAttribute(main, "Automatic-Module-Name"), main.toString());
      for (String classifier : classifiers()) {
        Path jar = target.resolve(module + "-" + VERSION + classifier + ".jar");
        assertTrue(Files.exists(jar), "missing " + jar);
        assertArrayEquals(license, entry(jar, "META-INF/LICENSE"), jar + ": META-INF/LICENSE");
        checked.add(jar.getFileName().toString());
      }
    }
    assertTrue(checked.size() >= classifiers().size() * REQUIRED.size(), checked.toString());
  }

  /** The jars of each module: the main one, and the sources and javadoc unless skipped. */
  private static List<String> classifiers() {
    List<String> out = new ArrayList<>(List.of(""));
    if (!Boolean.getBoolean("rnn4j.source.skip")) {
      out.add("-sources");
    }
    if (!Boolean.getBoolean("rnn4j.javadoc.skip")) {
      out.add("-javadoc");
    }
    return out;
  }

  @Test
  void theRunnableJarNamesEveryBundledComponentAndItsLicence() throws IOException {
    Path jar = ROOT.resolve("rnn4j-cli/target/rnn4j.jar");
    assertTrue(Files.exists(jar), "missing " + jar);
    assertArrayEquals(Files.readAllBytes(ROOT.resolve("LICENSE")), entry(jar, "META-INF/LICENSE"));
    assertEquals("org.rnn4j.cli", mainAttribute(jar, "Automatic-Module-Name"));
    assertEquals("org.rnn4j.cli.Main", mainAttribute(jar, "Main-Class"));
    String notice = new String(entry(jar, "META-INF/NOTICE"), StandardCharsets.UTF_8);
    assertTrue(notice.contains("JFreeChart"), notice);
    assertTrue(notice.contains("GNU Lesser General Public License"), notice);
    assertTrue(notice.contains("META-INF/licenses/LGPL-2.1.txt"), notice);
    String lgpl = new String(entry(jar, "META-INF/licenses/LGPL-2.1.txt"), StandardCharsets.UTF_8);
    assertTrue(lgpl.contains("GNU LESSER GENERAL PUBLIC LICENSE")
        && lgpl.contains("Version 2.1, February 1999"), "the LGPL 2.1 text");

    Map<String, String> bundled = bundledThirdParty(jar);
    assertTrue(bundled.containsKey("org.jfree:jfreechart"), bundled.toString());
    for (String coordinates : bundled.keySet()) {
      assertTrue(Pattern.compile("(?<![\\w.:-])" + Pattern.quote(coordinates) + "(?![\\w.:-])")
          .matcher(notice).find(),
          "rnn4j-cli/src/shade/META-INF/NOTICE does not name " + coordinates);
    }
    // One licence and one notice file: the dependencies' own copies are merged, not shadowed.
    try (JarFile j = new JarFile(jar.toFile())) {
      List<String> extra = j.stream().map(ZipEntry::getName)
          .filter(n -> n.matches("(?i)(META-INF/)?(LICENSE|NOTICE)(\\.txt|\\.md)?"))
          .filter(n -> !n.equals("META-INF/LICENSE") && !n.equals("META-INF/NOTICE")).toList();
      assertEquals(List.of(), extra);
      for (String named : List.of("META-INF/FastDoubleParser-LICENSE", "META-INF/Schubfach-LICENSE")) {
        if (notice.contains(named)) {
          assertNotNull(j.getEntry(named), named + " is named in the NOTICE");
        }
      }
    }
    // Apache License 2.0, section 4(d): each bundled NOTICE is reproduced, line for line.
    int notices = 0;
    for (String name : List.of("META-INF/NOTICE", "META-INF/NOTICE.txt")) {
      for (URL url : Collections.list(getClass().getClassLoader().getResources(name))) {
        String artifact = artifactOf(url);
        if (artifact == null || !bundled.containsValue(artifact)) {
          continue; // a test dependency, or one of rnn4j's own jars
        }
        notices++;
        try (InputStream in = url.openStream()) {
          for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
            if (!line.isBlank() && !notice.contains(line.strip())) {
              fail("rnn4j-cli/src/shade/META-INF/NOTICE lacks this line of " + artifact + "'s "
                  + name + ": " + line);
            }
          }
        }
      }
    }
    assertTrue(notices >= 4, "found the NOTICE files of Jackson and Commons CSV, IO and Codec");
  }

  /** groupId:artifactId → artifactId-version of every third-party Maven artifact shaded in. */
  private static Map<String, String> bundledThirdParty(Path jar) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (JarFile j = new JarFile(jar.toFile())) {
      for (ZipEntry e : Collections.list(j.entries())) {
        if (e.getName().startsWith("META-INF/maven/") && e.getName().endsWith("/pom.properties")) {
          Properties p = new Properties();
          try (InputStream in = j.getInputStream(e)) {
            p.load(in);
          }
          if (!p.getProperty("groupId").equals("org.rnn4j")) {
            out.put(p.getProperty("groupId") + ":" + p.getProperty("artifactId"),
                p.getProperty("artifactId") + "-" + p.getProperty("version"));
          }
        }
      }
    }
    return out;
  }

  /** artifactId-version of the jar a class-path resource comes from, or null. */
  private static String artifactOf(URL url) throws IOException {
    if (!"jar".equals(url.getProtocol())) {
      return null;
    }
    String file = ((JarURLConnection) url.openConnection()).getJarFileURL().getPath();
    String base = file.substring(file.lastIndexOf('/') + 1);
    return base.endsWith(".jar") ? base.substring(0, base.length() - 4) : null;
  }

  private static List<String> modules() throws IOException {
    String pom = Files.readString(ROOT.resolve("pom.xml"));
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(pom);
    while (m.find()) {
      out.add(m.group(1).trim());
    }
    assertTrue(out.containsAll(REQUIRED), out.toString());
    return out;
  }

  private static Optional<String> property(String pom, String name) {
    Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]*)</" + Pattern.quote(name)
        + ">").matcher(pom);
    return m.find() ? Optional.of(m.group(1).trim()) : Optional.empty();
  }

  private static byte[] entry(Path jar, String name) throws IOException {
    try (JarFile j = new JarFile(jar.toFile())) {
      ZipEntry e = j.getEntry(name);
      assertNotNull(e, jar + " has no " + name);
      try (InputStream in = j.getInputStream(e)) {
        return in.readAllBytes();
      }
    }
  }

  private static String mainAttribute(Path jar, String name) throws IOException {
    try (JarFile j = new JarFile(jar.toFile())) {
      Manifest m = j.getManifest();
      assertNotNull(m, jar + " has no manifest");
      return m.getMainAttributes().getValue(name);
    }
  }
}
