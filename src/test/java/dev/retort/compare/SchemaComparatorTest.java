package dev.retort.compare;

import static dev.retort.compare.SchemaBuilder.schema;
import static dev.retort.migration.Dsl.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.compare.ReviewFlag.Kind;
import dev.retort.operation.DslOperations;
import dev.retort.postgres.SqlGenerator;
import dev.retort.schema.ColumnOrigin;
import dev.retort.schema.ColumnRef;
import dev.retort.schema.EntityProvenance;
import dev.retort.schema.EnumMapping;
import dev.retort.schema.OrdinalOrder;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Sequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven: {name, from (live), to (entities), the upgrade SQL, the review flags}. The cases
 * are public because the renderer tier renders every one of their plans too.
 */
public class SchemaComparatorTest {

  private static final Consumer<DslOperations> USERS =
      op ->
          op.createTable(
              "users",
              column("id", bigint()).notNull(),
              column("email", text()).notNull(),
              column("name", varchar(100)),
              primaryKey("users_pkey", "id"));

  static Arguments c(
      String name,
      Consumer<DslOperations> from,
      Consumer<DslOperations> to,
      List<String> sql,
      Kind... flags) {
    return Arguments.of(name, schema(from), schema(to), sql, List.of(flags));
  }

  static Consumer<DslOperations> users(Consumer<DslOperations> more) {
    return USERS.andThen(more);
  }

  public static Stream<Arguments> cases() {
    return Stream.of(
        c("identical schemas", USERS, USERS, List.of()),
        c(
            "added table with a foreign key to an existing one",
            USERS,
            users(
                op ->
                    op.createTable(
                        "posts",
                        column("id", bigint()).notNull(),
                        column("author", bigint()),
                        primaryKey("posts_pkey", "id"),
                        foreignKey("posts_author_fkey", "author").references("users", "id"))),
            List.of(
                "CREATE TABLE posts (\n    id bigint NOT NULL,\n    author bigint,\n    CONSTRAINT posts_pkey PRIMARY KEY (id),\n"
                    + "    CONSTRAINT posts_author_fkey FOREIGN KEY (author) REFERENCES users (id)\n)")),
        c(
            "dropped table",
            users(op -> op.createTable("logs", column("id", bigint()))),
            USERS,
            List.of("DROP TABLE logs"),
            Kind.DATA_LOSS),
        c(
            "added nullable column",
            USERS,
            op ->
                op.createTable(
                    "users",
                    column("id", bigint()).notNull(),
                    column("email", text()).notNull(),
                    column("name", varchar(100)),
                    column("bio", varchar(500)),
                    primaryKey("users_pkey", "id")),
            List.of("ALTER TABLE users ADD COLUMN bio character varying(500)")),
        c(
            "added NOT NULL column without default is flagged",
            USERS,
            op ->
                op.createTable(
                    "users",
                    column("id", bigint()).notNull(),
                    column("email", text()).notNull(),
                    column("name", varchar(100)),
                    column("tenant", bigint()).notNull(),
                    primaryKey("users_pkey", "id")),
            List.of("ALTER TABLE users ADD COLUMN tenant bigint NOT NULL"),
            Kind.NOT_NULL),
        c(
            "dropped and added column of the same shape is a rename candidate, flagged once",
            USERS,
            op ->
                op.createTable(
                    "users",
                    column("id", bigint()).notNull(),
                    column("email", text()).notNull(),
                    column("full_name", varchar(100)),
                    primaryKey("users_pkey", "id")),
            List.of(
                "ALTER TABLE users ADD COLUMN full_name character varying(100)",
                "ALTER TABLE users DROP COLUMN name"),
            Kind.RENAME,
            Kind.DATA_LOSS),
        c(
            "widening integer needs no USING",
            op -> op.createTable("t", column("n", integer())),
            op -> op.createTable("t", column("n", bigint())),
            List.of("ALTER TABLE t ALTER COLUMN n TYPE bigint")),
        c(
            "text to integer needs USING and may fail",
            op -> op.createTable("t", column("n", text())),
            op -> op.createTable("t", column("n", integer())),
            List.of("ALTER TABLE t ALTER COLUMN n TYPE integer USING n::integer"),
            Kind.TYPE),
        c(
            "narrowing varchar is flagged",
            op -> op.createTable("t", column("s", varchar(200))),
            op -> op.createTable("t", column("s", varchar(100))),
            List.of("ALTER TABLE t ALTER COLUMN s TYPE character varying(100)"),
            Kind.TYPE),
        c(
            "NOT NULL added is flagged with the backfill",
            op -> op.createTable("t", column("s", text())),
            op -> op.createTable("t", column("s", text()).notNull()),
            List.of("ALTER TABLE t ALTER COLUMN s SET NOT NULL"),
            Kind.NOT_NULL),
        c(
            "server default change",
            op -> op.createTable("t", column("s", text()).withDefault("'a'::text")),
            op -> op.createTable("t", column("s", text()).withDefault("'b'::text")),
            List.of("ALTER TABLE t ALTER COLUMN s SET DEFAULT 'b'::text"),
            Kind.DEFAULT),
        c(
            "now() and CURRENT_TIMESTAMP are the same default",
            op -> op.createTable("t", column("at", timestamptz()).withDefault("now()")),
            op -> op.createTable("t", column("at", timestamptz()).withDefault("CURRENT_TIMESTAMP")),
            List.of()),
        c(
            "0 and 0.0 are the same numeric default",
            op -> op.createTable("t", column("n", numeric(5, 2)).withDefault("0")),
            op -> op.createTable("t", column("n", numeric(5, 2)).withDefault("0.0")),
            List.of()),
        c(
            "identity added",
            op -> op.createTable("t", column("id", bigint()).notNull()),
            op -> op.createTable("t", column("id", bigint()).withIdentity(identity())),
            List.of(
                "ALTER TABLE t ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY",
                "SELECT setval(pg_get_serial_sequence('t', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM t), false) WHERE EXISTS (SELECT 1 FROM t)")),
        c(
            "identity changed in place",
            op -> op.createTable("t", column("id", bigint()).withIdentity(identity())),
            op -> op.createTable("t", column("id", bigint()).withIdentity(identityAlways())),
            List.of("ALTER TABLE t ALTER COLUMN id SET GENERATED ALWAYS")),
        c(
            "a nextval default on a sequence the column does not own is not a serial",
            op ->
                op.createTable(
                    "t",
                    column("id", integer()).notNull().withDefault("nextval('t_id_seq'::regclass)")),
            op -> op.createTable("t", column("id", integer()).withIdentity(identity())),
            List.of(
                "ALTER TABLE t ALTER COLUMN id DROP DEFAULT",
                "ALTER TABLE t ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY",
                "SELECT setval(pg_get_serial_sequence('t', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM t), false) WHERE EXISTS (SELECT 1 FROM t)"),
            Kind.DEFAULT),
        c(
            "generated expression changed is recreated",
            op ->
                op.createTable(
                    "t", column("a", text()), column("g", text()).withGenerated("lower(a)")),
            op ->
                op.createTable(
                    "t", column("a", text()), column("g", text()).withGenerated("upper(a)")),
            List.of(
                "ALTER TABLE t DROP COLUMN g",
                "ALTER TABLE t ADD COLUMN g text GENERATED ALWAYS AS (upper(a)) STORED"),
            Kind.TYPE),
        c(
            "table and column comments",
            op -> op.createTable("t", column("a", text())),
            op -> {
              op.createTable("t", column("a", text()).withComment("it's A"));
            },
            List.of("COMMENT ON COLUMN t.a IS 'it''s A'")),
        c(
            "primary key changed",
            op ->
                op.createTable(
                    "t",
                    column("a", integer()).notNull(),
                    column("b", integer()).notNull(),
                    primaryKey("t_pkey", "a")),
            op ->
                op.createTable(
                    "t",
                    column("a", integer()).notNull(),
                    column("b", integer()).notNull(),
                    primaryKey("t_pkey", "a", "b")),
            List.of(
                "ALTER TABLE t DROP CONSTRAINT t_pkey",
                "ALTER TABLE t ADD CONSTRAINT t_pkey PRIMARY KEY (a, b)")),
        c(
            "foreign key with another name only is no change",
            users(
                op ->
                    op.createTable(
                        "p",
                        column("u", bigint()),
                        foreignKey("FKabc123", "u").references("users", "id"))),
            users(
                op ->
                    op.createTable(
                        "p",
                        column("u", bigint()),
                        foreignKey("p_u_fkey", "u").references("users", "id"))),
            List.of()),
        c(
            "foreign key ON DELETE changed is dropped and added",
            users(
                op ->
                    op.createTable(
                        "p",
                        column("u", bigint()),
                        foreignKey("p_u_fkey", "u").references("users", "id"))),
            users(
                op ->
                    op.createTable(
                        "p",
                        column("u", bigint()),
                        foreignKey("p_u_fkey", "u").references("users", "id").onDelete(CASCADE))),
            List.of(
                "ALTER TABLE p DROP CONSTRAINT p_u_fkey",
                "ALTER TABLE p ADD CONSTRAINT p_u_fkey FOREIGN KEY (u) REFERENCES users (id) ON DELETE CASCADE")),
        c(
            "foreign key ON UPDATE changed is dropped and added",
            users(
                op ->
                    op.createTable(
                        "p",
                        column("u", bigint()),
                        foreignKey("p_u_fkey", "u").references("users", "id"))),
            users(
                op ->
                    op.createTable(
                        "p",
                        column("u", bigint()),
                        foreignKey("p_u_fkey", "u").references("users", "id").onUpdate(CASCADE))),
            List.of(
                "ALTER TABLE p DROP CONSTRAINT p_u_fkey",
                "ALTER TABLE p ADD CONSTRAINT p_u_fkey FOREIGN KEY (u) REFERENCES users (id) ON UPDATE CASCADE")),
        c(
            "foreign key on other columns is dropped and added",
            users(
                op ->
                    op.createTable(
                        "p",
                        column("u", bigint()),
                        column("v", bigint()),
                        foreignKey("p_fk", "u").references("users", "id"))),
            users(
                op ->
                    op.createTable(
                        "p",
                        column("u", bigint()),
                        column("v", bigint()),
                        foreignKey("p_fk", "v").references("users", "id"))),
            List.of(
                "ALTER TABLE p DROP CONSTRAINT p_fk",
                "ALTER TABLE p ADD CONSTRAINT p_fk FOREIGN KEY (v) REFERENCES users (id)")),
        c(
            "foreign key to another table is dropped and added",
            users(
                op -> {
                  op.createTable(
                      "accounts",
                      column("id", bigint()).notNull(),
                      primaryKey("accounts_pkey", "id"));
                  op.createTable(
                      "p",
                      column("u", bigint()),
                      foreignKey("p_fk", "u").references("users", "id"));
                }),
            users(
                op -> {
                  op.createTable(
                      "accounts",
                      column("id", bigint()).notNull(),
                      primaryKey("accounts_pkey", "id"));
                  op.createTable(
                      "p",
                      column("u", bigint()),
                      foreignKey("p_fk", "u").references("accounts", "id"));
                }),
            List.of(
                "ALTER TABLE p DROP CONSTRAINT p_fk",
                "ALTER TABLE p ADD CONSTRAINT p_fk FOREIGN KEY (u) REFERENCES accounts (id)")),
        c(
            "unique constraint added",
            USERS,
            op ->
                op.createTable(
                    "users",
                    column("id", bigint()).notNull(),
                    column("email", text()).notNull(),
                    column("name", varchar(100)),
                    primaryKey("users_pkey", "id"),
                    unique("users_email_key", "email")),
            List.of("ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email)")),
        c(
            "unique index satisfies a unique constraint",
            users(op -> op.createIndex("users", index("ux_email", "email").asUnique())),
            op ->
                op.createTable(
                    "users",
                    column("id", bigint()).notNull(),
                    column("email", text()).notNull(),
                    column("name", varchar(100)),
                    primaryKey("users_pkey", "id"),
                    unique("users_email_key", "email")),
            List.of()),
        c(
            "check constraint named differently is no change",
            op -> op.createTable("t", column("n", integer()), check("ck1", "n > 0")),
            op -> op.createTable("t", column("n", integer()), check("t_n_check", "n > 0")),
            List.of()),
        c(
            "check constraint changed",
            op -> op.createTable("t", column("n", integer()), check("ck", "n > 0")),
            op -> op.createTable("t", column("n", integer()), check("ck", "n >= 0")),
            List.of(
                "ALTER TABLE t DROP CONSTRAINT ck",
                "ALTER TABLE t ADD CONSTRAINT ck CHECK (n >= 0)")),
        c(
            "partial, expression, method and include indexes",
            USERS,
            users(
                op -> {
                  op.createIndex(
                      "users",
                      index("ix_lower", expression("lower(email)"))
                          .where("name IS NOT NULL")
                          .including(List.of("id")));
                  op.createIndex(
                      "users",
                      index("ix_gin", key("name").withOpclass("gin_trgm_ops")).using("gin"));
                }),
            List.of(
                "CREATE INDEX ix_gin ON users USING gin (name gin_trgm_ops)",
                "CREATE INDEX ix_lower ON users ((lower(email))) INCLUDE (id) WHERE name IS NOT NULL")),
        c(
            "a hand-made index JPA cannot declare is left alone",
            users(op -> op.createIndex("users", index("ix_lower", expression("lower(email)")))),
            USERS,
            List.of(),
            Kind.NOT_COMPARED),
        c(
            "an index the entities name is renamed, not rebuilt",
            users(op -> op.createIndex("users", index("IDXhash", "name"))),
            users(op -> op.createIndex("users", index("ix_users_name", "name"))),
            List.of("ALTER INDEX \"IDXhash\" RENAME TO ix_users_name")),
        c(
            "an index with a generated name in the entities keeps the database's name",
            users(op -> op.createIndex("users", index("ix_users_name", "name"))),
            users(op -> op.createIndex("users", index("IDX7x2k9q0w3e", "name"))),
            List.of()),
        c(
            "sequences created, dropped and altered",
            op -> {
              op.createSequence("a_seq", sequenceOptions());
              op.createSequence("b_seq", sequenceOptions().withIncrement(50L));
            },
            op -> {
              op.createSequence("b_seq", sequenceOptions().withIncrement(20L));
              op.createSequence("c_seq", sequenceOptions().withIncrement(50L));
            },
            List.of(
                "ALTER SEQUENCE b_seq INCREMENT BY 20 NO MINVALUE NO MAXVALUE START WITH 1 CACHE 1 NO CYCLE",
                "CREATE SEQUENCE c_seq INCREMENT BY 50",
                "DROP SEQUENCE a_seq"),
            Kind.DATA_LOSS),
        c(
            "enum type created and dropped",
            op -> op.createEnumType("old", "a"),
            op -> op.createEnumType("mood", "sad", "happy"),
            List.of("CREATE TYPE mood AS ENUM ('sad', 'happy')", "DROP TYPE old")),
        c(
            "enum values added keep their declared position",
            op -> op.createEnumType("status", "ACTIVE", "DISABLED"),
            op -> op.createEnumType("status", "ACTIVE", "SUSPENDED", "DISABLED", "ARCHIVED"),
            List.of(
                "ALTER TYPE status ADD VALUE 'SUSPENDED' BEFORE 'DISABLED'",
                "ALTER TYPE status ADD VALUE 'ARCHIVED'"),
            Kind.ENUM,
            Kind.ENUM),
        c(
            "new enum values in a row before an existing one",
            op -> op.createEnumType("e", "A", "C"),
            op -> op.createEnumType("e", "A", "X", "Y", "C"),
            List.of(
                "ALTER TYPE e ADD VALUE 'X' AFTER 'A'", "ALTER TYPE e ADD VALUE 'Y' BEFORE 'C'"),
            Kind.ENUM,
            Kind.ENUM),
        c(
            "timestamptz and timestamp(6) with time zone are the same type",
            op -> op.createTable("t", column("at", timestamptz())),
            op -> op.createTable("t", column("at", timestamptz(6))),
            List.of()),
        c(
            "enum value removed replaces the type and converts its columns",
            op -> {
              op.createEnumType("status", "A", "B", "C");
              op.createTable("t", column("s", enumType("status")).withDefault("'A'::status"));
            },
            op -> {
              op.createEnumType("status", "A", "C");
              op.createTable("t", column("s", enumType("status")).withDefault("'A'::status"));
            },
            List.of(
                "ALTER TYPE status RENAME TO status_retired",
                "CREATE TYPE status AS ENUM ('A', 'C')",
                "ALTER TABLE t ALTER COLUMN s DROP DEFAULT",
                "ALTER TABLE t ALTER COLUMN s TYPE status USING s::text::status",
                "ALTER TABLE t ALTER COLUMN s SET DEFAULT 'A'::status",
                "DROP TYPE status_retired"),
            Kind.ENUM),
        c(
            "foreign keys go first and last around table changes",
            users(
                op ->
                    op.createTable(
                        "posts",
                        column("author", bigint()),
                        foreignKey("posts_author_fkey", "author").references("users", "id"))),
            op -> op.createTable("posts", column("author", bigint())),
            List.of("ALTER TABLE posts DROP CONSTRAINT posts_author_fkey", "DROP TABLE users"),
            Kind.DATA_LOSS),
        c(
            "new tables in dependency order, cycles closed at the end",
            op -> {},
            op -> {
              op.createTable(
                  "b",
                  column("id", bigint()).notNull(),
                  column("a_id", bigint()),
                  primaryKey("b_pkey", "id"),
                  foreignKey("b_a_fkey", "a_id").references("a", "id"));
              op.createTable(
                  "a",
                  column("id", bigint()).notNull(),
                  column("b_id", bigint()),
                  primaryKey("a_pkey", "id"),
                  foreignKey("a_b_fkey", "b_id").references("b", "id"));
              op.createTable(
                  "c",
                  column("a_id", bigint()),
                  foreignKey("c_a_fkey", "a_id").references("a", "id"));
            },
            List.of(
                "CREATE TABLE a (\n    id bigint NOT NULL,\n    b_id bigint,\n    CONSTRAINT a_pkey PRIMARY KEY (id)\n)",
                "CREATE TABLE b (\n    id bigint NOT NULL,\n    a_id bigint,\n    CONSTRAINT b_pkey PRIMARY KEY (id),\n"
                    + "    CONSTRAINT b_a_fkey FOREIGN KEY (a_id) REFERENCES a (id)\n)",
                "CREATE TABLE c (\n    a_id bigint,\n    CONSTRAINT c_a_fkey FOREIGN KEY (a_id) REFERENCES a (id)\n)",
                "ALTER TABLE a ADD CONSTRAINT a_b_fkey FOREIGN KEY (b_id) REFERENCES b (id)")),
        c(
            "schemas other than the default are kept apart",
            op -> op.inSchema("hr").createTable("t", column("a", integer())),
            op ->
                op.inSchema("hr").createTable("t", column("a", integer()), column("b", integer())),
            List.of("ALTER TABLE hr.t ADD COLUMN b integer")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void plansTheUpgrade(String name, Schema from, Schema to, List<String> sql, List<Kind> flags) {
    MigrationPlan plan = SchemaComparator.compare(new ComparisonInput(from, to, null, null, 17));
    assertEquals(sql, sql(plan));
    assertEquals(
        flags, plan.flags().stream().map(ReviewFlag::kind).toList(), plan.flags().toString());
    assertEquals(
        List.of(),
        sql(SchemaComparator.compare(new ComparisonInput(to, to, null, null, 17))),
        "a schema equals itself");
  }

  static List<String> sql(MigrationPlan plan) {
    SqlGenerator generator = new SqlGenerator();
    List<String> statements = new ArrayList<>();
    plan.upgrade().forEach(op -> statements.addAll(generator.statements(op)));
    return statements;
  }

  @Test
  void requestedRenamesBecomeRenamesAndConstraintsFollow() {
    Schema from =
        schema(
            users(
                op ->
                    op.createTable(
                        "posts",
                        column("author", bigint()),
                        foreignKey("posts_author_fkey", "author").references("users", "id"))));
    Schema to =
        schema(
            op -> {
              op.createTable(
                  "accounts",
                  column("id", bigint()).notNull(),
                  column("email", text()).notNull(),
                  column("display_name", varchar(100)),
                  primaryKey("accounts_pkey", "id"));
              op.createTable(
                  "posts",
                  column("author", bigint()),
                  foreignKey("posts_author_fkey", "author").references("accounts", "id"));
            });
    RenameRequests renames =
        RenameRequests.parse(List.of("users=accounts", "users.name=display_name"), from, "public");
    MigrationPlan plan = SchemaComparator.compare(new ComparisonInput(from, to, null, renames, 17));
    assertEquals(
        List.of(
            "ALTER TABLE users RENAME TO accounts",
            "ALTER TABLE accounts RENAME COLUMN name TO display_name"),
        sql(plan));
    assertEquals(List.of(), plan.flags());
  }

  @Test
  void stringEnumChecksAreReportedAsEnumChanges() {
    QualifiedName tickets = QualifiedName.of("tickets");
    EntityProvenance provenance =
        new EntityProvenance(
            Map.of(tickets, "x.Ticket"),
            Map.of(
                tickets,
                Map.of(
                    "status",
                    new ColumnOrigin(
                        "x.Ticket",
                        "status",
                        new EnumMapping(
                            "x.Ticket$Status",
                            List.of("NEW", "DONE", "ARCHIVED"),
                            EnumMapping.Storage.STRING)))),
            Map.of());
    String before =
        "(status)::text = ANY ((ARRAY['NEW'::character varying, 'OLD'::character varying, 'DONE'::character varying])::text[])";
    String after =
        "(status)::text = ANY ((ARRAY['NEW'::character varying, 'DONE'::character varying, 'ARCHIVED'::character varying])::text[])";
    Schema from =
        schema(
            op ->
                op.createTable(
                    "tickets",
                    column("status", varchar(16)),
                    check("tickets_status_check", before)));
    Schema to =
        schema(
            op ->
                op.createTable(
                    "tickets",
                    column("status", varchar(16)),
                    check("tickets_status_check", after)));
    MigrationPlan plan =
        SchemaComparator.compare(new ComparisonInput(from, to, provenance, null, 17));
    assertEquals(
        "enum Ticket.Status on 'tickets.status' (stored as names): added 'ARCHIVED'; removed 'OLD'",
        plan.changes().get(0).summary());
    assertEquals(List.of(Kind.ENUM), plan.flags().stream().map(ReviewFlag::kind).toList());
    assertEquals(
        List.of(
            new Alternative.Backfill(
                QualifiedName.of("tickets"), "status", "'<value>'", "status IN ('OLD')")),
        plan.flags().get(0).alternative());

    String reordered =
        "(status)::text = ANY ((ARRAY['DONE'::character varying, 'NEW'::character varying, 'OLD'::character varying])::text[])";
    Schema same =
        schema(
            op ->
                op.createTable(
                    "tickets",
                    column("status", varchar(16)),
                    check("tickets_status_check", reordered)));
    assertTrue(
        SchemaComparator.compare(new ComparisonInput(from, same, provenance, null, 17)).isEmpty(),
        "order does not matter for names");
  }

  @Test
  void ordinalEnumRangeChangesAreFlaggedAsCorruptionRisk() {
    QualifiedName t = QualifiedName.of("t");
    EntityProvenance provenance =
        new EntityProvenance(
            Map.of(t, "x.T"),
            Map.of(
                t,
                Map.of(
                    "p",
                    new ColumnOrigin(
                        "x.T",
                        "p",
                        new EnumMapping(
                            "x.Priority", List.of("LOW", "HIGH"), EnumMapping.Storage.ORDINAL)))),
            Map.of());
    Schema from =
        schema(
            op ->
                op.createTable(
                    "t", column("p", smallint()), check("t_p_check", "p >= 0 AND p <= 2")));
    Schema to =
        schema(
            op ->
                op.createTable(
                    "t", column("p", smallint()), check("t_p_check", "p >= 0 AND p <= 1")));
    MigrationPlan plan =
        SchemaComparator.compare(new ComparisonInput(from, to, provenance, null, 17));
    assertEquals(Kind.ENUM, plan.flags().get(0).kind());
    assertTrue(
        plan.flags().get(0).message().contains("silently means a different constant"),
        plan.flags().get(0).message());
  }

  @Test
  void ordinalConstantsReorderedAgainstTheRecordedOrderAreRemapped() {
    QualifiedName t = QualifiedName.of("t");
    EntityProvenance provenance =
        new EntityProvenance(
            Map.of(t, "x.T"),
            Map.of(
                t,
                Map.of(
                    "p",
                    new ColumnOrigin(
                        "x.T",
                        "p",
                        new EnumMapping(
                            "x.Priority", List.of("HIGH", "LOW"), EnumMapping.Storage.ORDINAL)))),
            Map.of());
    Schema both =
        schema(
            op ->
                op.createTable(
                    "t", column("p", smallint()), check("t_p_check", "p >= 0 AND p <= 1")));
    Map<ColumnRef, OrdinalOrder> recorded =
        Map.of(new ColumnRef(t, "p"), new OrdinalOrder(t, "p", List.of("LOW", "HIGH")));
    MigrationPlan plan =
        SchemaComparator.compare(new ComparisonInput(both, both, provenance, null, 17, recorded));
    assertEquals(
        List.of("UPDATE t SET p = CASE p WHEN 0 THEN 1 WHEN 1 THEN 0 END WHERE p IN (0, 1)"),
        sql(plan));
    assertEquals(List.of(new OrdinalOrder(t, "p", List.of("HIGH", "LOW"))), plan.ordinalOrders());
    Map<ColumnRef, OrdinalOrder> appended =
        Map.of(new ColumnRef(t, "p"), new OrdinalOrder(t, "p", List.of("HIGH")));
    assertTrue(
        SchemaComparator.compare(new ComparisonInput(both, both, provenance, null, 17, appended))
            .isEmpty(),
        "a constant appended at the end moves nothing");
  }

  @Test
  void aNewEnumValueUsedInTheSamePlanMakesItNonTransactional() {
    Schema from =
        schema(
            op -> {
              op.createEnumType("status", "A");
              op.createTable("t", column("s", enumType("status")));
            });
    Schema to =
        schema(
            op -> {
              op.createEnumType("status", "A", "B");
              op.createTable("t", column("s", enumType("status")).withDefault("'B'::status"));
            });
    assertFalse(
        SchemaComparator.compare(new ComparisonInput(from, to, null, null, 17)).transactional());
    Schema unused =
        schema(
            op -> {
              op.createEnumType("status", "A", "B");
              op.createTable("t", column("s", enumType("status")));
            });
    assertTrue(
        SchemaComparator.compare(new ComparisonInput(from, unused, null, null, 17))
            .transactional());
    assertFalse(
        SchemaComparator.compare(new ComparisonInput(from, unused, null, null, 11)).transactional(),
        "before PostgreSQL 12");
  }

  @Test
  void ownedSequencesBelongToTheirColumn() {
    Schema from =
        new Schema(
            schema(
                    op ->
                        op.createTable(
                            "t",
                            column("id", integer())
                                .notNull()
                                .withDefault("nextval('t_id_seq'::regclass)")))
                .tables(),
            List.of(
                new Sequence(
                    QualifiedName.of("t_id_seq"),
                    "integer",
                    null,
                    new ColumnRef(QualifiedName.of("t"), "id"))),
            List.of(),
            List.of());
    Schema to = schema(op -> op.createTable("t", column("id", integer()).withIdentity(identity())));
    assertTrue(SchemaComparator.compare(new ComparisonInput(from, to, null, null, 17)).isEmpty());
  }

  @Test
  void downgradeIsTheReverseInReverseOrder() {
    Schema from = schema(USERS);
    Schema to =
        schema(
            op ->
                op.createTable(
                    "users",
                    column("id", bigint()).notNull(),
                    column("email", text()),
                    column("name", varchar(100)),
                    column("bio", text()),
                    primaryKey("users_pkey", "id")));
    MigrationPlan plan = SchemaComparator.compare(new ComparisonInput(from, to, null, null, 17));
    SqlGenerator generator = new SqlGenerator();
    List<String> down = new ArrayList<>();
    plan.downgrade().forEach(op -> down.addAll(generator.statements(op)));
    assertEquals(
        List.of(
            "ALTER TABLE users ALTER COLUMN email SET NOT NULL",
            "ALTER TABLE users DROP COLUMN bio"),
        down);
  }
}
