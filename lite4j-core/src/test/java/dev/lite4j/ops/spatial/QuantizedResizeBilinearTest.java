package dev.lite4j.ops.spatial;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lite4j.DataType;
import dev.lite4j.goldenops.QuantOps;
import dev.lite4j.testutil.OpModel;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.ResizeBilinearOptionsT;

/** RESIZE_BILINEAR on uint8, int8 and int16 against the float kernel (bit-exact goldens: ShapeFamilyGoldenTest). */
class QuantizedResizeBilinearTest {
  @Test
  void randomAgainstTheFloatKernel() {
    Random r = new Random(4);
    boolean[][] modes = {{false, false}, {true, false}, {false, true}};
    for (DataType type : new DataType[] {DataType.UINT8, DataType.INT8, DataType.INT16}) {
      for (boolean[] mode : modes) {
        ResizeBilinearOptionsT o = new ResizeBilinearOptionsT();
        o.setAlignCorners(mode[0]);
        o.setHalfPixelCenters(mode[1]);
        int[] shape = {2, 4, 3, 2};
        int[] q = QuantOps.random(r, type, 48);
        int zp = type == DataType.UINT8 ? 128 : 0;
        OpModel m = new OpModel(BuiltinOperator.RESIZE_BILINEAR).version(3).options(o);
        QuantOps.input(m, type, shape, 0.1f, zp, q);
        m.constant(DataType.INT32, new int[] {2}, new int[] {7, 5});
        QuantOps.output(m, type, 0.1f, zp);
        m.run();
        int[] got = QuantOps.values(m, 0, type);
        OpModel f = new OpModel(BuiltinOperator.RESIZE_BILINEAR).version(3).options(o);
        f.input(shape, QuantOps.dequantize(q, 0.1f, zp));
        f.constant(DataType.INT32, new int[] {2}, new int[] {7, 5});
        f.output(DataType.FLOAT32);
        f.run();
        float[] want = f.floats(0);
        for (int i = 0; i < want.length; i++) {
          int expected = QuantOps.quantize(want[i], 0.1f, zp, type);
          // the integer kernel's scale is rounded to 10 fractional bits, so the coordinate of output row y is off
          // by up to y / 2048: at most 3/1024 of a neighbour difference of up to 65535 in int16
          int tolerance = type == DataType.INT16 ? 256 : 1;
          assertTrue(Math.abs(expected - got[i]) <= tolerance, type + " " + mode[0] + "/" + mode[1] + " element " + i
              + ": " + got[i] + " vs " + expected);
        }
      }
    }
  }
}
