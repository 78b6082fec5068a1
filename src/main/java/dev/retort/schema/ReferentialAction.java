package dev.retort.schema;

/** What a foreign key does when the referenced row is deleted or updated. */
public enum ReferentialAction {
  NO_ACTION("NO ACTION"),
  RESTRICT("RESTRICT"),
  CASCADE("CASCADE"),
  SET_NULL("SET NULL"),
  SET_DEFAULT("SET DEFAULT");

  private final String sql;

  ReferentialAction(String sql) {
    this.sql = sql;
  }

  public String sql() {
    return sql;
  }

  /** Decodes {@code pg_constraint.confdeltype}/{@code confupdtype}. */
  public static ReferentialAction fromCatalogCode(char code) {
    switch (code) {
      case 'a':
        return NO_ACTION;
      case 'r':
        return RESTRICT;
      case 'c':
        return CASCADE;
      case 'n':
        return SET_NULL;
      case 'd':
        return SET_DEFAULT;
      default:
        throw new IllegalArgumentException("unknown referential action code " + code);
    }
  }
}
