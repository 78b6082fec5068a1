package dev.retort.postgres;

import static dev.retort.migration.Dsl.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.operation.DslOperations;
import dev.retort.operation.Operation;
import dev.retort.operation.OperationSink;
import dev.retort.testing.PostgresExtension;
import dev.retort.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every operation's SQL runs on a real server and does what it says. */
@ExtendWith(PostgresExtension.class)
class SqlExecutionTest {

  private static void run(TestDatabase db, Consumer<DslOperations> migration) {
    SqlGenerator generator = new SqlGenerator();
    try (Connection connection = db.connect()) {
      migration.accept(
          new DslOperations(
              new OperationSink() {
                @Override
                public void accept(Operation operation) {
                  for (String sql : generator.statements(operation)) {
                    try (Statement statement = connection.createStatement()) {
                      statement.execute(sql);
                    } catch (SQLException e) {
                      throw new AssertionError(sql + "\n" + e.getMessage(), e);
                    }
                  }
                }

                @Override
                public Connection connection() {
                  return connection;
                }
              }));
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void everyOperationRunsOnPostgres(TestDatabase db) {
    run(
        db,
        op -> {
          op.createSchema("Sales");
          op.createEnumType("mood", "sad", "it's ok", "happy");
          op.createSequence("ticket_seq", sequenceOptions().withIncrement(50L));
          op.createTable(
              "user",
              column("id", bigint()).withIdentity(identity()),
              column("order", integer()),
              column("MixedCase", text()).withCollation("C"),
              column("mood", enumType("mood")).withDefault("'happy'::mood"),
              column("moods", arrayOf(enumType("mood"))),
              column("email", varchar(200)).notNull().withComment("login"),
              column("search", text()).withGenerated("lower((email)::text)"),
              primaryKey("user_pkey", "id"),
              unique("user_email_key", "email"),
              check("user_order_check", "\"order\" > 0"));
          op.setTableComment("user", "People's accounts");
          op.inSchema("Sales")
              .createTable(
                  "order",
                  column("id", bigint()).notNull(),
                  column("user_id", bigint()),
                  column("total", numeric(10, 2)).withDefault("0"),
                  primaryKey("order_pkey", "id"));
          op.inSchema("Sales")
              .addConstraintNotValid(
                  "order",
                  foreignKey("order_user_fkey", "user_id")
                      .references(table("public", "user"), "id")
                      .onDelete(SET_NULL)
                      .deferrableInitiallyImmediate());
          op.inSchema("Sales").validateConstraint("order", "order_user_fkey");
          op.inSchema("Sales").addConstraint("order", check("order_total_check", "total >= 0"));
          op.inSchema("Sales").dropConstraint("order", "order_total_check");
          op.inSchema("Sales")
              .createTable(
                  "line",
                  column("order_id", bigint()).notNull(),
                  column("no", integer()).notNull(),
                  column("sku", text()),
                  column("gone", text()));
          op.inSchema("Sales").addConstraint("line", primaryKey("line_pkey", "order_id", "no"));
          op.inSchema("Sales").addConstraint("line", unique("line_sku_key", "order_id", "sku"));
          op.inSchema("Sales")
              .addConstraint(
                  "line",
                  foreignKey("line_order_fkey", "order_id")
                      .references(table("Sales", "order"), "id")
                      .onUpdate(CASCADE)
                      .onDelete(CASCADE)
                      .deferrableInitiallyDeferred());
          op.inSchema("Sales").dropColumn("line", "gone");
          op.addColumn(
              "user", column("bio", text()).withDefault(literal("'); DROP TABLE \"user\"; --")));
          op.alterColumn(
              "user",
              "order",
              change().type(bigint()).using("\"order\"::bigint").notNull().defaultValue("1"));
          op.alterColumn("user", "order", change().dropNotNull().dropDefault());
          op.setColumnComment("user", "bio", "About \\ me");
          op.renameColumn("user", "bio", "about");
          op.createIndex(
              "user",
              index("ix_user_email_lower", expression("lower((email)::text)"), key("id").desc())
                  .asUnique()
                  .including(List.of("about"))
                  .where("(about IS NOT NULL)"));
          op.dropIndex("ix_user_email_lower");
          op.addEnumValue("mood", "ecstatic");
          op.addEnumValueBefore("mood", "meh", "happy");
          op.addEnumValueAfter("mood", "fine", "meh");
          op.renameEnumValue("mood", "sad", "blue");
          op.alterSequence("ticket_seq", sequenceOptions().withIncrement(10L));
          op.bulkInsert(
              "user",
              rows("email", "about", "order").add("a@x", "it's \\ fine", 1).add("b@x", null, 2));
          op.alterColumn("user", "id", change().dropIdentity());
          op.alterColumn("user", "id", change().identity(identityAlways()));
          op.renameTable("user", "account");
          op.execute("SELECT 1");
        });

    assertEquals("it's \\ fine", db.queryOne("SELECT about FROM account WHERE email = 'a@x'"));
    assertEquals(
        "'''); DROP TABLE \"user\"; --'::text",
        db.queryOne(
            "SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid"
                + " AND a.attnum = d.adnum WHERE adrelid = 'account'::regclass AND attname = 'about'"));
    assertEquals(
        "blue,it's ok,meh,fine,happy,ecstatic",
        db.queryOne(
            "SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum WHERE enumtypid = 'mood'::regtype"));
    assertEquals(
        "People's accounts",
        db.queryOne("SELECT obj_description('account'::regclass, 'pg_class')"));
    assertEquals(
        "About \\ me",
        db.queryOne(
            "SELECT col_description('account'::regclass, attnum) FROM pg_attribute WHERE attrelid = 'account'::regclass AND attname = 'about'"));
    assertEquals(
        "p:{order_id,no}\tu:{order_id,sku}\tf:{order_id}:c:c:true:true",
        db.queryOne(
            "SELECT"
                + " (SELECT 'p:' || (SELECT array_agg(attname ORDER BY k.i)::text FROM unnest(conkey) WITH ORDINALITY k(n, i)"
                + "   JOIN pg_attribute a ON a.attrelid = conrelid AND a.attnum = k.n) FROM pg_constraint WHERE conname = 'line_pkey'),"
                + " (SELECT 'u:' || (SELECT array_agg(attname ORDER BY k.i)::text FROM unnest(conkey) WITH ORDINALITY k(n, i)"
                + "   JOIN pg_attribute a ON a.attrelid = conrelid AND a.attnum = k.n) FROM pg_constraint WHERE conname = 'line_sku_key'),"
                + " (SELECT 'f:' || (SELECT array_agg(attname)::text FROM unnest(conkey) k(n) JOIN pg_attribute a ON a.attrelid = conrelid"
                + "   AND a.attnum = k.n) || ':' || confupdtype::text || ':' || confdeltype::text || ':' || condeferrable || ':' || condeferred"
                + "   FROM pg_constraint WHERE conname = 'line_order_fkey')"));
    assertEquals(
        "0",
        db.queryOne(
            "SELECT count(*) FROM pg_attribute WHERE attrelid = '\"Sales\".line'::regclass AND attname = 'gone'"
                + " AND NOT attisdropped"));
    assertEquals(
        "a",
        db.queryOne(
            "SELECT attidentity FROM pg_attribute WHERE attrelid = 'account'::regclass AND attname = 'id'"));
    assertEquals(
        "10",
        db.queryOne(
            "SELECT seqincrement FROM pg_sequence WHERE seqrelid = 'ticket_seq'::regclass"));
    assertEquals(
        "f",
        db.queryOne(
            "SELECT convalidated = false FROM pg_constraint WHERE conname = 'order_user_fkey'"));
  }

  @Test
  void dropOperationsUndoCreates(TestDatabase db) {
    run(
        db,
        op -> {
          op.createSchema("tmp");
          op.inSchema("tmp").createTable("t", column("id", integer()));
          op.inSchema("tmp").createEnumType("e", "a");
          op.inSchema("tmp").createSequence("s", sequenceOptions());
          op.inSchema("tmp").dropSequence("s");
          op.inSchema("tmp").dropEnumType("e");
          op.inSchema("tmp").dropTable("t");
          op.dropSchema("tmp");
        });
    assertEquals("0", db.queryOne("SELECT count(*) FROM pg_namespace WHERE nspname = 'tmp'"));
  }

  @Test
  void quotingMatchesQuoteIdentForEveryKeywordAndTrickyName(TestDatabase db) throws SQLException {
    int major = db.serverMajor();
    try (Connection connection = db.connect();
        PreparedStatement statement = connection.prepareStatement("SELECT quote_ident(?)");
        ResultSet words =
            connection.createStatement().executeQuery("SELECT word FROM pg_get_keywords()")) {
      List<String> names =
          new ArrayList<>(
              List.of(
                  "users",
                  "User",
                  "user",
                  "order",
                  "has space",
                  "a\"b",
                  "_x",
                  "x1",
                  "1x",
                  "ünïcode",
                  "é",
                  "$x",
                  "x$",
                  "name",
                  "time",
                  "select",
                  ""));
      names.remove("");
      while (words.next()) {
        names.add(words.getString(1));
      }
      for (String name : names) {
        statement.setString(1, name);
        try (ResultSet rs = statement.executeQuery()) {
          rs.next();
          String server = rs.getString(1);
          String ours = Identifiers.quote(name);
          if (major < 17 && server.equals(name)) {
            // Older servers quote fewer words (JSON_TABLE and friends arrived in 16 and 17);
            // Retort quotes the newest keywords everywhere, so its SQL never depends on the server.
            assertTrue(ours.equals(name) || ours.equals('"' + name + '"'), "quoting of " + name);
          } else {
            assertEquals(server, ours, "quoting of " + name);
          }
        }
      }
      assertTrue(names.size() > 400, "keywords were read from the server");
    }
  }
}
