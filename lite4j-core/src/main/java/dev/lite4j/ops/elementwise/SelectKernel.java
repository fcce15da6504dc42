package dev.lite4j.ops.elementwise;

import dev.lite4j.DataType;
import dev.lite4j.kernels.BroadcastRows;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.Set;

/**
 * Base of SELECT and SELECT_V2: output = condition ? x : y, element by element. Only elements move,
 * so every fixed-size type TensorFlow Lite allows is copied as raw bytes (quantized ones included:
 * x, y and the output share their quantization). The subclass decides how the shapes combine.
 */
abstract class SelectKernel implements Kernel {
  private static final Set<DataType> TYPES = EnumSet.of(DataType.FLOAT32, DataType.INT32, DataType.INT64,
      DataType.BOOL, DataType.INT8, DataType.UINT8, DataType.INT16);

  /** Walk of the output over condition, x and y (inputs 0, 1, 2 of the walk). */
  private BroadcastRows rows;

  /** Checks the shapes of condition, x and y, sets the output shape and returns the walk over them. */
  abstract BroadcastRows plan(OpContext ctx, TensorBuffer condition, TensorBuffer x, TensorBuffer y);

  @Override
  public final void prepare(OpContext ctx) {
    ctx.require(ctx.inputCount() == 3 && ctx.outputCount() == 1, "needs 3 inputs and 1 output, has %d and %d",
        ctx.inputCount(), ctx.outputCount());
    TensorBuffer condition = ctx.input(0);
    TensorBuffer x = ctx.input(1);
    TensorBuffer y = ctx.input(2);
    ctx.require(condition != null && x != null && y != null, "all three inputs are required");
    ctx.require(condition.type() == DataType.BOOL, "condition type is %s, expected BOOL", condition.type());
    ctx.require(x.type() == y.type(), "x and y types differ: %s and %s", x.type(), y.type());
    if (!TYPES.contains(x.type())) {
      throw ctx.unsupported("data type " + x.type() + " is not supported (supported: " + TYPES + ")");
    }
    ctx.require(ctx.output(0).type() == x.type(), "output type is %s, expected %s", ctx.output(0).type(), x.type());
    rows = plan(ctx, condition, x, y);
  }

  @Override
  public final void run(OpContext ctx) {
    ByteBuffer condition = ctx.input(0).bytes();
    ByteBuffer x = ctx.input(1).bytes();
    ByteBuffer y = ctx.input(2).bytes();
    ByteBuffer out = ctx.output(0).bytes();
    int size = ctx.output(0).type().byteSize();
    BroadcastRows r = rows;
    int len = r.rowLength();
    int sc = r.step(0);
    int sx = r.step(1);
    int sy = r.step(2);
    for (int row = 0; row < r.rowCount(); row++) {
      int ic = r.rowStart(0, row);
      int ix = r.rowStart(1, row);
      int iy = r.rowStart(2, row);
      int o = row * len;
      for (int k = 0; k < len; k++, ic += sc, ix += sx, iy += sy) {
        if (condition.get(ic) != 0) {
          copy(x, ix, out, o + k, size);
        } else {
          copy(y, iy, out, o + k, size);
        }
      }
    }
  }

  /** Copies element {@code from} of {@code src} to element {@code to} of {@code dst}, {@code size} bytes each. */
  private static void copy(ByteBuffer src, int from, ByteBuffer dst, int to, int size) {
    switch (size) {
      case 1 -> dst.put(to, src.get(from));
      case 2 -> dst.putShort(to * 2, src.getShort(from * 2));
      case 4 -> dst.putInt(to * 4, src.getInt(from * 4));
      default -> dst.putLong(to * 8, src.getLong(from * 8));
    }
  }
}
