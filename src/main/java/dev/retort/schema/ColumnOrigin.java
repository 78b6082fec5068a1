package dev.retort.schema;

/**
 * Which entity attribute produced a column.
 *
 * @param entity the entity class name
 * @param attribute the attribute path ({@code address.zipCode}, {@code roles<key>})
 * @param enumMapping the Java enum behind the column, or null
 */
public record ColumnOrigin(String entity, String attribute, EnumMapping enumMapping) {

  /** {@code User.email}, for messages. */
  public String describe() {
    return entity.substring(entity.lastIndexOf('.') + 1) + "." + attribute;
  }
}
