package dev.retort.cache;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/** Identifies this build of Retort, for caches: nothing computed by another build is trusted. */
public final class RetortBuild {

  private static final String ID = compute();

  private RetortBuild() {}

  public static String id() {
    return ID;
  }

  private static String compute() {
    try {
      URL location = RetortBuild.class.getProtectionDomain().getCodeSource().getLocation();
      Path path = Path.of(location.toURI());
      Path marker =
          Files.isDirectory(path) ? path.resolve("dev/retort/cache/RetortBuild.class") : path;
      return path + "@" + Files.getLastModifiedTime(marker).toMillis() + "/" + Files.size(marker);
    } catch (Exception e) {
      return "unknown";
    }
  }
}
