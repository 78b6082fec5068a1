package dev.retort.canonical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.testing.PostgresExtension;
import dev.retort.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The names PostgreSQL chooses for unnamed keys and checks, long names cut as it cuts them. */
@ExtendWith(PostgresExtension.class)
class PostgresNamesTest {

  @Test
  void namesAreCutAsPostgresCutsThem(TestDatabase db) throws Exception {
    String table = "t".repeat(40) + "_orders";
    String column = "c".repeat(35) + "_amount";
    db.execute(
        "CREATE TABLE "
            + table
            + " (id bigint PRIMARY KEY, "
            + column
            + " int CHECK ("
            + column
            + " > 0), a int, b int, CHECK (a < b))");
    List<String> names =
        db.query(
            "SELECT conname FROM pg_constraint WHERE conrelid = '"
                + table
                + "'::regclass ORDER BY conname");
    PostgresNames chosen = new PostgresNames();
    List<String> expected =
        List.of(
                chosen.choose(table, column, "check"),
                chosen.choose(table, null, "check"),
                chosen.choose(table, null, "pkey"))
            .stream()
            .sorted()
            .toList();
    assertEquals(names, expected);
  }

  @Test
  void aTakenNameIsNotGuessed() throws Exception {
    PostgresNames names = new PostgresNames();
    names.take("orders_pkey");
    assertThrows(PostgresNames.Unmodelled.class, () -> names.choose("orders", null, "pkey"));
    assertThrows(PostgresNames.Unmodelled.class, () -> names.choose("straße", null, "pkey"));
  }
}
