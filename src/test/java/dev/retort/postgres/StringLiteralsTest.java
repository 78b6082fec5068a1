package dev.retort.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** String constants as PostgreSQL's lexer reads them, and nothing that only spells one. */
class StringLiteralsTest {

  @Test
  void readsConstantsWithTheirEscapes() {
    assertEquals(
        List.of("it's", "a'b\\c", "HAPPY"),
        StringLiterals.in("SELECT 'it''s', E'a\\'b\\\\c', 'HAPPY'::mood"));
  }

  @Test
  void namesCommentsAndDollarBodiesAreNoConstants() {
    assertEquals(
        List.of("x"),
        StringLiterals.in(
            "SELECT \"HAPPY\" -- 'HAPPY'\n /* 'HAPPY' */ FROM t WHERE $1 = 'x' AND $$'HAPPY'$$ <> ''"
                .replace("<> ''", "")));
  }

  @Test
  void aSubstringIsNoUse() {
    assertEquals(List.of("UNHAPPY"), StringLiterals.in("status = 'UNHAPPY'"));
  }
}
