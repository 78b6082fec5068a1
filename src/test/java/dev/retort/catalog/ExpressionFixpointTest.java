package dev.retort.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ExpressionFixpointTest {

  @Test
  void inListOnVarcharBecomesItsStableSpelling() {
    assertEquals(
        "kind::text = ANY (ARRAY['OFFICE'::character varying::text, 'REMOTE'::character varying::text])",
        ExpressionFixpoint.of(
            "kind::text = ANY (ARRAY['OFFICE'::character varying, 'REMOTE'::character varying]::text[])"));
  }

  @Test
  void stableSpellingsAndOtherArraysAreLeftAlone() {
    String stable =
        "kind::text = ANY (ARRAY['A'::character varying::text, 'B, C'::character varying::text])";
    assertEquals(stable, ExpressionFixpoint.of(stable));
    assertEquals(
        "x = ANY (ARRAY[y, z]::integer[])",
        ExpressionFixpoint.of("x = ANY (ARRAY[y, z]::integer[])"));
    assertEquals("n >= 0::numeric", ExpressionFixpoint.of("n >= 0::numeric"));
    assertEquals(
        "s = ANY (ARRAY['it''s]'::character varying::text])",
        ExpressionFixpoint.of("s = ANY (ARRAY['it''s]'::character varying]::text[])"));
  }
}
