package dev.retort.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes database text safe inside a Java comment. javac translates {@code \}{@code uXXXX} escapes
 * before it sees comments, so a name holding one could end the comment (or the line) and turn the
 * rest into code; a line break would do the same to a {@code //} comment.
 */
final class JavaComments {

  /** A {@code u} after an odd run of backslashes starts a Unicode escape. */
  private static final Pattern UNICODE_ESCAPE = Pattern.compile("(?<!\\\\)((?:\\\\\\\\)*)\\\\u");

  private JavaComments() {}

  static String safe(String text) {
    String oneLine = text.replaceAll("\\R", " ");
    return UNICODE_ESCAPE
        .matcher(oneLine)
        .replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "\\\\u"));
  }
}
