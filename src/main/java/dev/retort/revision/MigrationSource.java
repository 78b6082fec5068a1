package dev.retort.revision;

import java.util.List;

/** Where migrations come from: a directory of sources, or classes on an application's classpath. */
public interface MigrationSource {

  List<MigrationScript> load();

  /** Where they are, for messages: a directory, or a package. */
  String describe();

  /** Whether the place exists at all (a directory may be missing; a package is just empty). */
  default boolean exists() {
    return true;
  }
}
