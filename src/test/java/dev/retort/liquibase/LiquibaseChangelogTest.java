package dev.retort.liquibase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.error.RetortException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Changelogs in each of Liquibase's formats, read by Liquibase: changesets in run order with the
 * SQL Liquibase writes for PostgreSQL, their rollbacks, and what the import cannot carry over.
 */
class LiquibaseChangelogTest {

  @TempDir Path dir;

  private static final String XML_HEAD =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          + "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"\n"
          + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
          + " xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog"
          + " http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd\">\n";

  private Path write(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  @Test
  void everyFormatAndIncludeIsReadInRunOrder() throws Exception {
    Path master =
        write(
            "db/master.xml",
            XML_HEAD
                + "<changeSet id=\"1\" author=\"ada\">\n"
                + " <createTable tableName=\"customer\">\n"
                + "  <column name=\"id\" type=\"bigint\"><constraints primaryKey=\"true\"/></column>\n"
                + " </createTable>\n"
                + "</changeSet>\n"
                + "<include file=\"more.yaml\" relativeToChangelogFile=\"true\"/>\n"
                + "<include file=\"more.json\" relativeToChangelogFile=\"true\"/>\n"
                + "<includeAll path=\"scripts/\" relativeToChangelogFile=\"true\"/>\n"
                + "</databaseChangeLog>\n");
    write(
        "db/more.yaml",
        "databaseChangeLog:\n"
            + "  - changeSet:\n"
            + "      id: 2\n"
            + "      author: ada\n"
            + "      changes:\n"
            + "        - addColumn:\n"
            + "            tableName: customer\n"
            + "            columns:\n"
            + "              - column: {name: email, type: text}\n");
    write(
        "db/more.json",
        "{\"databaseChangeLog\": [{\"changeSet\": {\"id\": \"3\", \"author\": \"ada\","
            + " \"changes\": [{\"createIndex\": {\"tableName\": \"customer\", \"indexName\":"
            + " \"customer_email\", \"columns\": [{\"column\": {\"name\": \"email\"}}]}}]}}]}\n");
    write(
        "db/scripts/001_view.sql",
        "--liquibase formatted sql\n"
            + "--changeset bob:4\n"
            + "CREATE VIEW customer_emails AS SELECT email FROM customer;\n"
            + "--rollback DROP VIEW customer_emails;\n"
            + "--changeset bob:5 runInTransaction:false\n"
            + "CREATE INDEX CONCURRENTLY customer_id ON customer (id);\n");

    LiquibaseChangelog.Read read = LiquibaseChangelog.read(master, List.of(dir));
    List<Changeset> changesets = read.changesets();
    assertEquals(
        List.of(
            "1::ada::db/master.xml",
            "2::ada::db/more.yaml",
            "3::ada::db/more.json",
            "4::bob::db/scripts/001_view.sql",
            "5::bob::db/scripts/001_view.sql"),
        changesets.stream().map(Changeset::identity).toList());
    assertEquals(
        List.of(
            "CREATE TABLE customer (id BIGINT NOT NULL, CONSTRAINT customer_pkey PRIMARY KEY"
                + " (id))"),
        changesets.get(0).upgrade());
    assertEquals(List.of("DROP TABLE customer"), changesets.get(0).downgrade());
    assertEquals(List.of("ALTER TABLE customer ADD email TEXT"), changesets.get(1).upgrade());
    assertEquals(List.of("ALTER TABLE customer DROP COLUMN email"), changesets.get(1).downgrade());
    assertEquals(List.of("DROP INDEX customer_email"), changesets.get(2).downgrade());
    assertEquals(List.of("DROP VIEW customer_emails"), changesets.get(3).downgrade());
    assertTrue(changesets.get(3).transactional());

    Changeset concurrent = changesets.get(4);
    assertFalse(concurrent.transactional());
    assertNull(concurrent.downgrade(), "formatted SQL without a rollback has none");
    assertTrue(concurrent.whyIrreversible().contains("5::bob"), concurrent.whyIrreversible());
    assertTrue(concurrent.checksum().startsWith("9:"), concurrent.checksum());
    assertTrue(concurrent.accepts(concurrent.checksum()));
    assertTrue(concurrent.accepts(null), "a cleared checksum is accepted, as Liquibase does");
    assertFalse(concurrent.accepts("9:00000000000000000000000000000000"));
    assertTrue(read.warnings().isEmpty(), read.warnings().toString());
  }

  @Test
  void runTimeDecisionsAreNamedAndOtherDatabasesSkipped() throws Exception {
    Path master =
        write(
            "changelog.xml",
            XML_HEAD
                + "<changeSet id=\"1\" author=\"ada\" context=\"prod\" labels=\"v1\""
                + " runOnChange=\"true\">\n"
                + " <preConditions onFail=\"MARK_RAN\"><tableExists tableName=\"t\"/></preConditions>\n"
                + " <sql>UPDATE t SET a = 1; UPDATE t SET b = 2</sql>\n"
                + " <rollback><sql>UPDATE t SET a = 0</sql></rollback>\n"
                + "</changeSet>\n"
                + "<changeSet id=\"2\" author=\"ada\" dbms=\"mysql\">\n"
                + " <sql>SET foo = 1</sql>\n"
                + "</changeSet>\n"
                + "<changeSet id=\"3\" author=\"ada\">\n"
                + " <sql>SELECT 1</sql>\n"
                + "</changeSet>\n"
                + "</databaseChangeLog>\n");
    LiquibaseChangelog.Read read = LiquibaseChangelog.read(master, List.of());
    assertEquals(2, read.changesets().size());
    Changeset first = read.changesets().get(0);
    assertEquals(List.of("UPDATE t SET a = 1", "UPDATE t SET b = 2"), first.upgrade());
    assertEquals(List.of("UPDATE t SET a = 0"), first.downgrade());
    assertEquals(
        List.of(
            "its preconditions", "context prod", "labels v1", "runOnChange (imported to run once)"),
        first.notImported());
    assertEquals(
        List.of("changeset 2::ada::changelog.xml is for dbms mysql, not PostgreSQL: not imported"),
        read.warnings());
    Changeset raw = read.changesets().get(1);
    assertNull(raw.downgrade(), "a <sql> change has no automatic rollback");
  }

  @Test
  void aMissingOrBrokenChangelogIsOneLineOfInvalidInput() throws Exception {
    RetortException missing =
        assertThrows(
            RetortException.class,
            () -> LiquibaseChangelog.read(dir.resolve("nope.xml"), List.of()));
    assertTrue(missing.getMessage().contains("nope.xml does not exist"), missing.getMessage());
    Path broken = write("broken.xml", XML_HEAD + "<changeSet id=\"1\" author=\"a\"><bogus/>");
    RetortException unreadable =
        assertThrows(RetortException.class, () -> LiquibaseChangelog.read(broken, List.of()));
    assertTrue(
        unreadable.getMessage().startsWith("Liquibase cannot read the changelog"),
        unreadable.getMessage());
    assertFalse(unreadable.getMessage().contains("\n"), unreadable.getMessage());
  }

  @Test
  void whatOnlyTheLiveDatabaseCouldWriteIsAnOpenQuestion() throws Exception {
    Path master =
        write(
            "changelog.xml",
            XML_HEAD
                + "<changeSet id=\"1\" author=\"ada\">\n"
                + " <dropAllForeignKeyConstraints baseTableName=\"purchase\"/>\n"
                + "</changeSet>\n"
                + "<changeSet id=\"2\" author=\"ada\">\n"
                + " <loadData tableName=\"country\" file=\"countries.csv\""
                + " relativeToChangelogFile=\"true\"/>\n"
                + "</changeSet>\n"
                + "</databaseChangeLog>\n");
    write("countries.csv", "code,name\nFR,France\n");
    List<Changeset> changesets = LiquibaseChangelog.read(master, List.of()).changesets();
    assertEquals(
        List.of("INSERT INTO country (code, name) VALUES ('FR', 'France');"),
        changesets.get(1).upgrade(),
        "what update-sql writes offline is imported");
    assertEquals(List.of(), changesets.get(1).openQuestions());
    Changeset changeset = changesets.get(0);
    assertEquals(List.of(), changeset.upgrade());
    assertEquals(1, changeset.openQuestions().size(), changeset.toString());
    assertTrue(
        changeset.openQuestions().get(0).contains("from the live database only"),
        changeset.openQuestions().get(0));
  }

  @Test
  void aMissingIncludeIsNamedWithoutLiquibaseClassNames() throws Exception {
    Path master =
        write(
            "changelog.xml", XML_HEAD + "<include file=\"missing.xml\"/>\n</databaseChangeLog>\n");
    RetortException error =
        assertThrows(RetortException.class, () -> LiquibaseChangelog.read(master, List.of()));
    assertTrue(
        error.getMessage().contains(": The file missing.xml was not found"), error.getMessage());
    assertFalse(error.getMessage().contains("liquibase.exception"), error.getMessage());
  }
}
