package dev.retort.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.Retort;
import dev.retort.cache.CachedCompiler;
import dev.retort.revision.SourceMigrations;
import dev.retort.testing.MigrationSourceFiles;
import dev.retort.testing.PostgresExtension;
import dev.retort.testing.TestDatabase;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** An application runs its compiled migrations at start-up through {@link Retort}. */
@ExtendWith(PostgresExtension.class)
class RetortFacadeTest {

  @TempDir Path temp;

  @Test
  void upgradesFromTheClasspathAndReportsPending(TestDatabase db) throws Exception {
    MigrationSourceFiles files = new MigrationSourceFiles(temp.resolve("src"), "com.example.db");
    files.write(
        "M1",
        "a1",
        "op.createTable(\"users\", column(\"id\", bigint()));",
        "op.dropTable(\"users\");");
    files.write(
        "M2",
        "b2",
        "op.addColumn(\"users\", column(\"email\", text()));",
        "op.dropColumn(\"users\", \"email\");",
        "a1");
    new SourceMigrations(files.directory(), List.of(), new CachedCompiler(temp.resolve("cache")))
        .load();
    Path classes;
    try (Stream<Path> dirs = Files.list(temp.resolve("cache/migrations"))) {
      classes = dirs.findFirst().orElseThrow();
    }
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(db.url().jdbcUrl());
    dataSource.setUser(db.url().user());
    try (URLClassLoader app =
        new URLClassLoader(new URL[] {classes.toUri().toURL()}, Retort.class.getClassLoader())) {
      Retort retort = Retort.migrationsIn("com.example.db").classLoader(app);
      assertEquals(List.of("a1", "b2"), retort.pending(dataSource));
      assertEquals(List.of("a1", "b2"), retort.upgrade(dataSource));
      assertEquals(List.of(), retort.pending(dataSource));
      assertEquals(List.of(), retort.upgrade(dataSource));
    }
    assertEquals("b2", db.queryOne("SELECT version_num FROM retort_version"));
  }
}
