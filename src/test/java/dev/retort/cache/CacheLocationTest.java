package dev.retort.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheLocationTest {

  @TempDir Path temp;

  @Test
  void anExplicitDirectoryWinsAsGiven() {
    assertEquals(
        Path.of("/some/where"),
        CacheLocation.resolve(
            Map.of("RETORT_CACHE_DIR", "/some/where", "XDG_CACHE_HOME", temp.toString())));
  }

  @Test
  void xdgThenHome() {
    assertEquals(
        temp.resolve("xdg/retort"),
        CacheLocation.resolve(
            Map.of(
                "XDG_CACHE_HOME",
                temp.resolve("xdg").toString(),
                "HOME",
                temp.resolve("home").toString())));
    assertEquals(
        temp.resolve("home/.cache/retort"),
        CacheLocation.resolve(Map.of("HOME", temp.resolve("home").toString())));
  }

  @Test
  void anUnwritableHomeFallsThroughToTheNextCandidate() throws Exception {
    Path file = Files.writeString(temp.resolve("a-file"), "not a directory");
    assertEquals(
        temp.resolve("home/.cache/retort"),
        CacheLocation.resolve(
            Map.of("XDG_CACHE_HOME", file.toString(), "HOME", temp.resolve("home").toString())));
  }

  @Test
  void withNoWritableCandidateARunGetsAPrivateTemporaryDirectory() throws Exception {
    Path file = Files.writeString(temp.resolve("a-file"), "not a directory");
    Path chosen = CacheLocation.resolve(Map.of("HOME", file.toString()), file.toString());
    assertTrue(chosen.getFileName().toString().startsWith("retort-cache-"), chosen.toString());
    assertTrue(Files.isDirectory(chosen) && Files.isWritable(chosen), chosen.toString());
  }
}
