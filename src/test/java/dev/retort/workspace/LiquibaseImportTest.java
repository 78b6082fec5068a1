package dev.retort.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import dev.retort.liquibase.Changeset;
import dev.retort.testing.PostgresExtension;
import dev.retort.testing.TestDatabase;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Where a database Liquibase migrated is stamped: matching {@code DATABASECHANGELOG} rows to the
 * changelog's changesets as Liquibase's various runners record them, on a real history table.
 */
@ExtendWith(PostgresExtension.class)
class LiquibaseImportTest {

  private static Changeset changeset(String id, String file, String checksum) {
    return new Changeset(
        id,
        "ada",
        file,
        "sql",
        checksum,
        Set.of(checksum),
        false,
        List.of("SELECT 1"),
        List.of(),
        null,
        "no rollback",
        true,
        List.of());
  }

  private static final List<Changeset> CHANGELOG =
      List.of(
          changeset("1", "db/changelog/master.xml", "9:a"),
          changeset("2", "db/changelog/master.xml", "9:b"),
          changeset("3", "db/changelog/more.yaml", "9:c"));

  private static void history(TestDatabase db, String... rows) {
    List<String> statements = new ArrayList<>();
    statements.add(
        "CREATE TABLE databasechangelog (id varchar(255) NOT NULL, author varchar(255) NOT NULL,"
            + " filename varchar(255) NOT NULL, dateexecuted timestamp NOT NULL, orderexecuted"
            + " integer NOT NULL, exectype varchar(10) NOT NULL, md5sum varchar(35))");
    for (int i = 0; i < rows.length; i++) {
      String[] row = rows[i].split(",", -1);
      statements.add(
          String.format(
              "INSERT INTO databasechangelog VALUES ('%s', 'ada', '%s', now(), %d, '%s', %s)",
              row[0], row[1], i + 1, row[2], row[3].isEmpty() ? "NULL" : "'" + row[3] + "'"));
    }
    db.execute(statements.toArray(String[]::new));
  }

  private static String stamp(TestDatabase db, List<String> warnings) throws Exception {
    try (Connection connection = db.connect()) {
      return new LiquibaseImport(null)
          .stampTarget(connection, "databasechangelog", CHANGELOG, warnings);
    }
  }

  @Test
  void filenamesMatchAsEachRunnerRecordsThemAndAnEditedChangesetStops(TestDatabase db)
      throws Exception {
    history(
        db,
        "1,classpath:/db/changelog/master.xml,EXECUTED,9:a",
        "2,src/main/resources/db/changelog/master.xml,MARK_RAN,",
        "3,db/changelog/more.yaml,EXECUTED,9:c");
    List<String> warnings = new ArrayList<>();
    assertEquals("lb_003_3", stamp(db, warnings));
    assertEquals(List.of(), warnings);

    db.execute("UPDATE databasechangelog SET md5sum = '8:older' WHERE id = '3'");
    RetortException edited = assertThrows(RetortException.class, () -> stamp(db, warnings));
    assertEquals(ExitCode.INVALID_INPUT, edited.exitCode());
    assertTrue(
        edited.getMessage().contains("checksum of changeset 3::ada::db/changelog/more.yaml"),
        edited.getMessage());
    assertTrue(edited.hint().contains("<validCheckSum>8:older</validCheckSum>"), edited.hint());
  }

  @Test
  void theLastAppliedChangesetInChangelogOrderIsTheStampAndGapsAreSaid(TestDatabase db)
      throws Exception {
    history(
        db,
        "1,db/changelog/master.xml,EXECUTED,9:a",
        "3,db/changelog/more.yaml,EXECUTED,9:c",
        "9,db/changelog/gone.xml,EXECUTED,9:z");
    List<String> warnings = new ArrayList<>();
    assertEquals("lb_003_3", stamp(db, warnings));
    assertEquals(2, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).contains("9::ada::db/changelog/gone.xml"), warnings.toString());
    assertTrue(
        warnings.get(1).startsWith("Liquibase did not apply changeset 2::ada"),
        warnings.toString());
  }

  @Test
  void noHistoryTableIsNoStamp(TestDatabase db) throws Exception {
    List<String> warnings = new ArrayList<>();
    assertNull(stamp(db, warnings));
    assertEquals(
        List.of("the database has no Liquibase history (databasechangelog): not stamped"),
        warnings);
  }

  @Test
  void revisionIdsKeepChangelogOrderAndFitThirtyTwoCharacters() {
    Changeset longId = changeset("2024-01-15 add the customer's e-mail address", "x.xml", "9:x");
    assertEquals("lb_007_2024_01_15_add_the_custom", LiquibaseImport.revisionId(7, 12, longId));
    assertEquals("lb_0042", LiquibaseImport.revisionId(42, 1000, changeset("--", "x.xml", "9:x")));
  }
}
