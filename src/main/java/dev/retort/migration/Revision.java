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
}
