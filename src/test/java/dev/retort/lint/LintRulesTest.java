package dev.retort.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every rule, three ways: a migration that triggers it (at the line of the triggering call), one
 * that does the same thing safely, and the triggering one with a {@code retort:ignore} comment. The
 * tables the migrations touch ("orders", "customers") exist before them, as far as lint knows: only
 * tables a migration creates itself are new to it.
 */
class LintRulesTest {

  private static final LintSettings PG17 = new LintSettings(17, false);
  private static final String NOT_TRANSACTIONAL =
      "  @Override public boolean transactional() { return false; }\n";

  /**
   * @param before steps before the trigger
   * @param trigger the call the finding points at
   * @param after steps after it
   * @param clean the safe form of the same change
   */
  record Case(
      String rule,
      String before,
      String trigger,
      String after,
      String triggerMembers,
      String clean,
      String cleanMembers,
      LintSettings settings) {

    static Case of(String rule, String trigger, String clean) {
      return new Case(rule, "", trigger, "", "", clean, "", PG17);
    }

    Case before(String steps) {
      return new Case(rule, steps, trigger, after, triggerMembers, clean, cleanMembers, settings);
    }

    Case after(String steps) {
      return new Case(rule, before, trigger, steps, triggerMembers, clean, cleanMembers, settings);
    }

    Case members(String forTrigger, String forClean) {
      return new Case(rule, before, trigger, after, forTrigger, clean, forClean, settings);
    }

    Case on(LintSettings value) {
      return new Case(rule, before, trigger, after, triggerMembers, clean, cleanMembers, value);
    }

    String body(String comment) {
      return before + "\n    " + comment + "\n    " + trigger + "\n    " + after;
    }
  }

  static final List<Case> CASES =
      List.of(
          Case.of(
              "RT001",
              "op.createIndex(\"orders\", index(\"orders_total_idx\", \"total\"));",
              "op.createTable(\"archive\", column(\"id\", bigint()));"
                  + " op.createIndex(\"archive\", index(\"archive_id_idx\", \"id\"));"),
          Case.of(
                  "RT002",
                  "op.dropIndex(\"orders_total_idx\");",
                  "op.dropIndexConcurrently(\"orders_total_idx\");")
              .members(NOT_TRANSACTIONAL, NOT_TRANSACTIONAL),
          Case.of(
                  "RT003",
                  "op.createIndexConcurrently(\"orders\", index(\"orders_total_idx\", \"total\"));",
                  "op.createIndexConcurrently(\"orders\", index(\"orders_total_idx\", \"total\"));")
              .members("", NOT_TRANSACTIONAL),
          Case.of(
              "RT004",
              "op.addConstraint(\"orders\", foreignKey(\"orders_customer_fk\","
                  + " \"customer_id\").references(\"customers\", \"id\"));",
              "op.addConstraintNotValid(\"orders\", foreignKey(\"orders_customer_fk\","
                  + " \"customer_id\").references(\"customers\", \"id\"));"),
          Case.of(
                  "RT004",
                  "op.validateConstraint(\"orders\", \"orders_customer_fk\");",
                  "op.validateConstraint(\"orders\", \"orders_customer_fk\");")
              .before(
                  "op.addConstraintNotValid(\"orders\", foreignKey(\"orders_customer_fk\","
                      + " \"customer_id\").references(\"customers\", \"id\"));"),
          Case.of(
              "RT005",
              "op.addConstraint(\"orders\", check(\"orders_total_check\", \"total >= 0\"));",
              "op.addConstraintNotValid(\"orders\", check(\"orders_total_check\", \"total >= 0\"));"),
          Case.of(
              "RT006",
              "op.alterColumn(\"orders\", \"total\", change().notNull());",
              "op.alterColumn(\"orders\", \"total\", change().dropNotNull());"),
          Case.of(
              "RT007",
              "op.addColumn(\"orders\", column(\"token\", uuid()).withDefault(\"gen_random_uuid()\"));",
              "op.addColumn(\"orders\", column(\"created\", timestamptz()).withDefault(\"now()\"));"),
          Case.of(
                  "RT007",
                  "op.addColumn(\"orders\", column(\"state\", text()).withDefault(\"'new'\"));",
                  "op.addColumn(\"orders\", column(\"state\", text()));")
              .on(new LintSettings(10, false)),
          Case.of(
              "RT008",
              "op.alterColumn(\"orders\", \"total\", change().type(bigint()));",
              "op.createTable(\"archive\", column(\"total\", integer()));"
                  + " op.alterColumn(\"archive\", \"total\", change().type(bigint()));"),
          Case.of(
              "RT009",
              "op.addConstraint(\"orders\", unique(\"orders_code_key\", \"code\"));",
              "op.createTable(\"archive\", column(\"code\", text()));"
                  + " op.addConstraint(\"archive\", unique(\"archive_code_key\", \"code\"));"),
          Case.of(
              "RT010",
              "op.addColumn(\"orders\", column(\"seq\", bigint()).withIdentity(identity()));",
              "op.addColumn(\"orders\", column(\"seq\", bigint()));"),
          Case.of(
              "RT010",
              "op.addColumn(\"orders\", column(\"gross\", numeric(10, 2)).withGenerated(\"total *"
                  + " 1.2\"));",
              "op.addColumn(\"orders\", column(\"gross\", numeric(10, 2)));"),
          Case.of(
              "RT011",
              "op.renameColumn(\"orders\", \"total\", \"amount\");",
              "op.createTable(\"archive\", column(\"total\", bigint()));"
                  + " op.renameColumn(\"archive\", \"total\", \"amount\");"),
          Case.of(
              "RT011",
              "op.renameTable(\"orders\", \"purchases\");",
              "op.createTable(\"archive\", column(\"id\", bigint()));"
                  + " op.renameTable(\"archive\", \"archived\");"),
          Case.of(
              "RT012",
              "op.dropColumn(\"orders\", \"total\");",
              "op.addColumn(\"orders\", column(\"note\", text()));"),
          Case.of(
              "RT013",
              "op.dropTable(\"orders\");",
              "op.createTable(\"scratch\", column(\"id\", bigint())); op.dropTable(\"scratch\");"),
          Case.of(
                  "RT014",
                  "op.addEnumValue(\"mood\", \"calm\");",
                  "op.addEnumValue(\"mood\", \"calm\");")
              .after("op.execute(\"UPDATE people SET mood = 'calm' WHERE mood = 'ok'\");"),
          Case.of(
                  "RT014",
                  "op.addEnumValue(\"mood\", \"calm\");",
                  "op.addEnumValue(\"mood\", \"calm\");")
              .members("", NOT_TRANSACTIONAL)
              .on(new LintSettings(11, false)),
          Case.of(
              "RT015",
              "op.renameEnumValue(\"mood\", \"ok\", \"fine\");",
              "op.addEnumValue(\"mood\", \"fine\");"),
          Case.of(
              "RT016",
              "op.addColumn(\"orders\", column(\"note\", text()));",
              "op.execute(\"SET lock_timeout = '5s'\");"
                  + " op.addColumn(\"orders\", column(\"note\", text()));"),
          Case.of(
                  "RT017",
                  "op.execute(\"UPDATE orders SET note = '' WHERE note IS NULL\");",
                  "op.execute(\"UPDATE orders SET note = '' WHERE note IS NULL\");")
              .before("op.addColumn(\"orders\", column(\"note\", text()));")
              .members("", NOT_TRANSACTIONAL),
          Case.of(
                  "RT017",
                  "op.backfill(\"orders\", \"note\", \"''\");",
                  "op.backfill(\"orders\", \"note\", \"''\");")
              .members("", NOT_TRANSACTIONAL),
          Case.of(
              "RT018",
              "op.execute(\"DELETE FROM orders\");",
              "op.execute(\"DELETE FROM orders WHERE total < 0\");"),
          Case.of(
              "RT018",
              "op.execute(\"UPDATE orders SET total = 0\");",
              "op.execute(\"UPDATE orders SET total = 0 WHERE total IS NULL\");"),
          Case.of(
              "RT019",
              "op.execute(\"TRUNCATE orders CASCADE\");",
              "op.execute(\"TRUNCATE orders\");"),
          Case.of(
              "RT020",
              "op.addConstraintNotValid(\"orders\", foreignKey(\"orders_customer_fk\","
                  + " \"customer_id\").references(\"customers\", \"id\").onDelete(CASCADE));",
              "op.addConstraintNotValid(\"orders\", foreignKey(\"orders_customer_fk\","
                  + " \"customer_id\").references(\"customers\", \"id\").onDelete(RESTRICT));"),
          Case.of(
              "RT021",
              "op.createTable(\"items\", column(\"id\", bigint()), column(\"order_id\", bigint()),"
                  + " primaryKey(\"items_pkey\", \"id\"), foreignKey(\"items_order_fk\","
                  + " \"order_id\").references(\"orders\", \"id\"));",
              "op.createTable(\"items\", column(\"id\", bigint()), column(\"order_id\", bigint()),"
                  + " primaryKey(\"items_pkey\", \"id\"), foreignKey(\"items_order_fk\","
                  + " \"order_id\").references(\"orders\", \"id\"));"
                  + " op.createIndex(\"items\", index(\"items_order_idx\", \"order_id\", \"id\"));"),
          Case.of(
              "RT022",
              "op.createTable(\"items\", column(\"id\", integer()), primaryKey(\"items_pkey\","
                  + " \"id\"));",
              "op.createTable(\"items\", column(\"id\", bigint()), primaryKey(\"items_pkey\","
                  + " \"id\"));"),
          Case.of(
              "RT023",
              "op.addColumn(\"orders\", column(\"shipped\", timestamp()));",
              "op.addColumn(\"orders\", column(\"shipped\", timestamptz()));"),
          Case.of(
              "RT024",
              "op.addColumn(\"orders\", column(\"extra\", json()));",
              "op.addColumn(\"orders\", column(\"extra\", jsonb()));"),
          Case.of(
              "RT025",
              "op.addColumn(\"orders\", column(\"currency\", character(3)));",
              "op.addColumn(\"orders\", column(\"currency\", varchar(3)));"),
          Case.of(
              "RT026",
              "op.execute(\"ALTER TYPE mood ADD VALUE 'calm'\");",
              "op.execute(\"UPDATE orders SET total = 0 WHERE total IS NULL\");"),
          Case.of(
              "RT027",
              "op.connection();",
              "op.execute(\"UPDATE orders SET total = 0 WHERE total IS NULL\");"),
          Case.of(
                  "RT029",
                  "op.decide(\"value of orders.note on existing rows\");",
                  "op.backfill(\"orders\", \"note\", \"'none'\");")
              .members("", NOT_TRANSACTIONAL));

  @TempDir static Path directory;
  private static LintedMigrations migrations;

  @BeforeAll
  static void compile() {
    migrations = new LintedMigrations(directory);
    for (int i = 0; i < CASES.size(); i++) {
      Case c = CASES.get(i);
      migrations.add("Trigger" + i, c.body(""), c.triggerMembers());
      migrations.add("Clean" + i, c.clean(), c.cleanMembers());
      migrations.add(
          "Suppressed" + i,
          c.body("// retort:ignore " + c.rule() + " -- reviewed: the table is tiny"),
          c.triggerMembers());
      migrations.add("NoReason" + i, c.body("// retort:ignore " + c.rule()), c.triggerMembers());
    }
  }

  @TestFactory
  Stream<DynamicTest> eachRuleTriggersAtItsLineIsQuietWhenSafeAndCanBeSuppressed() {
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < CASES.size(); i++) {
      Case c = CASES.get(i);
      int n = i;
      tests.add(
          DynamicTest.dynamicTest(
              c.rule() + " #" + n + " triggers",
              () -> {
                List<Finding> findings = migrations.lint("Trigger" + n, c.settings());
                int line = migrations.lineOf("Trigger" + n, c.trigger());
                assertTrue(
                    findings.stream()
                        .anyMatch(f -> f.ruleId().equals(c.rule()) && f.line() == line),
                    c.rule() + " at line " + line + " expected in " + findings);
              }));
      tests.add(
          DynamicTest.dynamicTest(
              c.rule() + " #" + n + " is quiet on the safe form",
              () ->
                  assertFalse(
                      ids(migrations.lint("Clean" + n, c.settings())).contains(c.rule()),
                      migrations.source("Clean" + n))));
      tests.add(
          DynamicTest.dynamicTest(
              c.rule() + " #" + n + " is suppressed with a reason",
              () -> {
                Set<String> ids = ids(migrations.lint("Suppressed" + n, c.settings()));
                assertFalse(ids.contains(c.rule()), ids.toString());
                assertFalse(ids.contains("RT028"), ids.toString());
              }));
      tests.add(
          DynamicTest.dynamicTest(
              c.rule() + " #" + n + " is not suppressed without a reason",
              () -> {
                Set<String> ids = ids(migrations.lint("NoReason" + n, c.settings()));
                assertTrue(ids.contains(c.rule()), ids.toString());
                assertTrue(ids.contains("RT028"), ids.toString());
              }));
    }
    return tests.stream();
  }

  @Test
  void everyRuleHasACase() {
    Set<String> covered = CASES.stream().map(Case::rule).collect(Collectors.toSet());
    covered.add("RT028"); // the NoReason variants trigger it for every case
    Set<String> missing = new TreeSet<>(Rules.ids());
    missing.removeAll(covered);
    assertEquals(Set.of(), missing);
  }

  @Test
  void theRunnersLockTimeoutSilencesRt016() {
    int i = indexOf("RT016");
    assertTrue(ids(migrations.lint("Trigger" + i, PG17)).contains("RT016"));
    assertFalse(ids(migrations.lint("Trigger" + i, new LintSettings(17, true))).contains("RT016"));
  }

  @Test
  void anUnknownRuleInASuppressionIsReported() {
    LintedMigrations own = new LintedMigrations(directory.resolve("unknown"));
    own.add(
        "UnknownRule",
        "// retort:ignore RT999 -- no such rule\n    op.dropColumn(\"orders\", \"total\");",
        "");
    List<Finding> findings = own.lint("UnknownRule", PG17);
    assertTrue(
        findings.stream()
            .anyMatch(f -> f.ruleId().equals("RT028") && f.message().contains("RT999")),
        findings.toString());
    assertTrue(ids(findings).contains("RT012"), findings.toString());
  }

  private static int indexOf(String rule) {
    for (int i = 0; i < CASES.size(); i++) {
      if (CASES.get(i).rule().equals(rule)) {
        return i;
      }
    }
    throw new AssertionError(rule);
  }

  static Set<String> ids(List<Finding> findings) {
    return findings.stream().map(Finding::ruleId).collect(Collectors.toCollection(TreeSet::new));
  }
}
