package dev.lite4j.golden;

import dev.lite4j.DataType;
import dev.lite4j.builder.ModelBuilder;
import dev.lite4j.io.Npy;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.AddOptionsT;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.LeakyReluOptionsT;
import org.tensorflow.lite.schema.MulOptionsT;
import org.tensorflow.lite.schema.SubOptionsT;

/**
 * Writes the one-op models (and chosen inputs) behind {@code src/test/resources/golden-ops/}: run
 * {@code main(DIR)}, then {@code golden-ops/make.sh}, which records TensorFlow Lite 2.6.2's outputs with
 * the real runtime. Inputs not written here are drawn by run.sh (seed 1).
 */
public final class QuantizedOpGoldenModels {
  private QuantizedOpGoldenModels() {}

  record Spec(String name, byte[] model, List<Npy> inputs) {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    for (Spec s : specs()) {
      Path d = dir.resolve(s.name);
      Files.createDirectories(d);
      Files.write(d.resolve("model.tflite"), s.model);
      for (int i = 0; i < s.inputs.size(); i++) {
        s.inputs.get(i).write(d.resolve("in" + i + ".npy"));
      }
    }
  }

  static List<Spec> specs() {
    List<Spec> l = new ArrayList<>();
    // LOGISTIC / TANH, 8-bit: every input value once.
    l.add(unary8("logistic_u8_a", BuiltinOperator.LOGISTIC, DataType.UINT8, 0.0625f, 128, 1 / 256f, 0));
    l.add(unary8("logistic_u8_b", BuiltinOperator.LOGISTIC, DataType.UINT8, 0.1f, 100, 1 / 256f, 0));
    l.add(unary8("logistic_i8_a", BuiltinOperator.LOGISTIC, DataType.INT8, 0.0625f, 0, 1 / 256f, -128));
    l.add(unary8("logistic_i8_b", BuiltinOperator.LOGISTIC, DataType.INT8, 0.037f, -20, 1 / 256f, -128));
    l.add(unary8("tanh_u8_a", BuiltinOperator.TANH, DataType.UINT8, 0.03125f, 128, 1 / 128f, 128));
    l.add(unary8("tanh_i8_a", BuiltinOperator.TANH, DataType.INT8, 0.02f, 5, 1 / 128f, 0));
    l.add(unary8("tanh_i8_b", BuiltinOperator.TANH, DataType.INT8, 0.07f, -3, 0.01f, 2));
    // LOGISTIC / TANH, 16-bit: a stride through every value, plus the neighbourhood of 0 and the ends.
    l.add(unary16("logistic_i16", BuiltinOperator.LOGISTIC, 0x1p-12f, 0x1p-15f));
    l.add(unary16("tanh_i16_a", BuiltinOperator.TANH, 0x1p-12f, 0x1p-15f));
    l.add(unary16("tanh_i16_b", BuiltinOperator.TANH, 0x1p-11f, 0x1p-15f));
    // ADD.
    l.add(add("add_u8", DataType.UINT8, new int[] {1, 8, 8, 4}, new int[] {1, 8, 8, 4},
        0.05f, 120, 0.03f, 130, 0.07f, 110, ActivationFunctionType.NONE, true));
    l.add(add("add_u8_bcast_relu6", DataType.UINT8, new int[] {1, 4, 4, 8}, new int[] {8},
        0.05f, 120, 0.03f, 130, 0.03f, 0, ActivationFunctionType.RELU6, true));
    l.add(add("add_i8", DataType.INT8, new int[] {2, 5, 7}, new int[] {2, 5, 7},
        0.1f, -3, 0.02f, 10, 0.11f, -5, ActivationFunctionType.NONE, true));
    l.add(add("add_i8_bcast_relu", DataType.INT8, new int[] {3, 1, 6}, new int[] {1, 4, 6},
        0.02f, 7, 0.05f, -9, 0.04f, -100, ActivationFunctionType.RELU, true));
    l.add(add("add_i16_general", DataType.INT16, new int[] {64}, new int[] {64},
        0.001f, 0, 0.0003f, 0, 0.0012f, 0, ActivationFunctionType.NONE, false));
    l.add(add("add_i16_general_bcast", DataType.INT16, new int[] {4, 8}, new int[] {8},
        0.0007f, 0, 0.002f, 0, 0.0025f, 0, ActivationFunctionType.RELU, false));
    l.add(add("add_i16_pot", DataType.INT16, new int[] {64}, new int[] {64},
        0x1p-10f, 0, 0x1p-12f, 0, 0x1p-10f, 0, ActivationFunctionType.NONE, true));
    // Without an options table TF Lite's parser leaves pot_scale_int16 false (not the schema's true).
    l.add(binary("add_i16_no_options", BuiltinOperator.ADD, null, 3, DataType.INT16, new int[] {64},
        new int[] {64}, 0x1p-10f, 0, 0x1p-12f, 0, 0x1p-10f, 0));
    // QUANTIZE: float to integer.
    l.add(quantizeFloat("quantize_f32_i8", DataType.INT8, 0.1f, -5));
    l.add(quantizeFloat("quantize_f32_u8", DataType.UINT8, 0.25f, 128));
    l.add(quantizeFloat("quantize_f32_i16", DataType.INT16, 0.001f, 0));
    // QUANTIZE: requantize.
    l.add(requantize("requantize_i8_u8", DataType.INT8, 0.05f, 3, DataType.UINT8, 0.05f, 131));
    l.add(requantize("requantize_u8_i8", DataType.UINT8, 0.05f, 120, DataType.INT8, 0.031f, -7));
    l.add(requantize("requantize_i8_i8", DataType.INT8, 0.05f, 3, DataType.INT8, 0.09f, -11));
    l.add(requantize("requantize_u8_u8", DataType.UINT8, 0.05f, 3, DataType.UINT8, 0.02f, 100));
    l.add(requantize("requantize_i16_i8", DataType.INT16, 0.001f, 0, DataType.INT8, 0.2f, 4));
    l.add(requantize("requantize_i16_i16", DataType.INT16, 0.001f, 0, DataType.INT16, 0.0007f, 0));
    // SUB.
    l.add(binary("sub_u8", BuiltinOperator.SUB, sub(ActivationFunctionType.NONE, true), 2, DataType.UINT8,
        new int[] {1, 8, 8, 4}, new int[] {1, 8, 8, 4}, 0.05f, 120, 0.03f, 130, 0.07f, 110));
    l.add(binary("sub_u8_bcast_relu", BuiltinOperator.SUB, sub(ActivationFunctionType.RELU, true), 2, DataType.UINT8,
        new int[] {1, 4, 4, 8}, new int[] {8}, 0.05f, 120, 0.03f, 130, 0.03f, 5));
    l.add(binary("sub_i8", BuiltinOperator.SUB, sub(ActivationFunctionType.NONE, true), 2, DataType.INT8,
        new int[] {2, 5, 7}, new int[] {2, 5, 7}, 0.1f, -3, 0.1f, 10, 0.11f, -5));
    l.add(binary("sub_i8_bcast_relu6", BuiltinOperator.SUB, sub(ActivationFunctionType.RELU6, true), 2,
        DataType.INT8, new int[] {3, 1, 6}, new int[] {1, 4, 6}, 0.02f, 7, 0.05f, -9, 0.04f, -100));
    l.add(binary("sub_i16_general", BuiltinOperator.SUB, sub(ActivationFunctionType.NONE, false), 3, DataType.INT16,
        new int[] {64}, new int[] {64}, 0.001f, 0, 0.0003f, 0, 0.0012f, 0));
    l.add(binary("sub_i16_general_bcast", BuiltinOperator.SUB, sub(ActivationFunctionType.NONE, false), 3,
        DataType.INT16, new int[] {4, 8}, new int[] {8}, 0.0007f, 0, 0.002f, 0, 0.0025f, 0));
    l.add(binary("sub_i16_pot", BuiltinOperator.SUB, sub(ActivationFunctionType.NONE, true), 3, DataType.INT16,
        new int[] {64}, new int[] {64}, 0x1p-12f, 0, 0x1p-10f, 0, 0x1p-10f, 0));
    // MUL.
    l.add(binary("mul_u8", BuiltinOperator.MUL, mul(ActivationFunctionType.NONE), 1, DataType.UINT8,
        new int[] {1, 8, 8, 4}, new int[] {1, 8, 8, 4}, 0.05f, 120, 0.03f, 130, 0.07f, 110));
    l.add(binary("mul_u8_bcast_relu6", BuiltinOperator.MUL, mul(ActivationFunctionType.RELU6), 1, DataType.UINT8,
        new int[] {1, 4, 4, 8}, new int[] {8}, 0.05f, 120, 0.03f, 130, 0.03f, 0));
    l.add(binary("mul_i8", BuiltinOperator.MUL, mul(ActivationFunctionType.NONE), 2, DataType.INT8,
        new int[] {2, 5, 7}, new int[] {2, 5, 7}, 0.1f, -3, 0.02f, 10, 0.01f, -5));
    l.add(binary("mul_i8_bcast_relu", BuiltinOperator.MUL, mul(ActivationFunctionType.RELU), 2, DataType.INT8,
        new int[] {3, 1, 6}, new int[] {1, 4, 6}, 0.2f, 7, 0.5f, -9, 0.04f, -100));
    l.add(binary("mul_i16", BuiltinOperator.MUL, mul(ActivationFunctionType.NONE), 4, DataType.INT16,
        new int[] {64}, new int[] {64}, 0.001f, 0, 0.0003f, 0, 0.00001f, 0));
    l.add(binary("mul_i16_bcast", BuiltinOperator.MUL, mul(ActivationFunctionType.NONE), 4, DataType.INT16,
        new int[] {4, 8}, new int[] {8}, 0.001f, 0, 0.002f, 0, 0.5f, 0));
    // MAXIMUM / MINIMUM compare raw values (same parameters required).
    l.add(binary("maximum_i8", BuiltinOperator.MAXIMUM, null, 2, DataType.INT8,
        new int[] {3, 1, 6}, new int[] {1, 4, 6}, 0.1f, 3, 0.1f, 3, 0.1f, 3));
    l.add(binary("minimum_u8", BuiltinOperator.MINIMUM, null, 2, DataType.UINT8,
        new int[] {4, 8}, new int[] {8}, 0.1f, 3, 0.1f, 3, 0.1f, 3));
    l.add(binary("maximum_i16", BuiltinOperator.MAXIMUM, null, 4, DataType.INT16,
        new int[] {64}, new int[] {64}, 0.1f, 0, 0.1f, 0, 0.1f, 0));
    // More requantize pairs.
    l.add(requantize("requantize_i16_i32", DataType.INT16, 0.001f, 0, DataType.INT32, 0.0001f, 5));
    l.add(requantize("requantize_i8_i16", DataType.INT8, 0.05f, 3, DataType.INT16, 0.001f, 0));
    l.add(requantize("requantize_i8_i32", DataType.INT8, 0.05f, 3, DataType.INT32, 0.001f, 7));
    // Comparisons: input 2 holds values near twice input 1's (its scale is half), so equality happens.
    int[] cmpOps = {BuiltinOperator.EQUAL, BuiltinOperator.NOT_EQUAL, BuiltinOperator.LESS,
        BuiltinOperator.LESS_EQUAL, BuiltinOperator.GREATER, BuiltinOperator.GREATER_EQUAL};
    String[] cmpNames = {"equal", "not_equal", "less", "less_equal", "greater", "greater_equal"};
    for (int k = 0; k < cmpOps.length; k++) {
      l.add(comparison(cmpNames[k] + "_u8", cmpOps[k], DataType.UINT8, 0.1f, 128, 0.05f, 120));
      l.add(comparison(cmpNames[k] + "_i8", cmpOps[k], DataType.INT8, 0.1f, 0, 0.05f, -7));
    }
    l.add(binary("squared_difference_i8", BuiltinOperator.SQUARED_DIFFERENCE, null, 2, DataType.INT8,
        new int[] {3, 1, 6}, new int[] {1, 4, 6}, 0.02f, 7, 0.05f, -9, 0.04f, -100));
    l.add(binary("squared_difference_i8_b", BuiltinOperator.SQUARED_DIFFERENCE, null, 2, DataType.INT8,
        new int[] {64}, new int[] {64}, 0.1f, 0, 0.1f, 3, 2f, -128));
    // Activations, 8-bit: every input value once.
    l.add(unary8("relu_u8", BuiltinOperator.RELU, DataType.UINT8, 0.05f, 128, 0.03f, 3));
    l.add(unary8("relu_i8", BuiltinOperator.RELU, DataType.INT8, 0.05f, 10, 0.02f, -128));
    l.add(unary8("relu6_u8", BuiltinOperator.RELU6, DataType.UINT8, 0.05f, 128, 6 / 255f, 0));
    l.add(unary8("relu6_i8", BuiltinOperator.RELU6, DataType.INT8, 0.07f, -5, 0.02f, -100));
    l.add(unary8("relu_n1_to_1_i8", BuiltinOperator.RELU_N1_TO_1, DataType.INT8, 0.02f, 3, 0.01f, 0));
    l.add(unary8("relu_n1_to_1_u8", BuiltinOperator.RELU_N1_TO_1, DataType.UINT8, 0.02f, 100, 2 / 255f, 128));
    l.add(unary8("leaky_relu_i8", BuiltinOperator.LEAKY_RELU, DataType.INT8, 0.05f, 10, 0.04f, -20, leaky(0.2f)));
    l.add(unary8("leaky_relu_u8", BuiltinOperator.LEAKY_RELU, DataType.UINT8, 0.05f, 128, 0.03f, 90, leaky(0.3f)));
    l.add(unary8("hard_swish_u8", BuiltinOperator.HARD_SWISH, DataType.UINT8, 0.05f, 128, 0.04f, 20));
    l.add(unary8("hard_swish_i8", BuiltinOperator.HARD_SWISH, DataType.INT8, 0.1f, -10, 0.06f, -90));
    l.add(unary8("hard_swish_i8_small", BuiltinOperator.HARD_SWISH, DataType.INT8, 0.005f, 0, 0.004f, -60));
    l.add(unary8("elu_i8", BuiltinOperator.ELU, DataType.INT8, 0.05f, 10, 0.04f, -60));
    l.add(prelu("prelu_u8", DataType.UINT8, 0.05f, 128, 0.01f, 50, 0.04f, 100));
    l.add(prelu("prelu_i8", DataType.INT8, 0.05f, 10, 0.02f, -3, 0.03f, -20));
    // DEQUANTIZE, CAST and SELECT_V2 on quantized tensors.
    l.add(simple("dequantize_i16", BuiltinOperator.DEQUANTIZE, 2, DataType.INT16, 0.001f, 0, DataType.FLOAT32));
    // CAST ignores quantization (raw values). TF Lite 2.6.2 has no INT8 CAST at all ("Type INT8 is unsupported
    // by op Cast"); Lite4j keeps current TF Lite's INT8 casts.
    l.add(simple("cast_u8_f32", BuiltinOperator.CAST, 1, DataType.UINT8, 0.1f, 128, DataType.FLOAT32));
    l.add(simple("cast_i16_i32", BuiltinOperator.CAST, 1, DataType.INT16, 0.1f, 0, DataType.INT32));
    l.add(selectV2());
    return l;
  }

  /** A one-input op on every value of an 8-bit type, or the int16 sample; the output is unquantized. */
  private static Spec simple(String name, int op, int version, DataType from, float scale, int zero, DataType to) {
    Npy input;
    int n;
    if (from == DataType.INT16) {
      short[] v = int16Sample();
      n = v.length;
      input = int16Npy(new int[] {n}, v);
    } else {
      n = 256;
      byte[] v = new byte[256];
      for (int i = 0; i < 256; i++) {
        v[i] = (byte) i;
      }
      input = Npy.ofBytes(from, new int[] {256}, v);
    }
    ModelBuilder b = new ModelBuilder();
    int in = b.addInput("input", from, n);
    b.setQuantization(in, scale, zero);
    int out = b.addTensor("output", to, n);
    if (to != DataType.FLOAT32 && to != DataType.INT32) {
      b.setQuantization(out, scale, zero - 128);
    }
    b.addOutput(out);
    b.addOperator(op, version, new int[] {in}, new int[] {out}, null);
    return new Spec(name, b.build(), List.of(input));
  }

  private static Spec dequantizePerChannel() {
    ModelBuilder b = new ModelBuilder();
    int in = b.addInput("input", DataType.INT8, 4, 64);
    b.setQuantization(in, new float[] {0.1f, 0.02f, 0.5f, 0.003f}, new long[] {0, 3, -7, 100}, 0);
    int out = b.addTensor("output", DataType.FLOAT32, 4, 64);
    b.addOutput(out);
    b.addOperator(BuiltinOperator.DEQUANTIZE, 3, new int[] {in}, new int[] {out}, null);
    byte[] v = new byte[256];
    for (int i = 0; i < 256; i++) {
      v[i] = (byte) i;
    }
    return new Spec("dequantize_i8_per_channel", b.build(), List.of(Npy.ofBytes(DataType.INT8, new int[] {4, 64}, v)));
  }

  private static Spec selectV2() {
    ModelBuilder b = new ModelBuilder();
    int c = b.addInput("condition", DataType.BOOL, 4, 1);
    int x = b.addInput("x", DataType.INT8, 4, 8);
    b.setQuantization(x, 0.1f, 3);
    int y = b.addInput("y", DataType.INT8, 8);
    b.setQuantization(y, 0.1f, 3);
    int out = b.addTensor("output", DataType.INT8, 4, 8);
    b.setQuantization(out, 0.1f, 3);
    b.addOutput(out);
    b.addOperator(BuiltinOperator.SELECT_V2, 1, new int[] {c, x, y}, new int[] {out}, null);
    return new Spec("select_v2_i8", b.build(), List.of());
  }

  private static LeakyReluOptionsT leaky(float alpha) {
    LeakyReluOptionsT o = new LeakyReluOptionsT();
    o.setAlpha(alpha);
    return o;
  }

  private static Spec prelu(String name, DataType type, float si, int zi, float sa, int za, float so, int zo) {
    ModelBuilder b = new ModelBuilder();
    int in = b.addInput("input", type, 4, 64);
    b.setQuantization(in, si, zi);
    byte[] alpha = new byte[64];
    Random r = new Random(3);
    for (int i = 0; i < alpha.length; i++) {
      alpha[i] = (byte) r.nextInt(256);
    }
    int a = b.addConstant("alpha", type, new int[] {1, 64}, alpha);
    b.setQuantization(a, sa, za);
    int out = b.addTensor("output", type, 4, 64);
    b.setQuantization(out, so, zo);
    b.addOutput(out);
    b.addOperator(BuiltinOperator.PRELU, 1, new int[] {in, a}, new int[] {out}, null);
    byte[] v = new byte[256];
    for (int i = 0; i < 256; i++) {
      v[i] = (byte) i;
    }
    return new Spec(name, b.build(), List.of(Npy.ofBytes(type, new int[] {4, 64}, v)));
  }

  private static Spec comparison(String name, int op, DataType type, float sa, int za, float sb, int zb) {
    boolean unsigned = type == DataType.UINT8;
    int min = unsigned ? 0 : -128;
    int max = unsigned ? 255 : 127;
    byte[] a = new byte[256];
    byte[] b = new byte[256];
    Random r = new Random(7);
    for (int i = 0; i < 256; i++) {
      int va = min + i;
      int vb = Math.max(min, Math.min(max, 2 * (va - za) + zb + r.nextInt(3) - 1));
      a[i] = (byte) va;
      b[i] = (byte) vb;
    }
    ModelBuilder m = new ModelBuilder();
    int x = m.addInput("a", type, 256);
    m.setQuantization(x, sa, za);
    int y = m.addInput("b", type, 256);
    m.setQuantization(y, sb, zb);
    int out = m.addTensor("output", DataType.BOOL, 256);
    m.addOutput(out);
    m.addOperator(op, 2, new int[] {x, y}, new int[] {out}, null);
    return new Spec(name, m.build(), List.of(Npy.ofBytes(type, new int[] {256}, a), Npy.ofBytes(type, new int[] {256}, b)));
  }

  private static AddOptionsT addOptions(byte activation, boolean pot) {
    AddOptionsT o = new AddOptionsT();
    o.setFusedActivationFunction(activation);
    o.setPotScaleInt16(pot);
    return o;
  }

  private static SubOptionsT sub(byte activation, boolean pot) {
    SubOptionsT o = new SubOptionsT();
    o.setFusedActivationFunction(activation);
    o.setPotScaleInt16(pot);
    return o;
  }

  private static MulOptionsT mul(byte activation) {
    MulOptionsT o = new MulOptionsT();
    o.setFusedActivationFunction(activation);
    return o;
  }

  private static Spec binary(String name, int op, Object options, int version, DataType type, int[] shapeA,
      int[] shapeB, float sa, int za, float sb, int zb, float so, int zo) {
    ModelBuilder b = new ModelBuilder();
    int a = b.addInput("a", type, shapeA);
    b.setQuantization(a, sa, za);
    int c = b.addInput("b", type, shapeB);
    b.setQuantization(c, sb, zb);
    int out = b.addTensor("output", type, broadcast(shapeA, shapeB));
    b.setQuantization(out, so, zo);
    b.addOutput(out);
    b.addOperator(op, version, new int[] {a, c}, new int[] {out}, options);
    return new Spec(name, b.build(), List.of());
  }

  private static Spec unary8(String name, int op, DataType type, float inScale, int inZero, float outScale,
      int outZero) {
    return unary8(name, op, type, inScale, inZero, outScale, outZero, null);
  }

  private static Spec unary8(String name, int op, DataType type, float inScale, int inZero, float outScale,
      int outZero, Object options) {
    ModelBuilder b = new ModelBuilder();
    int in = b.addInput("input", type, 256);
    b.setQuantization(in, inScale, inZero);
    int out = b.addTensor("output", type, 256);
    b.setQuantization(out, outScale, outZero);
    b.addOutput(out);
    boolean v1Only = op == BuiltinOperator.ELU || op == BuiltinOperator.HARD_SWISH || op == BuiltinOperator.RELU_N1_TO_1;
    b.addOperator(op, type == DataType.UINT8 || v1Only ? 1 : 2, new int[] {in}, new int[] {out}, options);
    byte[] v = new byte[256];
    for (int i = 0; i < 256; i++) {
      v[i] = (byte) i;
    }
    return new Spec(name, b.build(), List.of(Npy.ofBytes(type, new int[] {256}, v)));
  }

  /** Every 29th int16 value, plus -64..64 and the 64 values at each end. */
  static short[] int16Sample() {
    if (System.getenv("GOLDEN_OPS_ALL_INT16") != null) { // the exhaustive check, too big to commit
      short[] all = new short[65536];
      for (int i = 0; i < all.length; i++) {
        all[i] = (short) (i + Short.MIN_VALUE);
      }
      return all;
    }
    List<Integer> values = new ArrayList<>();
    for (int v = Short.MIN_VALUE; v <= Short.MAX_VALUE; v += 29) {
      values.add(v);
    }
    for (int v = -64; v <= 64; v++) {
      values.add(v);
    }
    for (int k = 0; k < 64; k++) {
      values.add(Short.MIN_VALUE + k);
      values.add(Short.MAX_VALUE - k);
    }
    short[] s = new short[values.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = (short) (int) values.get(i);
    }
    return s;
  }

  static Npy int16Npy(int[] shape, short[] v) {
    ByteBuffer b = ByteBuffer.allocate(v.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    b.asShortBuffer().put(v);
    return new Npy("<i2", shape, b);
  }

  private static Spec unary16(String name, int op, float inScale, float outScale) {
    short[] v = int16Sample();
    ModelBuilder b = new ModelBuilder();
    int in = b.addInput("input", DataType.INT16, v.length);
    b.setQuantization(in, inScale, 0);
    int out = b.addTensor("output", DataType.INT16, v.length);
    b.setQuantization(out, outScale, 0);
    b.addOutput(out);
    b.addOperator(op, 3, new int[] {in}, new int[] {out}, null);
    return new Spec(name, b.build(), List.of(int16Npy(new int[] {v.length}, v)));
  }

  private static int[] broadcast(int[] a, int[] b) {
    int rank = Math.max(a.length, b.length);
    int[] o = new int[rank];
    for (int i = 0; i < rank; i++) {
      int da = i - (rank - a.length) >= 0 ? a[i - (rank - a.length)] : 1;
      int db = i - (rank - b.length) >= 0 ? b[i - (rank - b.length)] : 1;
      o[i] = Math.max(da, db);
    }
    return o;
  }

  private static Spec add(String name, DataType type, int[] shapeA, int[] shapeB, float sa, int za, float sb,
      int zb, float so, int zo, byte activation, boolean pot) {
    return binary(name, BuiltinOperator.ADD, addOptions(activation, pot),
        type == DataType.INT16 ? 3 : type == DataType.INT8 ? 2 : 1, type, shapeA, shapeB, sa, za, sb, zb, so, zo);
  }

  private static Spec quantizeFloat(String name, DataType to, float scale, int zero) {
    Random r = new Random(12);
    float[] x = new float[160];
    for (int i = 0; i < 100; i++) {
      x[i] = (float) (r.nextGaussian() * 40 * scale);
    }
    for (int i = 100; i < 140; i++) { // exact and near ties
      x[i] = ((i - 120) + 0.5f) * scale;
    }
    float[] special = {0f, -0f, 1e10f, -1e10f, 3e9f * scale, -3e9f * scale, Float.MAX_VALUE, -Float.MAX_VALUE,
        Float.MIN_VALUE, 200 * scale, -200 * scale, 40000 * scale, -40000 * scale, 127.5f * scale,
        -128.5f * scale, 255.5f * scale, 32767.5f * scale, -32768.5f * scale, 0.5f * scale, -0.5f * scale};
    System.arraycopy(special, 0, x, 140, special.length);
    ModelBuilder b = new ModelBuilder();
    int in = b.addInput("input", DataType.FLOAT32, x.length);
    int out = b.addTensor("output", to, x.length);
    b.setQuantization(out, scale, zero);
    b.addOutput(out);
    b.addOperator(BuiltinOperator.QUANTIZE, 2, new int[] {in}, new int[] {out}, null);
    return new Spec(name, b.build(), List.of(Npy.ofFloats(new int[] {x.length}, x)));
  }

  private static Spec requantize(String name, DataType from, float si, int zi, DataType to, float so, int zo) {
    ModelBuilder b = new ModelBuilder();
    int n = from == DataType.INT16 ? int16Sample().length : 256;
    int in = b.addInput("input", from, n);
    b.setQuantization(in, si, zi);
    int out = b.addTensor("output", to, n);
    b.setQuantization(out, so, zo);
    b.addOutput(out);
    b.addOperator(BuiltinOperator.QUANTIZE, 2,
        new int[] {in}, new int[] {out}, null);
    Npy input;
    if (from == DataType.INT16) {
      input = int16Npy(new int[] {n}, int16Sample());
    } else {
      byte[] v = new byte[256];
      for (int i = 0; i < 256; i++) {
        v[i] = (byte) i;
      }
      input = Npy.ofBytes(from, new int[] {256}, v);
    }
    return new Spec(name, b.build(), List.of(input));
  }
}
