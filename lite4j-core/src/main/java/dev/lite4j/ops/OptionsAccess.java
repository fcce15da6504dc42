package dev.lite4j.ops;

import com.google.flatbuffers.FlatBufferBuilder;
import com.google.flatbuffers.Table;
import dev.lite4j.model.OperatorDef;
import java.nio.ByteBuffer;
import org.tensorflow.lite.schema.BuiltinOptions;

/**
 * Reads a node's builtin options into a schema table. A node without options (or with options of
 * another type, as a broken file may have) reads as an empty table: every field its default, which
 * is what TensorFlow Lite uses.
 */
public final class OptionsAccess extends Table {
  /** A finished FlatBuffer whose root is a table with no fields. */
  private static final ByteBuffer EMPTY_TABLE = emptyTable();

  private OptionsAccess() {}

  @SuppressWarnings("unchecked")
  public static <T extends Table> T read(OperatorDef op, T table) {
    byte type = op.optionsType();
    String expected = table.getClass().getSimpleName();
    if (type > 0 && type < BuiltinOptions.names.length && BuiltinOptions.names[type].equals(expected)) {
      Table filled = op.table().builtinOptions(table);
      if (filled != null) {
        return (T) filled;
      }
    }
    return (T) __union(table, EMPTY_TABLE.position(), EMPTY_TABLE);
  }

  private static ByteBuffer emptyTable() {
    FlatBufferBuilder b = new FlatBufferBuilder(32);
    b.startTable(0);
    int root = b.endTable();
    b.finish(root);
    return b.dataBuffer().asReadOnlyBuffer().order(java.nio.ByteOrder.LITTLE_ENDIAN);
  }
}
