package dev.retort.render;

import com.palantir.javapoet.CodeBlock;
import dev.retort.operation.AddColumn;
import dev.retort.operation.AddConstraint;
import dev.retort.operation.AlterColumn;
import dev.retort.operation.CreateIndex;
import dev.retort.operation.CreateTable;
import dev.retort.operation.DropColumn;
import dev.retort.operation.DropConstraint;
import dev.retort.operation.DropTable;
import dev.retort.operation.Operation;
import dev.retort.schema.QualifiedName;
import java.util.List;

/**
 * The body of {@code upgrade} or {@code downgrade}: statements in order, each with the table it
 * works on (when it has one), so that a body too large for one JVM method can be split into private
 * methods named for what they cover.
 *
 * @param parts the statements (an operation with its review comments), in order
 */
public record MethodBody(List<Part> parts) {

  /** One operation's statement, with its comments; {@code subject} is its table, or null. */
  public record Part(CodeBlock code, String subject) {

    /** A {@code //} comment line among the statements. */
    public static Part remark(String text) {
      return new Part(CodeBlock.of("// $L\n", text), null);
    }

    /** An empty line, between paragraphs of statements. */
    public static Part blankLine() {
      return new Part(CodeBlock.of("\n"), null);
    }
  }

  public MethodBody {
    parts = List.copyOf(parts);
  }

  /** A body written as it is (a blank migration's hint, a merge's note). */
  public static MethodBody of(CodeBlock code) {
    return new MethodBody(List.of(new Part(code, null)));
  }

  public CodeBlock code() {
    CodeBlock.Builder all = CodeBlock.builder();
    parts.forEach(part -> all.add(part.code()));
    return all.build();
  }

  /** The table an operation works on, when it is about one table. */
  static String subject(Operation operation) {
    QualifiedName table = null;
    if (operation instanceof CreateTable create) {
      table = create.table().name();
    } else if (operation instanceof DropTable drop) {
      table = drop.name();
    } else if (operation instanceof AddColumn add) {
      table = add.table();
    } else if (operation instanceof DropColumn drop) {
      table = drop.table();
    } else if (operation instanceof AlterColumn alter) {
      table = alter.table();
    } else if (operation instanceof CreateIndex index) {
      table = index.table();
    } else if (operation instanceof AddConstraint constraint) {
      table = constraint.table();
    } else if (operation instanceof DropConstraint constraint) {
      table = constraint.table();
    }
    return table == null ? null : table.toString();
  }
}
