package dev.retort.render;

import com.palantir.javapoet.CodeBlock;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.Constraint;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Identity;
import dev.retort.schema.Index;
import dev.retort.schema.IndexKey;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.SequenceOptions;
import dev.retort.schema.UniqueConstraint;
import java.util.List;

/** Columns, constraints, indexes and options as the DSL expressions that build them. */
final class DefinitionRenderer {

  private DefinitionRenderer() {}

  static CodeBlock column(Column column) {
    CodeBlock.Builder code =
        CodeBlock.builder()
            .add("column($S, $L)", column.name(), TypeRenderer.render(column.type()));
    if (column.identity() != null) {
      code.add(".withIdentity($L)", identity(column.identity()));
    } else if (!column.nullable()) {
      code.add(".notNull()");
    }
    if (column.defaultValue() != null) {
      code.add(".withDefault($S)", column.defaultValue());
    }
    if (column.generated() != null) {
      code.add(".withGenerated($S)", column.generated());
    }
    if (column.collation() != null) {
      code.add(".withCollation($S)", column.collation());
    }
    if (column.comment() != null) {
      code.add(".withComment($S)", column.comment());
    }
    return code.build();
  }

  static CodeBlock identity(Identity identity) {
    CodeBlock base = CodeBlock.of(identity.always() ? "identityAlways()" : "identity()");
    return identity.options().isDefault()
        ? base
        : CodeBlock.of("$L.withOptions($L)", base, sequenceOptions(identity.options()));
  }

  static CodeBlock sequenceOptions(SequenceOptions options) {
    CodeBlock.Builder code = CodeBlock.builder().add("sequenceOptions()");
    if (options.start() != null) {
      code.add(".withStart($LL)", options.start());
    }
    if (options.increment() != null) {
      code.add(".withIncrement($LL)", options.increment());
    }
    if (options.minValue() != null) {
      code.add(".withMinValue($LL)", options.minValue());
    }
    if (options.maxValue() != null) {
      code.add(".withMaxValue($LL)", options.maxValue());
    }
    if (options.cache() != null) {
      code.add(".withCache($LL)", options.cache());
    }
    if (options.cycle()) {
      code.add(".withCycle(true)");
    }
    return code.build();
  }

  static CodeBlock constraint(Constraint constraint) {
    if (constraint instanceof PrimaryKey) {
      PrimaryKey pk = (PrimaryKey) constraint;
      return CodeBlock.of("primaryKey($S, $L)", pk.name(), strings(pk.columns()));
    }
    if (constraint instanceof UniqueConstraint) {
      UniqueConstraint unique = (UniqueConstraint) constraint;
      CodeBlock base = CodeBlock.of("unique($S, $L)", unique.name(), strings(unique.columns()));
      return unique.nullsNotDistinct() ? CodeBlock.of("$L.withNullsNotDistinct()", base) : base;
    }
    if (constraint instanceof CheckConstraint) {
      CheckConstraint check = (CheckConstraint) constraint;
      return CodeBlock.of("check($S, $S)", check.name(), check.expression());
    }
    ForeignKey fk = (ForeignKey) constraint;
    CodeBlock.Builder code =
        CodeBlock.builder()
            .add(
                "foreignKey($S, $L).references($L, $L)",
                fk.name(),
                strings(fk.columns()),
                table(fk.target()),
                strings(fk.targetColumns()));
    if (fk.onDelete() != ReferentialAction.NO_ACTION) {
      code.add(".onDelete($L)", fk.onDelete().name());
    }
    if (fk.onUpdate() != ReferentialAction.NO_ACTION) {
      code.add(".onUpdate($L)", fk.onUpdate().name());
    }
    if (fk.initiallyDeferred()) {
      code.add(".deferrableInitiallyDeferred()");
    } else if (fk.deferrable()) {
      code.add(".deferrableInitiallyImmediate()");
    }
    return code.build();
  }

  /** A table reference in a foreign key: unqualified means the default schema. */
  private static CodeBlock table(QualifiedName name) {
    return name.schema() == null
        ? CodeBlock.of("$S", name.name())
        : CodeBlock.of("table($S, $S)", name.schema(), name.name());
  }

  static CodeBlock index(Index index) {
    CodeBlock.Builder code = CodeBlock.builder();
    boolean plain =
        index.keys().stream()
            .allMatch(
                k ->
                    k.column() != null
                        && !k.descending()
                        && k.nullsFirst() == null
                        && k.opclass() == null);
    if (plain) {
      code.add(
          "index($S, $L)",
          index.name(),
          strings(index.keys().stream().map(IndexKey::column).toList()));
    } else {
      code.add(
          "index($S, $L)",
          index.name(),
          CodeBlock.join(index.keys().stream().map(DefinitionRenderer::key).toList(), ", "));
    }
    if (index.unique()) {
      code.add(".asUnique()");
    }
    if (!index.method().equals("btree")) {
      code.add(".using($S)", index.method());
    }
    if (!index.include().isEmpty()) {
      code.add(".including($T.of($L))", List.class, strings(index.include()));
    }
    if (index.where() != null) {
      code.add(".where($S)", index.where());
    }
    if (index.nullsNotDistinct()) {
      code.add(".withNullsNotDistinct()");
    }
    return code.build();
  }

  private static CodeBlock key(IndexKey key) {
    CodeBlock.Builder code = CodeBlock.builder();
    code.add(
        key.column() != null ? "key($S)" : "expression($S)",
        key.column() != null ? key.column() : key.expression());
    if (key.descending()) {
      code.add(".desc()");
    }
    if (key.nullsFirst() != null) {
      code.add(".nullsFirst($L)", key.nullsFirst());
    }
    if (key.opclass() != null) {
      code.add(".withOpclass($S)", key.opclass());
    }
    return code.build();
  }

  static CodeBlock strings(List<String> values) {
    return CodeBlock.join(values.stream().map(v -> CodeBlock.of("$S", v)).toList(), ", ");
  }
}
