package dev.lite4j.ops.shape;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.testutil.OpModel;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.ConcatenationOptionsT;
import org.tensorflow.lite.schema.GatherOptionsT;
import org.tensorflow.lite.schema.MirrorPadOptionsT;
import org.tensorflow.lite.schema.PackOptionsT;
import org.tensorflow.lite.schema.ReshapeOptionsT;
import org.tensorflow.lite.schema.SplitOptionsT;
import org.tensorflow.lite.schema.SplitVOptionsT;
import org.tensorflow.lite.schema.SqueezeOptionsT;
import org.tensorflow.lite.schema.StridedSliceOptionsT;
import org.tensorflow.lite.schema.UnpackOptionsT;

/**
 * Random shapes, index values and options (fixed seed): every node either runs or fails with a
 * typed error raised by the kernel's own checks, never with an exception the plan had to wrap.
 */
class ShapeOpsFuzzTest {
  private static final DataType[] TYPES = {DataType.FLOAT32, DataType.INT32, DataType.INT8, DataType.BOOL,
      DataType.INT64};

  private final Random r = new Random(20240611);
  /** What the current node was built from, for failure messages. */
  private final StringBuilder log = new StringBuilder();
  private int[] lastShape;

  private int[] shape(int maxRank) {
    int[] s = new int[r.nextInt(maxRank + 1)];
    for (int i = 0; i < s.length; i++) {
      s[i] = r.nextInt(4);
    }
    return s;
  }

  private static int count(int[] shape) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    return n;
  }

  private Object values(DataType t, int n) {
    return switch (t) {
      case FLOAT32 -> new float[n];
      case INT32 -> r.ints(n, -5, 6).toArray();
      case INT64 -> r.longs(n, -5, 6).toArray();
      case BOOL -> new boolean[n];
      default -> new byte[n];
    };
  }

  /** A data input of random type and shape. */
  private DataType data(OpModel m, int maxRank) {
    DataType t = TYPES[r.nextInt(TYPES.length)];
    int[] s = shape(maxRank);
    lastShape = s;
    m.input(t, s, values(t, count(s)));
    log.append(" data ").append(t).append(java.util.Arrays.toString(s));
    return t;
  }

  /** An int32/int64 index tensor, constant or fed. */
  private void index(OpModel m, int[] shape) {
    int n = count(shape);
    boolean int64 = r.nextBoolean();
    Object v = int64 ? r.longs(n, -4, 6).toArray() : r.ints(n, -4, 6).toArray();
    DataType t = int64 ? DataType.INT64 : DataType.INT32;
    log.append(" index").append(java.util.Arrays.toString(shape)).append('=')
        .append(int64 ? java.util.Arrays.toString((long[]) v) : java.util.Arrays.toString((int[]) v));
    if (r.nextBoolean()) {
      if (n > 0) {
        m.constant(t, shape, v);
      } else {
        m.input(t, shape, v);
      }
    } else {
      m.input(t, shape, v);
    }
  }

  private int small() {
    return r.nextInt(11) - 5;
  }

  private OpModel build(int op) {
    OpModel m = new OpModel(op);
    DataType t;
    int outputs = 1;
    switch (op) {
      case BuiltinOperator.RESHAPE -> {
        t = data(m, 3);
        if (r.nextBoolean()) {
          index(m, new int[] {r.nextInt(4)});
        }
        ReshapeOptionsT o = new ReshapeOptionsT();
        o.setNewShape(r.ints(r.nextInt(4), -2, 5).toArray());
        m.options(o);
      }
      case BuiltinOperator.SQUEEZE -> {
        t = data(m, 4);
        SqueezeOptionsT o = new SqueezeOptionsT();
        o.setSqueezeDims(r.ints(r.nextInt(3), -5, 5).toArray());
        m.options(o);
      }
      case BuiltinOperator.CONCATENATION -> {
        ConcatenationOptionsT o = new ConcatenationOptionsT();
        o.setAxis(small());
        m.options(o);
        t = data(m, 3);
        // Half the time a shape that can concatenate: the first one, one dimension resized.
        int[] s = r.nextBoolean() || lastShape.length == 0 ? shape(3) : lastShape.clone();
        if (s == lastShape || (s.length > 0 && s.length == lastShape.length)) {
          s[r.nextInt(s.length)] = r.nextInt(4);
        }
        m.input(t, s, values(t, count(s)));
      }
      case BuiltinOperator.PACK, BuiltinOperator.UNPACK -> {
        t = data(m, 3);
        if (op == BuiltinOperator.PACK) {
          PackOptionsT o = new PackOptionsT();
          o.setValuesCount(1);
          o.setAxis(small());
          m.options(o);
        } else {
          UnpackOptionsT o = new UnpackOptionsT();
          outputs = r.nextInt(4);
          o.setNum(outputs);
          o.setAxis(small());
          m.options(o);
        }
      }
      case BuiltinOperator.GATHER, BuiltinOperator.GATHER_ND -> {
        t = data(m, 3);
        index(m, shape(2));
        if (op == BuiltinOperator.GATHER) {
          GatherOptionsT o = new GatherOptionsT();
          o.setAxis(small());
          o.setBatchDims(r.nextInt(5) - 2);
          m.options(o);
        }
      }
      case BuiltinOperator.SPLIT -> {
        index(m, new int[] {1});
        t = data(m, 3);
        outputs = 1 + r.nextInt(3);
        SplitOptionsT o = new SplitOptionsT();
        o.setNumSplits(outputs);
        m.options(o);
      }
      case BuiltinOperator.SPLIT_V -> {
        t = data(m, 3);
        outputs = 1 + r.nextInt(3);
        index(m, new int[] {outputs});
        index(m, new int[] {1});
        SplitVOptionsT o = new SplitVOptionsT();
        o.setNumSplits(outputs);
        m.options(o);
      }
      case BuiltinOperator.STRIDED_SLICE -> {
        t = data(m, 3);
        int n = r.nextInt(4);
        for (int i = 0; i < 3; i++) {
          index(m, new int[] {n});
        }
        StridedSliceOptionsT o = new StridedSliceOptionsT();
        o.setBeginMask(r.nextInt(16));
        o.setEndMask(r.nextInt(16));
        o.setEllipsisMask(r.nextInt(3) == 0 ? 1 << r.nextInt(3) : 0);
        o.setNewAxisMask(r.nextInt(8));
        o.setShrinkAxisMask(r.nextInt(8));
        o.setOffset(r.nextInt(4) == 0);
        m.options(o);
        log.append(" masks b").append(o.getBeginMask()).append(" e").append(o.getEndMask()).append(" el")
            .append(o.getEllipsisMask()).append(" n").append(o.getNewAxisMask()).append(" s")
            .append(o.getShrinkAxisMask()).append(" off").append(o.getOffset());
      }
      case BuiltinOperator.MIRROR_PAD -> {
        t = data(m, 3);
        index(m, new int[] {r.nextInt(4), 2});
        MirrorPadOptionsT o = new MirrorPadOptionsT();
        o.setMode((byte) r.nextInt(3));
        m.options(o);
      }
      case BuiltinOperator.PAD, BuiltinOperator.SLICE -> {
        t = data(m, 3);
        if (op == BuiltinOperator.PAD) {
          index(m, new int[] {r.nextInt(4), 2});
        } else {
          int n = r.nextInt(4);
          index(m, new int[] {n});
          index(m, new int[] {n});
        }
      }
      case BuiltinOperator.FILL -> {
        index(m, new int[] {r.nextInt(3)});
        t = data(m, 1);
      }
      default -> {
        // TRANSPOSE, TILE, BROADCAST_TO, EXPAND_DIMS: data + one index vector.
        t = data(m, 3);
        index(m, new int[] {r.nextInt(4)});
      }
    }
    for (int i = 0; i < outputs; i++) {
      m.output(r.nextInt(10) == 0 ? DataType.FLOAT32 : t);
    }
    return m;
  }

  @Test
  void randomNodesRunOrFailCleanly() {
    int[] ops = {BuiltinOperator.RESHAPE, BuiltinOperator.SQUEEZE, BuiltinOperator.CONCATENATION,
        BuiltinOperator.PACK, BuiltinOperator.UNPACK, BuiltinOperator.GATHER, BuiltinOperator.GATHER_ND,
        BuiltinOperator.SPLIT, BuiltinOperator.SPLIT_V, BuiltinOperator.STRIDED_SLICE, BuiltinOperator.MIRROR_PAD,
        BuiltinOperator.PAD, BuiltinOperator.SLICE, BuiltinOperator.FILL, BuiltinOperator.TRANSPOSE,
        BuiltinOperator.TILE, BuiltinOperator.BROADCAST_TO, BuiltinOperator.EXPAND_DIMS};
    for (int iter = 0; iter < 3000; iter++) {
      int op = ops[iter % ops.length];
      log.setLength(0);
      OpModel m = build(op);
      try {
        m.run();
      } catch (ModelFormatException e) {
        if (e.getCause() != null) {
          fail("op " + op + " iteration " + iter + log + ": " + e.getMessage(), e);
        }
        assertNull(e.getCause());
      } catch (UnsupportedOperatorException e) {
        // a type the kernel does not take
      }
    }
  }
}
