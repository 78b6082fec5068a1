package dev.retort.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The suite runs on the PostgreSQL major the build asked for: the default embedded one, or in the
 * matrix profile each major in turn. Without this, a mistake in the profile's class path would
 * quietly test the default major seven times.
 */
@ExtendWith(PostgresExtension.class)
class TestServerTest {

  @Test
  void runsOnTheRequestedMajor(TestDatabase db) {
    String expected = System.getProperty("retort.expectedPostgresMajor");
    String external = System.getenv("RETORT_TEST_DATABASE_URL");
    assumeTrue(
        expected != null && (external == null || external.isBlank()),
        "an external server is whatever it is");
    assertEquals(Integer.parseInt(expected), db.serverMajor());
  }
}
