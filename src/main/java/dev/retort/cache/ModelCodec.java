package dev.retort.cache;

import static dev.retort.cache.SchemaCodec.name;
import static dev.retort.cache.SchemaCodec.string;
import static dev.retort.cache.SchemaCodec.strings;

import dev.retort.schema.ColumnOrigin;
import dev.retort.schema.EntityProvenance;
import dev.retort.schema.EnumMapping;
import dev.retort.schema.QualifiedName;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** The provenance as bytes, for the model cache (the schema model has {@code SchemaCodec}). */
final class ModelCodec {

  private ModelCodec() {}

  static void provenance(DataOutputStream out, EntityProvenance provenance) throws IOException {
    out.writeInt(provenance.tables().size());
    for (Map.Entry<QualifiedName, String> entry : provenance.tables().entrySet()) {
      name(out, entry.getKey());
      string(out, entry.getValue());
    }
    out.writeInt(provenance.columns().size());
    for (Map.Entry<QualifiedName, Map<String, ColumnOrigin>> table :
        provenance.columns().entrySet()) {
      name(out, table.getKey());
      out.writeInt(table.getValue().size());
      for (Map.Entry<String, ColumnOrigin> column : table.getValue().entrySet()) {
        string(out, column.getKey());
        string(out, column.getValue().entity());
        string(out, column.getValue().attribute());
        enumMapping(out, column.getValue().enumMapping());
      }
    }
    out.writeInt(provenance.enumTypes().size());
    for (Map.Entry<QualifiedName, EnumMapping> entry : provenance.enumTypes().entrySet()) {
      name(out, entry.getKey());
      enumMapping(out, entry.getValue());
    }
  }

  private static void enumMapping(DataOutputStream out, EnumMapping mapping) throws IOException {
    out.writeBoolean(mapping != null);
    if (mapping != null) {
      string(out, mapping.javaType());
      strings(out, mapping.constants());
      out.writeByte(mapping.storage().ordinal());
    }
  }

  static EntityProvenance provenance(DataInputStream in) throws IOException {
    Map<QualifiedName, String> tables = new HashMap<>();
    for (int i = in.readInt(); i > 0; i--) {
      tables.put(name(in), string(in));
    }
    Map<QualifiedName, Map<String, ColumnOrigin>> columns = new HashMap<>();
    for (int i = in.readInt(); i > 0; i--) {
      QualifiedName table = name(in);
      Map<String, ColumnOrigin> byColumn = new HashMap<>();
      for (int j = in.readInt(); j > 0; j--) {
        byColumn.put(string(in), new ColumnOrigin(string(in), string(in), enumMapping(in)));
      }
      columns.put(table, byColumn);
    }
    Map<QualifiedName, EnumMapping> enumTypes = new HashMap<>();
    for (int i = in.readInt(); i > 0; i--) {
      enumTypes.put(name(in), enumMapping(in));
    }
    return new EntityProvenance(tables, columns, enumTypes);
  }

  private static EnumMapping enumMapping(DataInputStream in) throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    return new EnumMapping(string(in), strings(in), EnumMapping.Storage.values()[in.readByte()]);
  }
}
