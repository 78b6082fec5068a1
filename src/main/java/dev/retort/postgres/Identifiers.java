package dev.retort.postgres;

import dev.retort.schema.QualifiedName;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Spells identifiers exactly as PostgreSQL's {@code quote_ident()} does: unquoted when the name is
 * a plain lower-case identifier that is not a reserved, column-name or type/function-name keyword,
 * double-quoted otherwise. Matching PostgreSQL keeps generated code and SQL free of needless quotes
 * while never leaving {@code user}, {@code order} or {@code MixedCase} unquoted. The keywords are
 * those of the newest supported release, a superset of every older one's (12 to 16 lack the
 * SQL/JSON words such as {@code json}), so the same SQL is right on every server.
 */
public final class Identifiers {

  private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_]*");
  private static final Set<String> KEYWORDS = loadKeywords();

  private Identifiers() {}

  public static String quote(String name) {
    if (name.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("an identifier cannot contain a NUL character");
    }
    if (PLAIN.matcher(name).matches() && !KEYWORDS.contains(name)) {
      return name;
    }
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  public static String qualified(QualifiedName name) {
    return name.schema() == null
        ? quote(name.name())
        : quote(name.schema()) + "." + quote(name.name());
  }

  public static boolean needsQuotes(String name) {
    return !quote(name).equals(name);
  }

  private static Set<String> loadKeywords() {
    Set<String> words = new HashSet<>();
    try (InputStream in = Identifiers.class.getResourceAsStream("keywords.txt");
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String word = line.trim();
        if (!word.isEmpty() && !word.startsWith("#")) {
          words.add(word);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(words);
  }
}
