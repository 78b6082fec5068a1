package dev.retort.cache;

import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ColumnRef;
import dev.retort.schema.EnumType;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Identity;
import dev.retort.schema.Index;
import dev.retort.schema.IndexKey;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.Schema;
import dev.retort.schema.Sequence;
import dev.retort.schema.SequenceOptions;
import dev.retort.schema.SqlType;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import dev.retort.schema.View;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema model as bytes, field by field, for Retort's caches. Several times faster to read than
 * Java serialization, which matters because a cache read is on the path of every run. A format
 * change bumps {@link #VERSION}; a cache file of another version is then ignored.
 */
public final class SchemaCodec {

  // 3: extension base types (citext, vector(3)) are read as spelled types, no longer by name.
  public static final int VERSION = 3;

  private SchemaCodec() {}

  // Writing

  public static void string(DataOutputStream out, String value) throws IOException {
    if (value == null) {
      out.writeInt(-1);
      return;
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  public static void strings(DataOutputStream out, List<String> values) throws IOException {
    out.writeInt(values.size());
    for (String value : values) {
      string(out, value);
    }
  }

  private static void nullableLong(DataOutputStream out, Long value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeLong(value);
    }
  }

  public static void name(DataOutputStream out, QualifiedName name) throws IOException {
    string(out, name.schema());
    string(out, name.name());
  }

  private static void type(DataOutputStream out, SqlType type) throws IOException {
    out.writeBoolean(type.isUserDefined());
    if (type.isUserDefined()) {
      name(out, type.userDefined());
      out.writeInt(type.arrayDimensions());
    } else {
      string(out, type.name());
      string(out, type.modifiers());
      out.writeInt(type.arrayDimensions());
    }
  }

  private static void options(DataOutputStream out, SequenceOptions options) throws IOException {
    nullableLong(out, options.start());
    nullableLong(out, options.increment());
    nullableLong(out, options.minValue());
    nullableLong(out, options.maxValue());
    nullableLong(out, options.cache());
    out.writeBoolean(options.cycle());
  }

  public static void table(DataOutputStream out, Table table) throws IOException {
    name(out, table.name());
    out.writeInt(table.columns().size());
    for (Column column : table.columns()) {
      string(out, column.name());
      type(out, column.type());
      out.writeBoolean(column.nullable());
      string(out, column.defaultValue());
      out.writeBoolean(column.identity() != null);
      if (column.identity() != null) {
        out.writeBoolean(column.identity().always());
        options(out, column.identity().options());
      }
      string(out, column.generated());
      string(out, column.collation());
      string(out, column.comment());
    }
    out.writeBoolean(table.primaryKey() != null);
    if (table.primaryKey() != null) {
      string(out, table.primaryKey().name());
      strings(out, table.primaryKey().columns());
    }
    out.writeInt(table.foreignKeys().size());
    for (ForeignKey fk : table.foreignKeys()) {
      string(out, fk.name());
      strings(out, fk.columns());
      name(out, fk.target());
      strings(out, fk.targetColumns());
      out.writeByte(fk.onDelete().ordinal());
      out.writeByte(fk.onUpdate().ordinal());
      out.writeBoolean(fk.deferrable());
      out.writeBoolean(fk.initiallyDeferred());
    }
    out.writeInt(table.uniqueConstraints().size());
    for (UniqueConstraint unique : table.uniqueConstraints()) {
      string(out, unique.name());
      strings(out, unique.columns());
      out.writeBoolean(unique.nullsNotDistinct());
    }
    out.writeInt(table.checkConstraints().size());
    for (CheckConstraint check : table.checkConstraints()) {
      string(out, check.name());
      string(out, check.expression());
    }
    out.writeInt(table.indexes().size());
    for (Index index : table.indexes()) {
      string(out, index.name());
      out.writeInt(index.keys().size());
      for (IndexKey key : index.keys()) {
        string(out, key.column());
        string(out, key.expression());
        out.writeBoolean(key.descending());
        out.writeByte(key.nullsFirst() == null ? 2 : key.nullsFirst() ? 1 : 0);
        string(out, key.opclass());
      }
      out.writeBoolean(index.unique());
      string(out, index.method());
      strings(out, index.include());
      string(out, index.where());
      out.writeBoolean(index.nullsNotDistinct());
    }
    string(out, table.comment());
    string(out, table.partitionKey());
  }

  public static void sequence(DataOutputStream out, Sequence sequence) throws IOException {
    name(out, sequence.name());
    string(out, sequence.dataType());
    options(out, sequence.options());
    out.writeBoolean(sequence.ownedBy() != null);
    if (sequence.ownedBy() != null) {
      name(out, sequence.ownedBy().table());
      string(out, sequence.ownedBy().column());
    }
  }

  public static void enumType(DataOutputStream out, EnumType type) throws IOException {
    name(out, type.name());
    strings(out, type.values());
  }

  // Reading

  public static String string(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      return null;
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  public static List<String> strings(DataInputStream in) throws IOException {
    int size = in.readInt();
    List<String> values = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      values.add(string(in));
    }
    return values;
  }

  private static Long nullableLong(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readLong() : null;
  }

  public static QualifiedName name(DataInputStream in) throws IOException {
    return new QualifiedName(string(in), string(in));
  }

  private static SqlType type(DataInputStream in) throws IOException {
    if (in.readBoolean()) {
      return SqlType.userDefined(name(in), in.readInt());
    }
    return SqlType.builtin(string(in), string(in)).withArrayDimensions(in.readInt());
  }

  private static SequenceOptions options(DataInputStream in) throws IOException {
    return new SequenceOptions(
        nullableLong(in),
        nullableLong(in),
        nullableLong(in),
        nullableLong(in),
        nullableLong(in),
        in.readBoolean());
  }

  public static Table table(DataInputStream in) throws IOException {
    QualifiedName name = name(in);
    int columnCount = in.readInt();
    List<Column> columns = new ArrayList<>(columnCount);
    for (int i = 0; i < columnCount; i++) {
      String columnName = string(in);
      SqlType type = type(in);
      boolean nullable = in.readBoolean();
      String defaultValue = string(in);
      Identity identity = in.readBoolean() ? new Identity(in.readBoolean(), options(in)) : null;
      columns.add(
          new Column(
              columnName,
              type,
              nullable,
              defaultValue,
              identity,
              string(in),
              string(in),
              string(in)));
    }
    PrimaryKey primaryKey = in.readBoolean() ? new PrimaryKey(string(in), strings(in)) : null;
    int fkCount = in.readInt();
    List<ForeignKey> foreignKeys = new ArrayList<>(fkCount);
    ReferentialAction[] actions = ReferentialAction.values();
    for (int i = 0; i < fkCount; i++) {
      foreignKeys.add(
          new ForeignKey(
              string(in),
              strings(in),
              name(in),
              strings(in),
              actions[in.readByte()],
              actions[in.readByte()],
              in.readBoolean(),
              in.readBoolean()));
    }
    int uniqueCount = in.readInt();
    List<UniqueConstraint> uniques = new ArrayList<>(uniqueCount);
    for (int i = 0; i < uniqueCount; i++) {
      uniques.add(new UniqueConstraint(string(in), strings(in), in.readBoolean()));
    }
    int checkCount = in.readInt();
    List<CheckConstraint> checks = new ArrayList<>(checkCount);
    for (int i = 0; i < checkCount; i++) {
      checks.add(new CheckConstraint(string(in), string(in)));
    }
    int indexCount = in.readInt();
    List<Index> indexes = new ArrayList<>(indexCount);
    for (int i = 0; i < indexCount; i++) {
      String indexName = string(in);
      int keyCount = in.readInt();
      List<IndexKey> keys = new ArrayList<>(keyCount);
      for (int k = 0; k < keyCount; k++) {
        String column = string(in);
        String expression = string(in);
        boolean descending = in.readBoolean();
        byte nulls = in.readByte();
        keys.add(
            new IndexKey(
                column, expression, descending, nulls == 2 ? null : nulls == 1, string(in)));
      }
      indexes.add(
          new Index(
              indexName,
              keys,
              in.readBoolean(),
              string(in),
              strings(in),
              string(in),
              in.readBoolean()));
    }
    return new Table(
        name, columns, primaryKey, foreignKeys, uniques, checks, indexes, string(in), string(in));
  }

  public static Sequence sequence(DataInputStream in) throws IOException {
    return new Sequence(
        name(in),
        string(in),
        options(in),
        in.readBoolean() ? new ColumnRef(name(in), string(in)) : null);
  }

  public static EnumType enumType(DataInputStream in) throws IOException {
    return new EnumType(name(in), strings(in));
  }

  public static void views(DataOutputStream out, List<View> views) throws IOException {
    out.writeInt(views.size());
    for (View view : views) {
      name(out, view.name());
      out.writeBoolean(view.materialized());
    }
  }

  public static List<View> views(DataInputStream in) throws IOException {
    List<View> views = new ArrayList<>();
    for (int i = in.readInt(); i > 0; i--) {
      views.add(new View(name(in), in.readBoolean()));
    }
    return views;
  }

  /** A whole schema. */
  public static void schema(DataOutputStream out, Schema schema) throws IOException {
    out.writeInt(schema.tables().size());
    for (Table table : schema.tables()) {
      table(out, table);
    }
    out.writeInt(schema.sequences().size());
    for (Sequence sequence : schema.sequences()) {
      sequence(out, sequence);
    }
    out.writeInt(schema.enumTypes().size());
    for (EnumType type : schema.enumTypes()) {
      enumType(out, type);
    }
    views(out, schema.views());
  }

  public static Schema schema(DataInputStream in) throws IOException {
    List<Table> tables = new ArrayList<>();
    for (int i = in.readInt(); i > 0; i--) {
      tables.add(table(in));
    }
    List<Sequence> sequences = new ArrayList<>();
    for (int i = in.readInt(); i > 0; i--) {
      sequences.add(sequence(in));
    }
    List<EnumType> types = new ArrayList<>();
    for (int i = in.readInt(); i > 0; i--) {
      types.add(enumType(in));
    }
    return new Schema(tables, sequences, types, views(in));
  }
}
