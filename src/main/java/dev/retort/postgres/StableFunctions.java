package dev.retort.postgres;

import java.util.Locale;
import java.util.Set;

/**
 * Built-in functions that are not volatile ({@code pg_proc.provolatile} is {@code s} or {@code i}),
 * among those defaults and expressions use: a column default calling only these is computed once
 * when the column is added (PostgreSQL 11+), where a volatile one ({@code random()}, {@code
 * clock_timestamp()}, {@code gen_random_uuid()}, {@code nextval()}, any user function not declared
 * otherwise) is computed for every row and rewrites the table. The one list both the planner and
 * lint decide by.
 */
public final class StableFunctions {

  private static final Set<String> NAMES =
      Set.of(
          "abs",
          "array",
          "array_length",
          "btrim",
          "coalesce",
          "concat",
          "current_date",
          "current_schema",
          "current_setting",
          "current_time",
          "current_timestamp",
          "current_user",
          "date_trunc",
          "greatest",
          "json_build_array",
          "json_build_object",
          "jsonb_build_array",
          "jsonb_build_object",
          "least",
          "length",
          "localtime",
          "localtimestamp",
          "lower",
          "make_date",
          "make_interval",
          "now",
          "nullif",
          "round",
          "session_user",
          "statement_timestamp",
          "timezone",
          "to_char",
          "to_date",
          "to_jsonb",
          "to_timestamp",
          "transaction_timestamp",
          "trim",
          "upper");

  private StableFunctions() {}

  /** Whether the function (unqualified, any case) is known not to be volatile. */
  public static boolean contains(String function) {
    return NAMES.contains(function.toLowerCase(Locale.ROOT));
  }
}
