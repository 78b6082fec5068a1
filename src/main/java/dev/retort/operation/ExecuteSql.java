package dev.retort.operation;

import java.util.List;

/** Raw SQL. {@code reverseSql} is optional; without it the operation cannot be reversed. */
public record ExecuteSql(String sql, String reverseSql) implements Operation {

  @Override
  public List<Operation> reverse() {
    if (reverseSql == null) {
      return List.of(new Irreversible("raw SQL has no automatic reverse: " + abbreviate(sql)));
    }
    return List.of(new ExecuteSql(reverseSql, sql));
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.visit(this);
  }

  private static String abbreviate(String sql) {
    String oneLine = sql.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
  }
}
