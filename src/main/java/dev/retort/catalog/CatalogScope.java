package dev.retort.catalog;

import dev.retort.postgres.Identifiers;
import dev.retort.schema.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What to read and how to name it in the model.
 *
 * @param databaseSchemas the schemas to read as the database names them, the default one first
 * @param realSchemas the schemas they stand for, in the same order: the same names for a live
 *     database, the configured schemas for scratch copies made while canonicalizing the entities
 * @param ignoredTables tables never reported (the version table and its history), in model names
 * @param include table name patterns to read ({@code *}, {@code ?}); empty means all
 * @param exclude table name patterns to leave out
 */
public record CatalogScope(
    List<String> databaseSchemas,
    List<String> realSchemas,
    List<QualifiedName> ignoredTables,
    List<String> include,
    List<String> exclude) {

  public CatalogScope {
    databaseSchemas = List.copyOf(databaseSchemas);
    realSchemas = List.copyOf(realSchemas);
    ignoredTables = List.copyOf(ignoredTables);
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
    if (databaseSchemas.isEmpty() || databaseSchemas.size() != realSchemas.size()) {
      throw new IllegalArgumentException("each schema read needs the schema it stands for");
    }
  }

  /** The live database: the schemas are what they are. */
  public static CatalogScope live(
      List<String> schemas,
      List<QualifiedName> ignoredTables,
      List<String> include,
      List<String> exclude) {
    return new CatalogScope(schemas, schemas, ignoredTables, include, exclude);
  }

  /**
   * The same schemas without the rules that leave tables out (ignored tables, include, exclude).
   */
  public CatalogScope unfiltered() {
    return new CatalogScope(databaseSchemas, realSchemas, List.of(), List.of(), List.of());
  }

  /** The same rules over scratch copies of the schemas. */
  public CatalogScope onScratch(List<String> scratchSchemas) {
    return new CatalogScope(scratchSchemas, realSchemas, ignoredTables, include, exclude);
  }

  /**
   * A database schema's name in the model: null for the default schema (the first real one), the
   * real name for the others, and any schema outside the scope as it is.
   */
  public String modelSchema(String databaseSchema) {
    int index = databaseSchemas.indexOf(databaseSchema);
    String real = index >= 0 ? realSchemas.get(index) : databaseSchema;
    return real.equals(realSchemas.get(0)) ? null : real;
  }

  public QualifiedName modelName(String databaseSchema, String name) {
    return new QualifiedName(modelSchema(databaseSchema), name);
  }

  /**
   * An expression as the model holds it: in PostgreSQL's stable spelling (see {@link
   * ExpressionFixpoint}), and naming schemas as the model does. PostgreSQL prints a name qualified
   * when its schema is not on the search path; an expression read from a scratch schema then names
   * the scratch schema, which this replaces by the model's spelling (nothing for the default
   * schema).
   */
  public String modelExpression(String expression) {
    if (expression == null) {
      return null;
    }
    String result = ExpressionFixpoint.of(expression);
    for (int i = 0; i < databaseSchemas.size(); i++) {
      String database = databaseSchemas.get(i);
      // Most expressions name no schema: no pattern to compile for them (thousands per read).
      if (database.equals(realSchemas.get(i)) || !result.contains(database)) {
        continue;
      }
      String model = modelSchema(database);
      Pattern qualifier =
          Pattern.compile(
              "(?<![A-Za-z0-9_$\"])(\""
                  + Pattern.quote(database)
                  + "\"|"
                  + Pattern.quote(database)
                  + ")\\.");
      result =
          qualifier
              .matcher(result)
              .replaceAll(
                  Matcher.quoteReplacement(model == null ? "" : Identifiers.quote(model) + "."));
    }
    return result;
  }

  public boolean isIgnored(QualifiedName table) {
    if (ignoredTables.contains(table)) {
      return true;
    }
    String plain = table.name();
    String qualified = table.toString();
    if (!include.isEmpty()
        && include.stream().noneMatch(p -> matches(p, plain) || matches(p, qualified))) {
      return true;
    }
    return exclude.stream().anyMatch(p -> matches(p, plain) || matches(p, qualified));
  }

  /**
   * Whether an {@code include} pattern asks for this table in particular (any pattern but {@code
   * *}): what brings another tool's bookkeeping table back into the comparison.
   */
  public boolean isNamedByInclude(QualifiedName table) {
    return include.stream()
        .filter(p -> !p.equals("*"))
        .anyMatch(p -> matches(p, table.name()) || matches(p, table.toString()));
  }

  /** Whether {@code name} matches a pattern of {@code *} and {@code ?}: the one glob matcher. */
  public static boolean matches(String glob, String name) {
    List<String> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    for (char ch : glob.toCharArray()) {
      if (ch == '*' || ch == '?') {
        parts.add(Pattern.quote(literal.toString()));
        literal.setLength(0);
        parts.add(ch == '*' ? ".*" : ".");
      } else {
        literal.append(ch);
      }
    }
    parts.add(Pattern.quote(literal.toString()));
    return Pattern.matches(String.join("", parts), name);
  }
}
