package dev.retort.discovery;

import dev.retort.error.RetortException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * One application settings file ({@code application.properties} or {@code .yml}/{@code .yaml}) as
 * its documents: flat {@code dotted.key=value} maps in file order, each with the profiles it is
 * activated by. A YAML file's {@code ---} documents and a properties file's {@code #---} documents
 * are Spring Boot's multi-document files; Quarkus' {@code %profile.key} entries become a document
 * of that profile, after the file's own (Quarkus lets them win).
 */
final class SettingsFile {

  /** Spring Boot's document activation key. */
  static final String ON_PROFILE = "spring.config.activate.on-profile";

  /**
   * @param activation the profile expression that activates the document, or null when it always
   *     applies
   */
  record Document(Map<String, String> values, String activation) {}

  private SettingsFile() {}

  /**
   * @param display the file as messages name it
   */
  static List<Document> read(Path file, String display) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw RetortException.invalidInput(
          "cannot read " + display + ": " + e.getMessage(), "check the file's permissions");
    }
    List<Map<String, String>> documents =
        file.getFileName().toString().endsWith(".properties")
            ? properties(text, display)
            : yaml(text, display);
    List<Document> out = new ArrayList<>();
    Map<String, Map<String, String>> quarkusProfiles = new LinkedHashMap<>();
    for (Map<String, String> values : documents) {
      Map<String, String> plain = new LinkedHashMap<>();
      values.forEach(
          (key, value) -> {
            int dot = key.indexOf('.');
            if (key.startsWith("%") && dot > 1) {
              quarkusProfiles
                  .computeIfAbsent(key.substring(1, dot), p -> new LinkedHashMap<>())
                  .put(key.substring(dot + 1), value);
            } else {
              plain.put(key, value);
            }
          });
      plain.keySet().removeIf(key -> key.startsWith(ON_PROFILE + "["));
      out.add(new Document(plain, plain.remove(ON_PROFILE)));
    }
    quarkusProfiles.forEach((profile, values) -> out.add(new Document(values, profile)));
    return out;
  }

  private static List<Map<String, String>> properties(String text, String display) {
    List<Map<String, String>> documents = new ArrayList<>();
    for (String part : text.split("(?m)^[#!]---\\s*$")) {
      Properties properties = new Properties();
      try {
        properties.load(new StringReader(part));
      } catch (IOException | IllegalArgumentException e) {
        throw RetortException.invalidInput(
            "cannot read " + display + ": " + e.getMessage(), "check the file's syntax");
      }
      Map<String, String> values = new LinkedHashMap<>();
      properties.stringPropertyNames().stream()
          .sorted()
          .forEach(key -> values.put(key, properties.getProperty(key).trim()));
      documents.add(values);
    }
    return documents;
  }

  private static List<Map<String, String>> yaml(String text, String display) {
    List<Map<String, String>> documents = new ArrayList<>();
    try {
      for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text)) {
        Map<String, String> values = new LinkedHashMap<>();
        if (document instanceof Map<?, ?> map) {
          flatten("", map, values);
        } else if (document != null) {
          throw RetortException.invalidInput(
              display + " is not a map of settings (it holds a " + kind(document) + ")",
              "write settings as key: value lines");
        }
        documents.add(values);
      }
    } catch (MarkedYAMLException e) {
      throw RetortException.invalidInput(
          "cannot read "
              + display
              + ": "
              + e.getProblem()
              + " at line "
              + (e.getProblemMark().getLine() + 1)
              + ", column "
              + (e.getProblemMark().getColumn() + 1),
          "fix the YAML there (Spring Boot would refuse to start too)");
    } catch (YAMLException e) {
      throw RetortException.invalidInput(
          "cannot read " + display + ": " + e.getMessage().lines().findFirst().orElse(""),
          "fix the YAML (Spring Boot would refuse to start too)");
    }
    return documents;
  }

  /**
   * Nested maps become dotted keys and lists {@code key[0]}, as Spring Boot flattens them; a list
   * of plain values is also its comma-separated whole, as Spring Boot binds lists from one string.
   * A {@code [dotted.key]} map key keeps its dots.
   */
  private static void flatten(String prefix, Object value, Map<String, String> out) {
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String key = String.valueOf(entry.getKey());
        if (key.startsWith("[") && key.endsWith("]")) {
          key = key.substring(1, key.length() - 1);
        }
        flatten(prefix.isEmpty() ? key : prefix + "." + key, entry.getValue(), out);
      }
    } else if (value instanceof List<?> list) {
      List<String> plain = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        Object item = list.get(i);
        flatten(prefix + "[" + i + "]", item, out);
        if (!(item instanceof Map) && !(item instanceof List)) {
          plain.add(item == null ? "" : String.valueOf(item));
        }
      }
      if (plain.size() == list.size()) {
        out.put(prefix, String.join(",", plain));
      }
    } else {
      out.put(prefix, value == null ? "" : String.valueOf(value).trim());
    }
  }

  private static String kind(Object document) {
    return document instanceof List ? "list" : "single value";
  }
}
