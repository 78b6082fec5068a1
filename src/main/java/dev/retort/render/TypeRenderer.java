package dev.retort.render;

import com.palantir.javapoet.CodeBlock;
import dev.retort.migration.BuiltinType;
import dev.retort.schema.SqlType;
import java.util.List;
import java.util.Optional;

/**
 * A type as the DSL call that spells it: {@code character varying(255)} becomes {@code
 * varchar(255)}. The factories come from {@link BuiltinType}, the table the DSL itself builds types
 * from, so rendering and compiling gives the same type back; any other type is {@code type("...")}.
 */
final class TypeRenderer {

  private TypeRenderer() {}

  static CodeBlock render(SqlType type) {
    CodeBlock element;
    if (type.isUserDefined()) {
      element =
          type.userDefined().schema() == null
              ? CodeBlock.of("enumType($S)", type.userDefined().name())
              : CodeBlock.of(
                  "enumType($S, $S)", type.userDefined().schema(), type.userDefined().name());
    } else {
      element =
          builtin(type.element())
              .orElse(CodeBlock.of("type($S)", type.element().builtinSpelling()));
    }
    for (int i = 0; i < type.arrayDimensions(); i++) {
      element = CodeBlock.of("arrayOf($L)", element);
    }
    return element;
  }

  private static Optional<CodeBlock> builtin(SqlType type) {
    List<Integer> modifiers = type.numericModifiers();
    if (type.modifiers() != null && modifiers.isEmpty()) {
      return Optional.empty();
    }
    return BuiltinType.bySqlName(type.name())
        .filter(builtin -> builtin.modifiers().accepts(modifiers.size()))
        .map(
            builtin ->
                CodeBlock.of(
                    "$L($L)",
                    builtin.factory(),
                    CodeBlock.join(
                        modifiers.stream().map(m -> CodeBlock.of("$L", m)).toList(), ", ")));
  }
}
