package dev.retort.canonical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.testing.PostgresExtension;
import dev.retort.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every spelling in {@link TypeSpellings} is PostgreSQL's own {@code format_type}. */
@ExtendWith(PostgresExtension.class)
class TypeSpellingsTest {

  /** The forms with modifiers Hibernate writes, at their edges. */
  private static final List<String> WITH_MODIFIERS =
      List.of(
          "varchar(1)",
          "varchar(255)",
          "varchar(10485760)",
          "character varying(20)",
          "char(1)",
          "character(3)",
          "numeric(38,2)",
          "numeric(10, 4)",
          "numeric(5)",
          "decimal(12,6)",
          "float(1)",
          "float(24)",
          "float(25)",
          "float(53)",
          "timestamp(0)",
          "timestamp(6)",
          "timestamp(3) with time zone",
          "timestamp(6) without time zone",
          "time(6)",
          "time(2) with time zone",
          "interval second(6)",
          "integer array",
          "varchar(255) array",
          "timestamp(6) with time zone array",
          "bigint[]",
          "TIMESTAMP(6) WITH TIME ZONE",
          "Varchar(50)");

  @Test
  void everySpellingIsPostgresOwn(TestDatabase db) {
    List<String> written = new ArrayList<>(new TreeSet<>(TypeSpellings.plainTypes()));
    written.addAll(WITH_MODIFIERS);
    List<String> columns = new ArrayList<>();
    for (int i = 0; i < written.size(); i++) {
      columns.add("c" + i + " " + written.get(i));
    }
    db.execute("CREATE TABLE spelled (" + String.join(", ", columns) + ")");
    List<String> formatted =
        db.query(
            "SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
                + " WHERE attrelid = 'spelled'::regclass AND attnum > 0 ORDER BY attnum");
    assertEquals(written.size(), formatted.size());
    for (int i = 0; i < written.size(); i++) {
      Optional<String> spelled = TypeSpellings.formatType(written.get(i));
      assertTrue(spelled.isPresent(), written.get(i) + " has no spelling");
      assertEquals(formatted.get(i), spelled.get(), written.get(i));
    }
  }

  @Test
  void typesOutsideTheTableAreLeftToPostgres() {
    for (String type :
        List.of(
            "status_enum",
            "\"OrderStatus\"",
            "geometry(Point,4326)",
            "char",
            "varchar(0)",
            "bit(3)")) {
      assertTrue(TypeSpellings.formatType(type).isEmpty(), type);
    }
  }
}
