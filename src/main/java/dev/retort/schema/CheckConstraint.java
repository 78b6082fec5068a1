package dev.retort.schema;

import java.util.Objects;

/**
 * @param expression the boolean expression, without the {@code CHECK (...)} wrapper
 */
public record CheckConstraint(String name, String expression) implements Constraint {

  public CheckConstraint {
    Objects.requireNonNull(expression, "expression");
  }

  @Override
  public CheckConstraint withName(String newName) {
    return new CheckConstraint(newName, expression);
  }

  @Override
  public String kind() {
    return "check constraint";
  }
}
