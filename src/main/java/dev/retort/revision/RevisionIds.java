package dev.retort.revision;

import dev.retort.error.RetortException;
import java.util.regex.Pattern;

/**
 * What a revision id may be: letters, digits and underscores, at most 64 characters, which is what
 * the version table's column holds and what every command line accepts unquoted.
 */
public final class RevisionIds {

  public static final int MAX_LENGTH = 64;
  private static final Pattern USABLE = Pattern.compile("[A-Za-z0-9_]{1," + MAX_LENGTH + "}");

  private RevisionIds() {}

  public static boolean isUsable(String id) {
    return id != null && USABLE.matcher(id).matches();
  }

  /** Fails (exit 2) for an id a user typed that is not usable. */
  public static void requireUsable(String id, String what) {
    if (!isUsable(id)) {
      throw RetortException.invalidInput(
          what + " '" + id + "' is not usable",
          "use letters, digits and underscores (at most " + MAX_LENGTH + ")");
    }
  }
}
