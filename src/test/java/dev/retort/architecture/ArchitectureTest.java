package dev.retort.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The package rules of DESIGN.md section 2, checked on the compiled product; and each rule shown to
 * fail on a planted violation (the classes under {@code dev.retort.architecture.planted}).
 */
class ArchitectureTest {

  private static final JavaClasses PRODUCT =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.retort");

  private static final JavaClasses PLANTED =
      new ClassFileImporter().importPackages("dev.retort.architecture.planted");

  @TestFactory
  Stream<DynamicTest> theProductKeepsEveryRule() {
    ArchitectureRules rules = new ArchitectureRules("dev.retort");
    return rules.all().stream()
        .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(PRODUCT)));
  }

  @Test
  void thePackagesStandInAtMostEightLevels() {
    Map<Integer, Set<String>> levels = new ArchitectureRules("dev.retort").levels(PRODUCT);
    int highest = levels.keySet().stream().max(Integer::compare).orElse(0);
    assertTrue(
        highest <= ArchitectureRules.MAX_LEVELS,
        "the packages stand in " + highest + " levels: " + levels);
  }

  @TestFactory
  Stream<DynamicTest> everyRuleFailsOnAPlantedViolation() {
    ArchitectureRules rules = new ArchitectureRules("dev.retort.architecture.planted");
    return rules.all().stream()
        .map(
            rule ->
                DynamicTest.dynamicTest(
                    rule.getDescription(),
                    () -> assertThrows(AssertionError.class, () -> rule.check(PLANTED))));
  }

  @Test
  void aTenthLevelIsNoticed() {
    Map<Integer, Set<String>> levels =
        new ArchitectureRules("dev.retort.architecture.planted.levels").levels(PLANTED);
    assertFalse(
        levels.keySet().stream().allMatch(l -> l <= ArchitectureRules.MAX_LEVELS),
        levels.toString());
  }

  static void check(ArchRule rule, JavaClasses classes) {
    rule.check(classes);
  }
}
