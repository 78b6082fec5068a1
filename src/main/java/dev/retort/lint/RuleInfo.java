package dev.retort.lint;

/**
 * What a rule is, for reports and the README's table.
 *
 * @param id stable, never reused: {@code RT001}...
 * @param why what goes wrong in production
 * @param instead the safe alternative
 */
public record RuleInfo(String id, Severity severity, String title, String why, String instead) {}
