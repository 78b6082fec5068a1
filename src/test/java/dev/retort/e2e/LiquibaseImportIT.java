package dev.retort.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.testing.PostgresExtension;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.stream.Stream;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Arriving from Liquibase, through the packaged launcher: a database real Liquibase 4.33 updated
 * partway is taken over without running anything twice (stamped where Liquibase left it, checksums
 * checked, then upgraded by Retort); a fresh database built by the imported migrations has the
 * catalog Liquibase builds; an explicit rollback is the downgrade, a {@code <sql>} change without
 * one is irreversible; a {@code runInTransaction="false"} changeset runs CONCURRENTLY both ways.
 */
@ExtendWith(PostgresExtension.class)
class LiquibaseImportIT {

  @TempDir Path project;

  private static final String CHANGELOG =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
            http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
        <changeSet id="create-customer" author="shop">
          <createTable tableName="customer">
            <column name="id" type="bigint"><constraints primaryKey="true"/></column>
            <column name="name" type="varchar(200)"><constraints nullable="false" unique="true"/></column>
            <column name="status" type="varchar(20)" defaultValue="NEW"/>
          </createTable>
          <createTable tableName="purchase">
            <column name="id" type="bigint" autoIncrement="true"><constraints primaryKey="true"/></column>
            <column name="customer_id" type="bigint"><constraints nullable="false"/></column>
            <column name="total" type="numeric(10,2)"/>
          </createTable>
          <addForeignKeyConstraint baseTableName="purchase" baseColumnNames="customer_id"
              constraintName="purchase_customer_fk" referencedTableName="customer"
              referencedColumnNames="id"/>
          <createIndex tableName="purchase" indexName="purchase_customer">
            <column name="customer_id"/>
          </createIndex>
        </changeSet>
        <changeSet id="seed-customers" author="shop">
          <sql>INSERT INTO customer (id, name) VALUES (1, 'Ada'); INSERT INTO customer (id, name) VALUES (2, 'Grace')</sql>
        </changeSet>
        <changeSet id="add-email" author="shop">
          <addColumn tableName="customer">
            <column name="email" type="varchar(320)"/>
          </addColumn>
          <createIndex tableName="customer" indexName="customer_email" unique="true">
            <column name="email"/>
          </createIndex>
          <rollback>
            <dropIndex tableName="customer" indexName="customer_email"/>
            <dropColumn tableName="customer" columnName="email"/>
          </rollback>
        </changeSet>
        <changeSet id="index-status" author="shop" runInTransaction="false">
          <sql>CREATE INDEX CONCURRENTLY customer_status ON customer (status)</sql>
          <rollback>DROP INDEX CONCURRENTLY customer_status</rollback>
        </changeSet>
      </databaseChangeLog>
      """;

  /** What a schema is, object by object: columns, indexes and constraints of schema public. */
  private static final String CATALOG =
      "SELECT string_agg(line, E'\\n' ORDER BY line) FROM ("
          + " SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' '"
          + " || coalesce(character_maximum_length::text, '') || ' ' || is_nullable || ' '"
          + " || coalesce(column_default, '') AS line FROM information_schema.columns"
          + " WHERE table_schema = 'public'"
          + " UNION ALL SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'"
          + " UNION ALL SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' '"
          + " || pg_get_constraintdef(oid) FROM pg_constraint"
          + " WHERE connamespace = 'public'::regnamespace) catalog"
          + " WHERE line NOT LIKE '%databasechangelog%' AND line NOT LIKE '%retort_version%'";

  private void config(TestDatabase db) throws Exception {
    Files.writeString(
        project.resolve("retort.properties"),
        "url="
            + db.url().jdbcUrl()
            + "\nuser="
            + db.url().user()
            + "\nmigrations.dir=migrations\nmigrations.package=migrations\n");
  }

  /** Real Liquibase: {@code count} changesets of the changelog, or all with a negative count. */
  private void liquibaseUpdate(TestDatabase db, int count) throws Exception {
    try (Connection connection = db.connect();
        Liquibase liquibase =
            new Liquibase(
                "db/changelog.xml",
                new DirectoryResourceAccessor(project.toFile()),
                DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection)))) {
      if (count < 0) {
        liquibase.update(new Contexts(), new LabelExpression());
      } else {
        liquibase.update(count, new Contexts(), new LabelExpression());
      }
    }
  }

  @Test
  void aLiquibaseDatabaseIsTakenOverWhereLiquibaseLeftIt(TestDatabase liquibaseDb)
      throws Exception {
    Files.createDirectories(project.resolve("db"));
    Files.writeString(project.resolve("db/changelog.xml"), CHANGELOG);
    liquibaseUpdate(liquibaseDb, 2);

    config(liquibaseDb);
    Launcher retort = new Launcher(project);
    Launcher.Result imported = retort.run("import", "liquibase", "db/changelog.xml");
    assertEquals(0, imported.exitCode(), imported.toString());
    assertTrue(imported.out().contains("Imported 4 Liquibase migration(s)."), imported.toString());
    assertTrue(
        imported.out().contains("Stamped the database at lb_002_seed_customers"),
        imported.toString());
    assertTrue(imported.err().isBlank(), "nothing to warn about: " + imported);

    // The class records the changeset and the checksum Liquibase itself recorded for it.
    String md5 =
        liquibaseDb.queryOne("SELECT md5sum FROM databasechangelog WHERE id = 'create-customer'");
    String first;
    try (Stream<Path> files = Files.list(project.resolve("migrations"))) {
      Path source =
          files.filter(f -> f.getFileName().toString().startsWith("Lb001_")).findFirst().get();
      // The class comment is wrapped at the header width: read it as one line.
      first = Files.readString(source).replace("\n * ", " ");
    }
    assertTrue(first.contains("create-customer::shop::db/changelog.xml"), first);
    assertTrue(first.contains("(Liquibase checksum " + md5 + ")"), md5 + " in " + first);

    Launcher.Result upgrade = retort.run("upgrade", "head");
    assertEquals(0, upgrade.exitCode(), upgrade.toString());
    assertTrue(
        upgrade.out().contains("Running upgrade lb_002_seed_customers -> lb_003_add_email"),
        upgrade.toString());
    assertTrue(
        upgrade.out().contains("Running upgrade lb_003_add_email -> lb_004_index_status"),
        "CONCURRENTLY, outside a transaction: " + upgrade);
    assertTrue(!upgrade.out().contains("-> lb_001"), "nothing runs twice: " + upgrade);
    assertEquals("2", liquibaseDb.queryOne("SELECT count(*) FROM customer"));

    TestDatabase byLiquibase = TestServer.get().createDatabase();
    TestDatabase byRetort = TestServer.get().createDatabase();
    try {
      liquibaseUpdate(byLiquibase, -1);
      config(byRetort);
      Launcher.Result built = retort.run("upgrade", "head");
      assertEquals(0, built.exitCode(), built.toString());
      String catalog = byLiquibase.queryOne(CATALOG);
      assertTrue(catalog.contains("purchase_customer_fk"), catalog);
      assertEquals(catalog, byRetort.queryOne(CATALOG));
      assertEquals(catalog, liquibaseDb.queryOne(CATALOG));

      Launcher.Result rollback = retort.run("downgrade", "lb_002");
      assertEquals(0, rollback.exitCode(), rollback.toString());
      assertEquals(
          "0",
          byRetort.queryOne(
              "SELECT count(*) FROM information_schema.columns WHERE table_name = 'customer'"
                  + " AND column_name = 'email'"));
      assertEquals(
          "0",
          byRetort.queryOne("SELECT count(*) FROM pg_indexes WHERE indexname = 'customer_status'"));
      Launcher.Result irreversible = retort.run("downgrade", "base");
      assertEquals(5, irreversible.exitCode(), irreversible.toString());
      assertTrue(
          irreversible.err().contains("Liquibase has no rollback for changeset seed-customers"),
          irreversible.toString());
      assertEquals("2", byRetort.queryOne("SELECT count(*) FROM customer"));
    } finally {
      TestServer.get().dropDatabase(byLiquibase);
      TestServer.get().dropDatabase(byRetort);
    }
  }
}
