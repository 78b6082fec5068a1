package dev.retort.maven;

import java.util.List;

/**
 * Keeps the libraries' own logging out of the build log. On the command line it goes through
 * java.util.logging, which Retort turns off; inside Maven, the embedded server's SLF4J logging
 * (initdb's and the server's whole output) and Hibernate's reach Maven's SLF4J logger, which prints
 * every INFO line. Maven's logger takes a level per logger name from system properties ({@code
 * org.slf4j.simpleLogger.log.NAME}) when it creates the logger, so these are set before Retort
 * first loads the libraries. A level the user set ({@code -Dorg.slf4j...}) stays, and with {@code
 * mvn -X} nothing is quieted.
 */
final class LibraryLogging {

  private static final List<String> LIBRARIES = List.of("io.zonky", "org.hibernate");

  private LibraryLogging() {}

  static void quiet(boolean debug) {
    if (debug) {
      return;
    }
    for (String library : LIBRARIES) {
      String key = "org.slf4j.simpleLogger.log." + library;
      if (System.getProperty(key) == null) {
        System.setProperty(key, "error");
      }
    }
  }
}
