package dev.retort.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which extension PostgreSQL's errors point at, as each supported version words them. */
class ExtensionsTest {

  @Test
  void aMissingTypeIsNamedWithoutItsSchema() {
    assertEquals(
        Optional.of("vector"),
        Extensions.undefinedType(
            new SQLException("ERROR: type \"vector\" does not exist\n  Position: 40", "42704")));
    assertEquals(
        Optional.of("geometry"),
        Extensions.undefinedType(
            new SQLException("ERROR: type \"public.geometry\" does not exist", "42704")));
    assertEquals(
        Optional.empty(),
        Extensions.undefinedType(
            new SQLException("ERROR: collation \"x\" does not exist", "42704")));
  }

  @Test
  void anUnavailableExtensionIsNamedAsPostgreSql15AndEarlierWordIt() {
    assertEquals(
        Optional.of("vector"),
        Extensions.unavailableExtension(
            new SQLException(
                "ERROR: extension \"vector\" is not available\n  Detail: Could not open extension"
                    + " control file \"/usr/share/postgresql/17/extension/vector.control\"",
                "0A000")));
    assertEquals(
        Optional.of("postgis"),
        Extensions.unavailableExtension(
            new SQLException(
                "ERROR: could not open extension control file"
                    + " \"/usr/share/postgresql/13/extension/postgis.control\": No such file or"
                    + " directory",
                "58P01")));
  }

  @Test
  void typesOfWellKnownExtensions() {
    assertEquals(Optional.of("postgis"), Extensions.providerOf("geography"));
    assertEquals(Optional.of("vector"), Extensions.providerOf("halfvec"));
    assertEquals(Optional.empty(), Extensions.providerOf("mood"));
  }

  @Test
  void aReplayFailureOfAnotherKindIsLeftAsItWas() {
    RetortException failure =
        new RetortException(
            ExitCode.MIGRATION_FAILED,
            "upgrade of a1 (M1.java), step 1 of 1 failed at: ...",
            "fix the migration",
            new SQLException("ERROR: relation \"users\" does not exist", "42P01"));
    assertSame(failure, Extensions.explainReplay(failure, "the embedded PostgreSQL"));
  }
}
