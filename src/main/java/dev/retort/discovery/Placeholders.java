package dev.retort.discovery;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Spring's {@code ${name}} and {@code ${name:default}} placeholders (defaults may hold placeholders
 * too). A name is looked up as Spring looks it up for an application started from a shell: the
 * environment variable of that name, then its relaxed form ({@code db.host} as {@code DB_HOST}),
 * then the application's own settings.
 */
final class Placeholders {

  /** A placeholder no variable or setting answers, and that has no default. */
  static final class Unresolved extends Exception {
    private final String name;

    Unresolved(String name) {
      super(name, null, false, false);
      this.name = name;
    }

    String name() {
      return name;
    }
  }

  private final Map<String, String> environment;
  private final Function<String, String> settings;
  private final Deque<String> resolving = new ArrayDeque<>();

  /**
   * @param settings the application's raw setting for a name, or null
   */
  Placeholders(Map<String, String> environment, Function<String, String> settings) {
    this.environment = environment;
    this.settings = settings;
  }

  String resolve(String value) throws Unresolved {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (at < value.length()) {
      int start = value.indexOf("${", at);
      if (start < 0) {
        out.append(value, at, value.length());
        break;
      }
      int end = closing(value, start);
      if (end < 0) {
        // An unclosed "${" is text, as Spring leaves it.
        out.append(value, at, value.length());
        break;
      }
      out.append(value, at, start);
      out.append(placeholder(value.substring(start + 2, end)));
      at = end + 1;
    }
    return out.toString();
  }

  private String placeholder(String body) throws Unresolved {
    int colon = separator(body);
    String name = (colon < 0 ? body : body.substring(0, colon)).trim();
    String found = lookup(name);
    if (found != null) {
      return found;
    }
    if (colon >= 0) {
      return resolve(body.substring(colon + 1));
    }
    throw new Unresolved(name);
  }

  private String lookup(String name) throws Unresolved {
    String value = environment.get(name);
    if (value == null) {
      value = environment.get(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
    }
    if (value != null) {
      return value;
    }
    String setting = settings.apply(name);
    if (setting == null || resolving.contains(name)) {
      return null;
    }
    resolving.push(name);
    try {
      return resolve(setting);
    } finally {
      resolving.pop();
    }
  }

  /** The index of the '}' closing the placeholder opened at {@code start}, or -1. */
  private static int closing(String value, int start) {
    int depth = 0;
    for (int i = start; i < value.length(); i++) {
      if (value.startsWith("${", i)) {
        depth++;
        i++;
      } else if (value.charAt(i) == '}' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /** The ':' between name and default, outside any nested placeholder; -1 when there is none. */
  private static int separator(String body) {
    int depth = 0;
    for (int i = 0; i < body.length(); i++) {
      if (body.startsWith("${", i)) {
        depth++;
        i++;
      } else if (body.charAt(i) == '}') {
        depth--;
      } else if (body.charAt(i) == ':' && depth == 0) {
        return i;
      }
    }
    return -1;
  }
}
