package dev.retort.schema;

import java.util.List;

/**
 * The Java enum behind a column and how it is stored.
 *
 * @param javaType the enum class name
 * @param constants its constants in declaration order
 */
public record EnumMapping(String javaType, List<String> constants, Storage storage) {

  public enum Storage {
    /** {@code @Enumerated(STRING)}: names in a varchar column, guarded by a check constraint. */
    STRING,
    /** {@code @Enumerated(ORDINAL)}: positions in a smallint column, guarded by a check. */
    ORDINAL,
    /** A PostgreSQL enum type. */
    NAMED_TYPE,
    /**
     * An {@code AttributeConverter} of the application's: the stored values are the converter's,
     * which Retort cannot name; Hibernate 7 guards them with a check of its own.
     */
    CONVERTED
  }

  public EnumMapping {
    constants = List.copyOf(constants);
  }

  public String simpleName() {
    return javaType.substring(javaType.lastIndexOf('.') + 1).replace('$', '.');
  }
}
