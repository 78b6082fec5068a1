package dev.retort.lint;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQL inside {@code op.execute(...)} is read by the parser into the operations it stands for,
 * so the rules that check the DSL check raw SQL too; each pair is a statement that triggers the
 * rule and a safe one that does not.
 */
class RawSqlRulesTest {

  record Pair(String rule, String unsafe, String safe) {}

  static final List<Pair> PAIRS =
      List.of(
          new Pair(
              "RT001",
              "CREATE INDEX orders_total_idx ON orders (total)",
              "CREATE TABLE archive (id bigint); CREATE INDEX archive_id_idx ON archive (id)"),
          new Pair("RT002", "DROP INDEX orders_total_idx", "SELECT 1"),
          new Pair(
              "RT004",
              "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id)"
                  + " REFERENCES customers (id)",
              "ALTER TABLE orders ADD COLUMN note text"),
          new Pair(
              "RT005",
              "ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0)",
              "ALTER TABLE orders ADD COLUMN note text"),
          new Pair(
              "RT006",
              "ALTER TABLE orders ALTER COLUMN total SET NOT NULL",
              "ALTER TABLE orders ALTER COLUMN total DROP NOT NULL"),
          new Pair(
              "RT007",
              "ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid()",
              "ALTER TABLE orders ADD COLUMN created timestamptz DEFAULT now() NOT NULL"),
          new Pair(
              "RT008",
              "ALTER TABLE orders ALTER COLUMN total TYPE bigint USING total::bigint",
              "ALTER TABLE orders ADD COLUMN total_big bigint"),
          new Pair(
              "RT009",
              "ALTER TABLE orders ADD CONSTRAINT orders_code_key UNIQUE (code)",
              "CREATE TABLE archive (code text, CONSTRAINT archive_code_key UNIQUE (code))"),
          new Pair(
              "RT010",
              "ALTER TABLE orders ADD COLUMN seq bigserial",
              "ALTER TABLE orders ADD COLUMN seq bigint"),
          new Pair(
              "RT011",
              "ALTER TABLE orders RENAME COLUMN total TO amount",
              "ALTER TABLE orders ADD COLUMN amount numeric"),
          new Pair("RT011", "ALTER TABLE orders RENAME TO purchases", "SELECT 1"),
          new Pair(
              "RT012",
              "ALTER TABLE orders DROP COLUMN total",
              "ALTER TABLE orders ADD COLUMN x int8"),
          new Pair(
              "RT013", "DROP TABLE orders", "CREATE TABLE scratch (id bigint); DROP TABLE scratch"),
          new Pair(
              "RT020",
              "CREATE TABLE items (id bigint PRIMARY KEY, order_id bigint REFERENCES orders (id) ON"
                  + " DELETE CASCADE)",
              "CREATE TABLE items (id bigint PRIMARY KEY, order_id bigint REFERENCES orders (id))"),
          new Pair(
              "RT021",
              "CREATE TABLE items (id bigint PRIMARY KEY, order_id bigint, CONSTRAINT items_order_fk"
                  + " FOREIGN KEY (order_id) REFERENCES orders (id))",
              "CREATE TABLE items (id bigint PRIMARY KEY, order_id bigint, CONSTRAINT items_order_fk"
                  + " FOREIGN KEY (order_id) REFERENCES orders (id)); CREATE INDEX items_order_idx ON"
                  + " items (order_id)"),
          new Pair(
              "RT022",
              "CREATE TABLE items (id serial PRIMARY KEY)",
              "CREATE TABLE items (id bigserial PRIMARY KEY)"),
          new Pair(
              "RT023",
              "CREATE TABLE items (id bigint, at timestamp(3) without time zone)",
              "CREATE TABLE items (id bigint, at timestamp(3) with time zone)"),
          new Pair(
              "RT024",
              "ALTER TABLE orders ADD COLUMN extra json",
              "ALTER TABLE orders ADD COLUMN extra jsonb"),
          new Pair(
              "RT025",
              "ALTER TABLE orders ADD COLUMN currency char(3)",
              "ALTER TABLE orders ADD COLUMN currency varchar(3)"),
          new Pair(
              "RT026",
              "CREATE INDEX CONCURRENTLY orders_total_idx ON orders (total)",
              "DROP INDEX CONCURRENTLY orders_total_idx"));

  @TempDir static Path directory;
  private static LintedMigrations migrations;

  @BeforeAll
  static void compile() {
    migrations = new LintedMigrations(directory);
    for (int i = 0; i < PAIRS.size(); i++) {
      migrations.add("Unsafe" + i, execute(PAIRS.get(i).unsafe()), "");
      // RT026's safe form is a concurrent drop, which needs a migration outside a transaction.
      migrations.add(
          "Safe" + i,
          execute(PAIRS.get(i).safe()),
          "  @Override public boolean transactional() { return false; }\n");
    }
  }

  private static String execute(String sql) {
    return "op.execute(\"" + sql.replace("\"", "\\\"") + "\");";
  }

  @TestFactory
  Stream<DynamicTest> rawSqlIsCheckedLikeTheDsl() {
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < PAIRS.size(); i++) {
      Pair pair = PAIRS.get(i);
      int n = i;
      tests.add(
          DynamicTest.dynamicTest(
              pair.rule() + ": " + pair.unsafe(),
              () -> {
                List<Finding> findings = migrations.lint("Unsafe" + n, new LintSettings(17, false));
                assertTrue(LintRulesTest.ids(findings).contains(pair.rule()), findings.toString());
              }));
      tests.add(
          DynamicTest.dynamicTest(
              "not " + pair.rule() + ": " + pair.safe(),
              () -> {
                Set<String> ids =
                    LintRulesTest.ids(migrations.lint("Safe" + n, new LintSettings(17, false)));
                assertFalse(ids.contains(pair.rule()), ids.toString());
              }));
    }
    return tests.stream();
  }
}
