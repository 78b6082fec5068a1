package dev.retort.lint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Every lint rule, by id. Ids are stable: a rule that goes leaves its id unused. */
public final class Rules {

  private static final List<LintRule> ALL = build();

  private Rules() {}

  private static List<LintRule> build() {
    List<LintRule> all = new ArrayList<>();
    all.addAll(IndexRules.rules());
    all.addAll(ConstraintRules.rules());
    all.addAll(ColumnRules.rules());
    all.addAll(BreakingRules.rules());
    all.addAll(EnumRules.rules());
    all.add(new LockTimeoutRule());
    all.addAll(DataRules.rules());
    all.addAll(DataRules.statementRules());
    all.add(new ForeignKeyIndexRule());
    all.addAll(TypeHygieneRules.rules());
    all.addAll(MetaRules.rules());
    all.sort(Comparator.comparing(rule -> rule.info().id()));
    return List.copyOf(all);
  }

  static List<LintRule> all() {
    return ALL;
  }

  /** What each rule is, in id order: for the reports' rule lists and the README. */
  public static List<RuleInfo> infos() {
    return ALL.stream().map(LintRule::info).toList();
  }

  static Set<String> ids() {
    return ALL.stream().map(rule -> rule.info().id()).collect(Collectors.toSet());
  }
}
