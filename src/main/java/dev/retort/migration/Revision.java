package dev.retort.migration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Identifies a {@link Migration} and places it in the revision graph. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Revision {

  /** A unique id; commands accept any unique prefix of it. */
  String id();

  /** The revisions this one follows: none for a first revision, several for a merge. */
  String[] revises() default {};

  /** Creation time, ISO-8601 ({@code 2026-11-21T10:15:30Z}). */
  String created() default "";

  /** The one-line message given to {@code retort revision -m}. */
  String message() default "";

  /**
   * For a squash ({@code retort squash}): the revisions this one stands for, parents first, the
   * last being the revision it is equivalent to. While all their files exist they are used and this
   * one is not; once they are deleted, a database at the last of them is at this one.
   */
  String[] replaces() default {};
}
