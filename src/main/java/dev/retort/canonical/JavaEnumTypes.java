package dev.retort.canonical;

import dev.retort.schema.Column;
import dev.retort.schema.EntityProvenance;
import dev.retort.schema.EnumType;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The enum types of the entity model: those its columns use, with the Java enum's values. */
public final class JavaEnumTypes {

  private JavaEnumTypes() {}

  /**
   * Keeps the enum types the entities' columns use, and adds those a column names through {@code
   * columnDefinition} without Hibernate creating them: their values are the Java enum's.
   */
  public static Schema complete(Schema schema, EntityProvenance provenance) {
    Set<QualifiedName> used = new TreeSet<>();
    for (Table table : schema.tables()) {
      for (Column column : table.columns()) {
        if (column.type().isUserDefined()) {
          used.add(column.type().userDefined());
        }
      }
    }
    List<EnumType> types = new ArrayList<>();
    Set<QualifiedName> present = new HashSet<>();
    for (EnumType type : schema.enumTypes()) {
      if (used.contains(type.name())) {
        types.add(type);
        present.add(type.name());
      }
    }
    for (QualifiedName name : used) {
      if (!present.contains(name)) {
        provenance
            .enumType(name)
            .ifPresent(mapping -> types.add(new EnumType(name, mapping.constants())));
      }
    }
    return new Schema(schema.tables(), schema.sequences(), types, schema.views());
  }
}
