package dev.lite4j;

/** Element types of tensors, with TensorFlow Lite's schema codes ({@code TensorType}). */
public enum DataType {
  FLOAT32(0, 4),
  FLOAT16(1, 2),
  INT32(2, 4),
  UINT8(3, 1),
  INT64(4, 8),
  STRING(5, 1),
  BOOL(6, 1),
  INT16(7, 2),
  COMPLEX64(8, 8),
  INT8(9, 1);

  private final int schemaCode;
  private final int byteSize;

  DataType(int schemaCode, int byteSize) {
    this.schemaCode = schemaCode;
    this.byteSize = byteSize;
  }

  /** The code of this type in TensorFlow Lite's schema. */
  public int schemaCode() {
    return schemaCode;
  }

  /** Bytes per element (STRING tensors are byte arrays with their own layout: 1). */
  public int byteSize() {
    return byteSize;
  }

  /** The type with the given schema code, or null when Lite4j has no such type. */
  public static DataType fromSchemaCode(int code) {
    for (DataType t : values()) {
      if (t.schemaCode == code) {
        return t;
      }
    }
    return null;
  }
}
