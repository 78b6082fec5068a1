package dev.retort.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class VolatilityTest {

  @Test
  void functionsAreReadFromTheParsedExpression() {
    assertEquals(List.of(), Volatility.volatileCalls("now()"));
    assertEquals(List.of(), Volatility.volatileCalls("CURRENT_TIMESTAMP"));
    assertEquals(List.of(), Volatility.volatileCalls("'random()'::text"));
    assertEquals(List.of("random()"), Volatility.volatileCalls("(random() * 10)::int"));
    assertEquals(
        List.of("md5()", "random()"), Volatility.volatileCalls("lower(md5(random()::text))"));
    assertEquals(List.of("nextval()"), Volatility.volatileCalls("nextval('s'::regclass)"));
    assertEquals(List.of("app.next_code()"), Volatility.volatileCalls("app.next_code()"));
  }
}
