package dev.retort.migration;

import java.util.Objects;

/** {@code check("price_positive", "price > 0")}: the expression is SQL. */
public final class CheckDefinition implements ConstraintDefinition {

  private final String name;
  private final String expression;

  CheckDefinition(String name, String expression) {
    this.name = name;
    this.expression = Objects.requireNonNull(expression, "expression");
  }

  @Override
  public String name() {
    return name;
  }

  public String expression() {
    return expression;
  }
}
