package dev.retort.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Columns renamed inside deparsed expressions, and nothing else renamed with them. */
class SqlColumnRenamerTest {

  private static final Map<String, String> RENAMES =
      Map.of("state", "status", "text", "body", "Amount", "total", "lower", "low", "n", "Count");

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a plain column                 | (state > 0)                                   | (status > 0)",
        "a string literal is data        | ((state)::text = 'state'::text)               | ((status)::text = 'state'::text)",
        "a type after :: is a type       | (text)::text                                  | (body)::text",
        "a function name is a function   | lower((state)::text)                          | lower((status)::text)",
        "a quoted name                   | (\"Amount\" >= 0)                             | (total >= 0)",
        "a new name that needs quotes    | (n > 0)                                       | (\"Count\" > 0)",
        "a field of a composite value    | ((x).state IS NULL)                           | ((x).state IS NULL)",
        "a doubled quote in a literal    | (state <> 'it''s state')                      | (status <> 'it''s state')",
        "a column named like a function  | (lower > 0)                                   | (low > 0)",
        "upper case reads as lower case  | (STATE IS NOT NULL)                           | (status IS NOT NULL)",
      })
  void renames(String name, String before, String after) {
    assertEquals(after, SqlColumnRenamer.rename(before, RENAMES));
  }
}
