package dev.lite4j.ops.sequence;

import dev.lite4j.DataType;
import dev.lite4j.builder.ModelBuilder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.SVDFOptionsT;

/**
 * One-node SVDF models (float and int8) with random weights, for tests and TF Lite goldens. The state is a
 * variable tensor that is also a model input, so that a golden can start from a given, non-zero memory
 * (TF Lite resets variables at allocation, then takes the input): one invocation then exercises the shift,
 * the feature product into the newest slot and the time product over the whole memory.
 */
final class SvdfModels {
  private SvdfModels() {}

  record Spec(String name, boolean integer, int batch, int inputSize, int units, int rank, int memory,
      boolean bias, byte activation, int inputZp, int outputZp, long seed) {}

  static final Spec[] SPECS = {
      new Spec("float_rank1", false, 2, 3, 4, 1, 5, true, ActivationFunctionType.NONE, 0, 0, 1),
      new Spec("float_rank2_relu", false, 2, 4, 3, 2, 4, false, ActivationFunctionType.RELU, 0, 0, 2),
      new Spec("int8_rank1", true, 2, 5, 4, 1, 6, true, ActivationFunctionType.RELU, -3, 2, 3),
      new Spec("int8_rank2_nobias", true, 1, 4, 3, 2, 5, false, ActivationFunctionType.RELU, 5, -7, 4),
  };

  static final float INPUT_SCALE = 1f / 64;
  static final float STATE_SCALE = 1f / 4096;
  static final float OUTPUT_SCALE = 1f / 32;

  static byte[] model(Spec s) {
    SplittableRandom r = new SplittableRandom(s.seed());
    int filters = s.units() * s.rank();
    ModelBuilder b = new ModelBuilder();
    DataType in = s.integer() ? DataType.INT8 : DataType.FLOAT32;
    int input = b.addInput("input", in, s.batch(), s.inputSize());
    int feature;
    int time;
    int bias = -1;
    if (s.integer()) {
      b.setQuantization(input, INPUT_SCALE, s.inputZp());
      byte[] f = new byte[filters * s.inputSize()];
      for (int i = 0; i < f.length; i++) {
        f[i] = (byte) (r.nextInt(255) - 127);
      }
      feature = b.addConstant("weights_feature", DataType.INT8, new int[] {filters, s.inputSize()}, f);
      b.setQuantization(feature, 0.008f, 0);
      ByteBuffer t = ByteBuffer.allocate(2 * filters * s.memory()).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < filters * s.memory(); i++) {
        t.putShort((short) (r.nextInt(32767 * 2 + 1) - 32767));
      }
      time = b.addConstant("weights_time", DataType.INT16, new int[] {filters, s.memory()}, t.array());
      b.setQuantization(time, 1f / 32768, 0);
      if (s.bias()) {
        int[] v = new int[s.units()];
        for (int i = 0; i < v.length; i++) {
          v[i] = r.nextInt(20001) - 10000;
        }
        bias = b.addConstantInts("bias", new int[] {s.units()}, v);
        b.setQuantization(bias, STATE_SCALE / 32768, 0);
      }
    } else {
      feature = b.addConstantFloats("weights_feature", new int[] {filters, s.inputSize()},
          floats(r, filters * s.inputSize()));
      time = b.addConstantFloats("weights_time", new int[] {filters, s.memory()}, floats(r, filters * s.memory()));
      if (s.bias()) {
        bias = b.addConstantFloats("bias", new int[] {s.units()}, floats(r, s.units()));
      }
    }
    int state = b.addVariable("state", s.integer() ? DataType.INT16 : DataType.FLOAT32, s.batch(),
        s.memory() * filters);
    if (s.integer()) {
      b.setQuantization(state, STATE_SCALE, 0);
    }
    b.markInput(state);
    int out = b.addTensor("output", in, s.batch(), s.units());
    if (s.integer()) {
      b.setQuantization(out, OUTPUT_SCALE, s.outputZp());
    }
    b.addOutput(out);
    SVDFOptionsT o = new SVDFOptionsT();
    o.setRank(s.rank());
    o.setFusedActivationFunction(s.activation());
    b.addOperator(BuiltinOperator.SVDF, s.integer() ? 3 : 1, new int[] {input, feature, time, bias, state},
        new int[] {out}, o);
    return b.build();
  }

  /** Hybrid variants: float input and state, int8 weights_feature, weights_time int8 or float. */
  record HybridSpec(String name, boolean asymmetric, boolean int8Time, int batch, int inputSize, int units, int rank,
      int memory, long seed) {}

  static final HybridSpec[] HYBRID = {
      new HybridSpec("hybrid_symmetric", false, false, 2, 5, 3, 2, 4, 5),
      new HybridSpec("hybrid_asymmetric_int8_time", true, true, 2, 6, 4, 1, 5, 6),
      new HybridSpec("hybrid_symmetric_int8_time", false, true, 3, 5, 3, 2, 4, 7),
  };

  static byte[] hybridModel(HybridSpec s) {
    SplittableRandom r = new SplittableRandom(s.seed());
    int filters = s.units() * s.rank();
    ModelBuilder b = new ModelBuilder();
    int input = b.addInput("input", DataType.FLOAT32, s.batch(), s.inputSize());
    byte[] f = new byte[filters * s.inputSize()];
    for (int i = 0; i < f.length; i++) {
      f[i] = (byte) (r.nextInt(255) - 127);
    }
    int feature = b.addConstant("weights_feature", DataType.INT8, new int[] {filters, s.inputSize()}, f);
    b.setQuantization(feature, 0.008f, 0);
    int time;
    if (s.int8Time()) {
      byte[] t = new byte[filters * s.memory()];
      for (int i = 0; i < t.length; i++) {
        t[i] = (byte) (r.nextInt(255) - 127);
      }
      time = b.addConstant("weights_time", DataType.INT8, new int[] {filters, s.memory()}, t);
      b.setQuantization(time, 0.007f, 0);
    } else {
      time = b.addConstantFloats("weights_time", new int[] {filters, s.memory()}, floats(r, filters * s.memory()));
    }
    int bias = b.addConstantFloats("bias", new int[] {s.units()}, floats(r, s.units()));
    int state = b.addVariable("state", DataType.FLOAT32, s.batch(), s.memory() * filters);
    b.markInput(state);
    int out = b.addTensor("output", DataType.FLOAT32, s.batch(), s.units());
    b.addOutput(out);
    SVDFOptionsT o = new SVDFOptionsT();
    o.setRank(s.rank());
    o.setAsymmetricQuantizeInputs(s.asymmetric());
    b.addOperator(BuiltinOperator.SVDF, 4, new int[] {input, feature, time, bias, state}, new int[] {out}, o);
    return b.build();
  }

  private static float[] floats(SplittableRandom r, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (r.nextDouble() * 2 - 1);
    }
    return v;
  }

  /** Writes each model to {@code dir/<name>/model.tflite}. */
  public static void main(String[] args) throws IOException {
    for (Spec s : SPECS) {
      Path d = Path.of(args[0]).resolve(s.name());
      Files.createDirectories(d);
      Files.write(d.resolve("model.tflite"), model(s));
    }
    for (HybridSpec s : HYBRID) {
      Path d = Path.of(args[0]).resolve(s.name());
      Files.createDirectories(d);
      Files.write(d.resolve("model.tflite"), hybridModel(s));
    }
  }
}
