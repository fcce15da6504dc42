package dev.lite4j.ops.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.testutil.OpModel;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.MirrorPadMode;
import org.tensorflow.lite.schema.MirrorPadOptionsT;

class MirrorPadTest {
  private static OpModel mirrorPad(byte mode, int[] paddings, boolean constant) {
    MirrorPadOptionsT o = new MirrorPadOptionsT();
    o.setMode(mode);
    OpModel m = new OpModel(BuiltinOperator.MIRROR_PAD).options(o);
    m.input(DataType.INT32, new int[] {2, 3}, new int[] {1, 2, 3, 4, 5, 6});
    if (constant) {
      m.constant(DataType.INT32, new int[] {2, 2}, paddings);
    } else {
      m.input(DataType.INT32, new int[] {2, 2}, paddings);
    }
    m.output(DataType.INT32);
    return m;
  }

  @Test
  void reflectsWithoutRepeatingTheBorder() {
    OpModel m = mirrorPad(MirrorPadMode.REFLECT, new int[] {1, 1, 2, 2}, true);
    m.run();
    assertArrayEquals(new int[] {4, 7}, m.shape(0));
    // numpy.pad(arange(1, 7).reshape(2, 3), ((1, 1), (2, 2)), mode='reflect')
    assertArrayEquals(new int[] {6, 5, 4, 5, 6, 5, 4, 3, 2, 1, 2, 3, 2, 1, 6, 5, 4, 5, 6, 5, 4, 3, 2, 1, 2, 3, 2, 1},
        m.ints(0));
  }

  @Test
  void symmetricRepeatsTheBorder() {
    OpModel m = mirrorPad(MirrorPadMode.SYMMETRIC, new int[] {1, 1, 2, 2}, true);
    m.run();
    assertArrayEquals(new int[] {2, 1, 1, 2, 3, 3, 2, 2, 1, 1, 2, 3, 3, 2, 5, 4, 4, 5, 6, 6, 5, 5, 4, 4, 5, 6, 6, 5},
        m.ints(0));
  }

  @Test
  void symmetricPadsUpToTheFullDimensionWithDynamicPaddings() {
    OpModel m = mirrorPad(MirrorPadMode.SYMMETRIC, new int[] {0, 2, 0, 3}, false);
    m.run();
    assertArrayEquals(new int[] {4, 6}, m.shape(0));
    assertArrayEquals(new int[] {1, 2, 3, 3, 2, 1, 4, 5, 6, 6, 5, 4, 4, 5, 6, 6, 5, 4, 1, 2, 3, 3, 2, 1},
        m.ints(0));
  }

  @Test
  void mirrorsFloats() {
    MirrorPadOptionsT o = new MirrorPadOptionsT();
    o.setMode(MirrorPadMode.REFLECT);
    OpModel m = new OpModel(BuiltinOperator.MIRROR_PAD).options(o);
    m.input(new int[] {3}, 1f, 2f, 3f);
    m.constant(DataType.INT64, new int[] {1, 2}, new long[] {2, 1});
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new float[] {3f, 2f, 1f, 2f, 3f, 2f}, m.floats(0), 0f);
  }

  @Test
  void rejectsPaddingsBeyondTheMirror() {
    // REFLECT allows at most dimension - 1 = 2 on the width; SYMMETRIC at most 2 on the height.
    assertThrows(ModelFormatException.class,
        () -> mirrorPad(MirrorPadMode.REFLECT, new int[] {0, 0, 3, 0}, true).run());
    assertThrows(ModelFormatException.class,
        () -> mirrorPad(MirrorPadMode.SYMMETRIC, new int[] {3, 0, 0, 0}, false).run());
    assertThrows(ModelFormatException.class,
        () -> mirrorPad(MirrorPadMode.SYMMETRIC, new int[] {0, -1, 0, 0}, true).run());
  }
}
