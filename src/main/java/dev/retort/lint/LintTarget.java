package dev.retort.lint;

import dev.retort.migration.Migration;
import java.util.function.Supplier;

/**
 * One migration to lint.
 *
 * @param file where it came from, for findings (a path, or a class name)
 * @param source its Java source text, or null when there is none (a classpath migration); the
 *     suppression comments are read from it
 */
public record LintTarget(String id, String file, Supplier<Migration> factory, String source) {}
