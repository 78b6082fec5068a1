package dev.retort.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.postgres.TypeNames;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.EntityModel;
import dev.retort.schema.EnumMapping;
import dev.retort.schema.EnumType;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Identity;
import dev.retort.schema.Index;
import dev.retort.schema.IndexKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.Schema;
import dev.retort.schema.Sequence;
import dev.retort.schema.SequenceOptions;
import dev.retort.schema.SqlType;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import dev.retort.testing.PostgresExtension;
import dev.retort.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What each mapping feature must produce in the canonical entity model. */
@ExtendWith(PostgresExtension.class)
class EntityMappingTest {

  private static EntityModel model(String fixture, TestDatabase db) {
    return EntityFixture.load(fixture).canonicalize(db);
  }

  private static Table table(Schema schema, String name) {
    return schema
        .table(QualifiedName.of(name))
        .orElseThrow(
            () ->
                new AssertionError(
                    name
                        + " not in "
                        + schema.tables().stream().map(t -> t.name().toString()).toList()));
  }

  private static Column column(Table table, String name) {
    return table
        .column(name)
        .orElseThrow(() -> new AssertionError(name + " not in " + table.name()));
  }

  private static String type(Table table, String column) {
    return TypeNames.sql(column(table, column).type());
  }

  @Test
  void basicTypesCanonicalSpelling(TestDatabase db) {
    Table t = table(model("basic_types", db).schema(), "everything");
    assertEquals("uuid", type(t, "uuid"));
    assertEquals("jsonb", type(t, "attributes"));
    assertEquals("json", type(t, "plain_json"));
    assertEquals("character varying(255)[]", type(t, "tags"));
    assertEquals("integer[]", type(t, "scores"));
    assertEquals("numeric(38,2)", type(t, "amount"));
    assertEquals("numeric(12,4)", type(t, "rate"));
    assertEquals("timestamp(6) with time zone", type(t, "created_at"));
    assertEquals("timestamp(6) without time zone", type(t, "local_at"));
    assertEquals("numeric(21,0)", type(t, "duration"));
    assertEquals("double precision", type(t, "ratio"));
    assertEquals("character varying(40)", type(t, "name"));
    assertFalse(column(t, "name").nullable());
    assertEquals(Identity.generatedByDefault(), column(t, "id").identity());
  }

  @Test
  void enumsAsStringOrdinalAndNamedTypesInDeclarationOrder(TestDatabase db) {
    EntityModel model = model("enums", db);
    Schema schema = model.schema();
    assertEquals(
        List.of(
            new EnumType(QualifiedName.of("color"), List.of("RED", "GREEN", "BLUE")),
            new EnumType(QualifiedName.of("mood"), List.of("ZEBRA", "APPLE", "MANGO"))),
        schema.enumTypes(),
        "declaration order, not Hibernate's alphabetical order");
    Table tickets = table(schema, "tickets");
    assertEquals(SqlType.userDefined(QualifiedName.of("mood"), 0), column(tickets, "mood").type());
    assertEquals("smallint", type(tickets, "priority"));
    assertTrue(
        tickets
            .checkConstraints()
            .contains(
                new CheckConstraint("tickets_priority_check", "priority >= 0 AND priority <= 2")),
        tickets.checkConstraints().toString());
    assertTrue(
        tickets.checkConstraints().stream()
            .anyMatch(
                c ->
                    c.name().equals("tickets_status_check")
                        && c.expression()
                            .contains(
                                "'NEW'::character varying::text, 'ACTIVE'::character varying::text")),
        tickets.checkConstraints().toString());
    QualifiedName t = QualifiedName.of("tickets");
    assertEquals(
        EnumMapping.Storage.STRING,
        model.provenance().column(t, "status").orElseThrow().enumMapping().storage());
    assertEquals(
        EnumMapping.Storage.ORDINAL,
        model.provenance().column(t, "priority").orElseThrow().enumMapping().storage());
    EnumMapping mood = model.provenance().column(t, "mood").orElseThrow().enumMapping();
    assertEquals(EnumMapping.Storage.NAMED_TYPE, mood.storage());
    assertEquals("fx.enums.Ticket$Mood", mood.javaType());
    assertEquals(mood, model.provenance().enumType(QualifiedName.of("mood")).orElseThrow());
    assertTrue(
        model.ddl().stream().noneMatch(s -> s.startsWith("create cast")), "no implicit casts");
  }

  @Test
  void lobMapsToOid(TestDatabase db) {
    Table t = table(model("lob", db).schema(), "document");
    assertEquals("oid", type(t, "body"));
    assertEquals("oid", type(t, "scan"));
  }

  @Test
  void embeddablesWithOverrides(TestDatabase db) {
    EntityModel model = model("embeddables", db);
    Table t = table(model.schema(), "customers");
    assertEquals("character varying(200)", type(t, "street_line"));
    assertEquals("character varying(120)", type(t, "bill_street"));
    assertEquals("double precision", type(t, "bill_lat"));
    assertEquals(
        "billing.geo.lat",
        model
            .provenance()
            .column(QualifiedName.of("customers"), "bill_lat")
            .orElseThrow()
            .attribute());
  }

  @Test
  void elementCollectionsAndManyToMany(TestDatabase db) {
    EntityModel model = model("collections", db);
    Schema schema = model.schema();
    Table phones = table(schema, "member_phones");
    // In the order the SessionFactory's column ordering strategy gives it (int before bigint).
    assertEquals(List.of("phones_order", "member_id"), phones.primaryKey().columns());
    Table nicknames = table(schema, "member_nicknames");
    assertEquals(List.of("member_id", "nicknames"), nicknames.uniqueConstraints().get(0).columns());
    Table roles = table(schema, "member_roles");
    assertEquals(List.of("members_id", "roles_id"), roles.primaryKey().columns());
    assertEquals(2, roles.foreignKeys().size());
    assertEquals(
        "fx.col.Member.roles",
        model.provenance().entityOf(QualifiedName.of("member_roles")).orElseThrow());
    assertEquals(
        List.of("member_id", "counters_key"),
        table(schema, "member_counters").primaryKey().columns());
  }

  @Test
  void inheritanceStrategies(TestDatabase db) {
    Schema schema = model("inheritance", db).schema();
    Table animal = table(schema, "animal");
    assertEquals("character varying(31)", type(animal, "kind"));
    assertTrue(
        column(animal, "lives").nullable(), "subclass columns are nullable in a single table");
    Table car = table(schema, "car");
    assertEquals(List.of("vehicle_id"), car.primaryKey().columns());
    assertEquals(QualifiedName.of("vehicle"), car.foreignKeys().get(0).target());
    assertTrue(
        schema.table(QualifiedName.of("payment")).isEmpty(),
        "abstract TABLE_PER_CLASS root has no table");
    assertEquals(
        List.of("card_no", "id", "total"),
        table(schema, "card_payment").columns().stream().map(Column::name).sorted().toList());
    assertTrue(
        schema.sequences().stream()
            .anyMatch(s -> s.name().equals(QualifiedName.of("payment_seq"))));
  }

  @Test
  void secondaryTable(TestDatabase db) {
    Table details = table(model("secondary_table", db).schema(), "profile_details");
    assertEquals(List.of("profile_id"), details.primaryKey().columns());
    assertEquals(QualifiedName.of("profiles"), details.foreignKeys().get(0).target());
    assertEquals("text", type(details, "long_text"));
  }

  @Test
  void compositeKeys(TestDatabase db) {
    Schema schema = model("composite_keys", db).schema();
    assertEquals(
        List.of("lineno", "order_id"),
        table(schema, "order_lines").primaryKey().columns().stream().sorted().toList());
    // The runtime path's order: bigint (8 bytes) before varchar(32).
    assertEquals(List.of("warehouse", "sku"), table(schema, "stock").primaryKey().columns());
  }

  @Test
  void versionIdentityAndSequenceGenerators(TestDatabase db) {
    Schema schema = model("generators", db).schema();
    assertTrue(
        schema
            .sequences()
            .contains(
                new Sequence(
                    QualifiedName.of("invoice_number_seq"),
                    null,
                    SequenceOptions.DEFAULTS.withStart(1000L).withIncrement(20L),
                    null)),
        schema.sequences().toString());
    assertTrue(
        schema
            .sequences()
            .contains(
                new Sequence(
                    QualifiedName.of("receipts_seq"),
                    null,
                    SequenceOptions.DEFAULTS.withIncrement(50L),
                    null)),
        schema.sequences().toString());
    Table notes = table(schema, "notes");
    assertEquals("integer", type(notes, "id"));
    assertEquals(Identity.generatedByDefault(), column(notes, "id").identity());
    assertEquals("bigint", type(table(schema, "invoices"), "version"));
    assertFalse(column(table(schema, "invoices"), "version").nullable());
  }

  @Test
  void indexesAndUniqueConstraints(TestDatabase db) {
    Table accounts = table(model("indexes_uniques", db).schema(), "accounts");
    assertTrue(
        accounts
            .indexes()
            .contains(
                Index.on(
                    "ix_accounts_org_created",
                    List.of(IndexKey.column("org"), IndexKey.column("created").desc()))),
        accounts.indexes().toString());
    assertTrue(
        accounts
                .indexes()
                .contains(
                    Index.on("ux_accounts_handle", List.of(IndexKey.column("handle"))).asUnique())
            || accounts
                .uniqueConstraints()
                .contains(new UniqueConstraint("ux_accounts_handle", List.of("handle"), false)),
        accounts.indexes() + " " + accounts.uniqueConstraints());
    assertTrue(
        accounts.indexes().stream()
            .anyMatch(i -> i.keys().equals(List.of(IndexKey.column("region")))));
    assertTrue(
        accounts
            .uniqueConstraints()
            .contains(
                new UniqueConstraint("uq_accounts_org_email", List.of("org", "email"), false)));
    assertTrue(
        accounts.uniqueConstraints().stream().anyMatch(u -> u.columns().equals(List.of("code"))));
  }

  @Test
  void checkConstraintsAsPostgresRewritesThem(TestDatabase db) {
    Table products = table(model("checks", db).schema(), "products");
    List<String> checks =
        products.checkConstraints().stream()
            .map(c -> c.name() + ": " + c.expression())
            .sorted()
            .toList();
    assertEquals(
        List.of(
            "ck_products_name: length(name::text) > 0",
            "ck_products_price: price >= 0::numeric AND price < 1000000::numeric",
            "ck_products_stock: stock >= 0 AND stock <= 10000",
            "products_discount_check: discount = ANY (ARRAY[0, 5, 10])"),
        checks);
  }

  @Test
  void defaultsAndComments(TestDatabase db) {
    Table settings = table(model("defaults_comments", db).schema(), "settings");
    assertEquals("Per-tenant settings", settings.comment());
    assertEquals("'draft'::character varying", column(settings, "state").defaultValue());
    assertEquals("Lifecycle state; it's 'draft' first", column(settings, "state").comment());
    assertEquals("now()", column(settings, "created").defaultValue());
    assertEquals("CURRENT_TIMESTAMP", column(settings, "touched").defaultValue());
    assertEquals("0", column(settings, "attempts").defaultValue());
    assertEquals("1.5", column(settings, "factor").defaultValue());
    assertEquals("true", column(settings, "enabled").defaultValue());
    assertEquals("Free text", column(settings, "note").comment());
  }

  @Test
  void onDeleteActions(TestDatabase db) {
    List<ForeignKey> keys = table(model("on_delete", db).schema(), "players").foreignKeys();
    ForeignKey team =
        keys.stream().filter(k -> k.name().equals("fk_players_team")).findFirst().orElseThrow();
    assertEquals(ReferentialAction.CASCADE, team.onDelete());
    ForeignKey captain =
        keys.stream()
            .filter(k -> k.columns().equals(List.of("captain_of")))
            .findFirst()
            .orElseThrow();
    assertEquals(ReferentialAction.SET_NULL, captain.onDelete());
  }

  @Test
  void explicitSchemas(TestDatabase db) {
    db.execute("CREATE SCHEMA hr");
    Schema schema = model("schemas", db).schema();
    Table employees = schema.table(QualifiedName.of("hr", "employees")).orElseThrow();
    assertEquals(QualifiedName.of("departments"), employees.foreignKeys().get(0).target());
    assertEquals(
        List.of("ix_employees_dept"), employees.indexes().stream().map(Index::name).toList());
    assertTrue(
        schema
            .sequences()
            .contains(
                new Sequence(
                    QualifiedName.of("hr", "employee_seq"),
                    null,
                    SequenceOptions.DEFAULTS.withIncrement(10L),
                    null)),
        schema.sequences().toString());
    assertEquals(
        SqlType.userDefined(QualifiedName.of("grade"), 0), column(employees, "grade").type());
  }

  @Test
  void quotedIdentifiersAndReservedWords(TestDatabase db) {
    Schema schema = model("quoting", db).schema();
    Table user = table(schema, "user");
    assertEquals(
        List.of("MixedCase", "group", "id", "order", "with space"),
        user.columns().stream().map(Column::name).sorted().toList());
    Table order = table(schema, "Order");
    assertEquals(QualifiedName.of("user"), order.foreignKeys().get(0).target());
    assertTrue(order.column("select").isPresent());
  }

  @Test
  void physicalNamingStrategyGivesTheApplicationsNames(TestDatabase db) {
    Schema schema = model("naming_strategy", db).schema();
    Table account = table(schema, "billing_account");
    assertTrue(account.column("display_name").isPresent());
    assertTrue(account.column("primary_owner_id").isPresent());
    assertTrue(schema.table(QualifiedName.of("billing_account_tag_labels")).isPresent());
  }
}
