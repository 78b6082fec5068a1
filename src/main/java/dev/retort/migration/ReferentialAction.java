package dev.retort.migration;

/** What a foreign key does when the referenced row is deleted or updated. */
public enum ReferentialAction {
  NO_ACTION,
  RESTRICT,
  CASCADE,
  SET_NULL,
  SET_DEFAULT
}
