package dev.retort.render;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.retort.migration.Dsl;
import dev.retort.migration.Migration;
import dev.retort.migration.Operations;
import dev.retort.migration.OrdinalEnum;
import dev.retort.migration.Revision;
import dev.retort.schema.OrdinalOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.Modifier;

/** Writes a {@link MigrationClass} as Java source, the same bytes for the same input. */
public final class MigrationClassWriter {

  /** The width a generated line may have. */
  static final int LINE_WIDTH = 100;

  public String write(MigrationClass spec) {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(spec.header().className())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(Migration.class)
            .addJavadoc(header(spec))
            .addAnnotation(revision(spec))
            .addAnnotations(
                spec.ordinalOrders().stream().map(MigrationClassWriter::ordinalEnum).toList());
    addBody(type, "upgrade", spec.upgrade());
    addBody(type, "downgrade", spec.downgrade());
    if (!spec.transactional()) {
      type.addMethod(
          MethodSpec.methodBuilder("transactional")
              .addJavadoc(
                  "PostgreSQL refuses some of these statements inside a transaction block, so each"
                      + " runs on its own.\n")
              .addAnnotation(Override.class)
              .addModifiers(Modifier.PUBLIC)
              .returns(boolean.class)
              .addStatement("return false")
              .build());
    }
    JavaFile file =
        JavaFile.builder(spec.header().packageName(), type.build())
            .addStaticImport(ClassName.get(Dsl.class), "*")
            .skipJavaLangImports(true)
            .indent("    ")
            .build();
    return oneLineRevision(file.toString());
  }

  /** JavaPoet puts each annotation member on a line of its own; one line reads better. */
  private static final Pattern REVISION =
      Pattern.compile("(?m)^@Revision\\(\n((?:[ \t]+[^\n]*\n)+?)\\)$");

  private static String oneLineRevision(String source) {
    Matcher matcher = REVISION.matcher(source);
    if (!matcher.find()) {
      return source;
    }
    String members = String.join(" ", matcher.group(1).strip().lines().map(String::strip).toList());
    String line = "@Revision(" + members + ")";
    return line.length() > LINE_WIDTH
        ? source
        : source.substring(0, matcher.start()) + line + source.substring(matcher.end());
  }

  private static CodeBlock header(MigrationClass spec) {
    CodeBlock.Builder doc = CodeBlock.builder();
    String message =
        capitalize(
            spec.header().message().isBlank() ? "(no message)" : spec.header().message().strip());
    doc.add("$L\n", escapeHtml(message.endsWith(".") ? message : message + "."));
    doc.add("\n");
    for (String line : ReviewText.wrap(spec.origin(), ReviewText.HEADER_WIDTH, "<p>", "")) {
      doc.add("$L\n", line);
    }
    if (!spec.reviewNotes().isEmpty()) {
      doc.add("\n<p>Review before committing:\n<ul>\n");
      for (String note : spec.reviewNotes()) {
        for (String line :
            ReviewText.wrap(escapeHtml(note), ReviewText.HEADER_WIDTH, "  <li>", "      ")) {
          doc.add("$L\n", line);
        }
      }
      doc.add("</ul>\n");
    }
    return doc.build();
  }

  private static AnnotationSpec revision(MigrationClass spec) {
    AnnotationSpec.Builder annotation =
        AnnotationSpec.builder(Revision.class).addMember("id", "$S", spec.header().id());
    if (spec.header().revises().size() == 1) {
      annotation.addMember("revises", "$S", spec.header().revises().get(0));
    } else if (spec.header().revises().size() > 1) {
      CodeBlock parents =
          CodeBlock.join(
              spec.header().revises().stream().map(r -> CodeBlock.of("$S", r)).toList(), ", ");
      annotation.addMember("revises", "{$L}", parents);
    }
    annotation.addMember("created", "$S", spec.header().created());
    annotation.addMember("message", "$S", spec.header().message());
    if (!spec.header().replaces().isEmpty()) {
      CodeBlock replaced =
          CodeBlock.join(
              spec.header().replaces().stream().map(r -> CodeBlock.of("$S", r)).toList(), ",$W");
      annotation.addMember("replaces", "{$L}", replaced);
    }
    return annotation.build();
  }

  private static AnnotationSpec ordinalEnum(OrdinalOrder order) {
    AnnotationSpec.Builder annotation = AnnotationSpec.builder(OrdinalEnum.class);
    if (order.table().schema() != null) {
      annotation.addMember("schema", "$S", order.table().schema());
    }
    annotation
        .addMember("table", "$S", order.table().name())
        .addMember("column", "$S", order.column());
    annotation.addMember(
        "constants",
        "{$L}",
        CodeBlock.join(order.constants().stream().map(c -> CodeBlock.of("$S", c)).toList(), ", "));
    return annotation.build();
  }

  /**
   * The most source text one generated method may hold. A JVM method's bytecode is limited to 64
   * KB; a DSL statement compiles to fewer bytes than it has characters (a literal of any length is
   * one constant), so this keeps every method far below the limit.
   */
  static final int METHOD_BUDGET = 16_000;

  /**
   * Writes {@code name} with the body, or, when the body is larger than {@link #METHOD_BUDGET}, as
   * calls to private methods that each do a consecutive part of it, in order, named for the tables
   * they cover: the class still reads top to bottom.
   */
  private static void addBody(TypeSpec.Builder type, String name, MethodBody body) {
    List<List<MethodBody.Part>> groups = MethodSplit.groups(body.parts(), METHOD_BUDGET);
    if (groups.size() <= 1) {
      type.addMethod(method(name, body.code()));
      return;
    }
    CodeBlock.Builder calls = CodeBlock.builder();
    List<MethodSpec> parts = new ArrayList<>();
    String width = "%0" + String.valueOf(groups.size()).length() + "d";
    for (int i = 0; i < groups.size(); i++) {
      String partName = name + "Part" + String.format(Locale.ROOT, width, i + 1);
      calls.addStatement("$L(op)", partName);
      List<MethodBody.Part> group = groups.get(i);
      parts.add(
          MethodSpec.methodBuilder(partName)
              .addJavadoc(
                  "Part $L of $L of the $L$L.\n",
                  i + 1,
                  groups.size(),
                  name,
                  MethodSplit.covering(group))
              .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
              .addParameter(Operations.class, "op")
              .addCode(new MethodBody(group).code())
              .build());
    }
    type.addMethod(method(name, calls.build()));
    parts.forEach(type::addMethod);
  }

  private static MethodSpec method(String name, CodeBlock body) {
    return MethodSpec.methodBuilder(name)
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(Operations.class, "op")
        .addCode(body)
        .build();
  }

  private static String capitalize(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /**
   * Review notes quote SQL and Java, which may hold characters Javadoc reads as HTML, or text that
   * would end the comment.
   */
  static String escapeHtml(String text) {
    return JavaComments.safe(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("*/", "*&#47;");
  }
}
