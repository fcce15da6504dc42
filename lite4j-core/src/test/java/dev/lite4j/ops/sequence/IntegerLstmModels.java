package dev.lite4j.ops.sequence;

import static dev.lite4j.kernels.LstmCell.*;

import dev.lite4j.DataType;
import dev.lite4j.Model;
import dev.lite4j.QuantizationParams;
import dev.lite4j.builder.ModelBuilder;
import dev.lite4j.io.Npy;
import dev.lite4j.model.OperatorDef;
import dev.lite4j.model.SubgraphDef;
import dev.lite4j.model.TensorDef;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.UnidirectionalSequenceLSTMOptions;
import org.tensorflow.lite.schema.UnidirectionalSequenceLSTMOptionsT;

/**
 * One-node integer LSTM models for tests and for recording goldens with the real TensorFlow Lite: a node
 * copied out of a real model (same tensors, quantization, constant data, options, intermediates), or a
 * synthetic node with random int8 weights in one of TF Lite's variants (CIFG, peephole, projection, layer
 * norm, clipping, time- or batch-major). Both are deterministic, so a test can rebuild the exact model a
 * golden was recorded from and check its sha256.
 */
final class IntegerLstmModels {
  private IntegerLstmModels() {}

  /** Node {@code node} of {@code model} alone, its data input (resizable) the model's only input. */
  static byte[] fromNode(Model model, int node) {
    SubgraphDef g = model.primarySubgraph();
    OperatorDef op = g.operators().get(node);
    ModelBuilder b = new ModelBuilder();
    int[] in = new int[op.inputs().length];
    for (int i = 0; i < in.length; i++) {
      int idx = op.inputs()[i];
      in[i] = idx < 0 ? -1 : copy(b, g.tensors().get(idx), i == 0);
    }
    int out = copy(b, g.tensors().get(op.outputs()[0]), false);
    b.addOutput(out);
    UnidirectionalSequenceLSTMOptionsT o = op.table().builtinOptions(new UnidirectionalSequenceLSTMOptions()) == null
        ? new UnidirectionalSequenceLSTMOptionsT()
        : ((UnidirectionalSequenceLSTMOptions) op.table().builtinOptions(new UnidirectionalSequenceLSTMOptions()))
            .unpack();
    int n = b.addOperator(BuiltinOperator.UNIDIRECTIONAL_SEQUENCE_LSTM, op.version(), in, new int[] {out}, o);
    int[] inter = new int[op.intermediates().length];
    for (int i = 0; i < inter.length; i++) {
      inter[i] = copy(b, g.tensors().get(op.intermediates()[i]), false);
    }
    b.setIntermediates(n, inter);
    return b.build();
  }

  private static int copy(ModelBuilder b, TensorDef t, boolean input) {
    int idx;
    if (input) {
      idx = b.addInput(t.name(), t.type(), t.shape());
    } else if (t.isVariable()) {
      idx = b.addVariable(t.name(), t.type(), t.shape());
    } else if (t.isConstant() && t.data().remaining() > 0) {
      ByteBuffer d = t.dataView();
      byte[] bytes = new byte[d.remaining()];
      d.get(bytes);
      idx = b.addConstant(t.name(), t.type(), t.shape(), bytes);
    } else {
      idx = b.addTensor(t.name(), t.type(), t.shape());
    }
    QuantizationParams q = t.quantization();
    if (q.isQuantized()) {
      b.setQuantization(idx, q.scales(), q.zeroPoints(), q.quantizedDimension());
    }
    return idx;
  }

  /** A synthetic variant. */
  record Spec(String name, int nBatch, int maxTime, int nInput, int nCell, int nOutput, boolean timeMajor,
      boolean cifg, boolean peephole, boolean projection, boolean projectionBias, boolean layerNorm,
      float cellClip, float projClip, int inputZp, int outputZp, int hiddenZp, long seed, float hiddenScale) {
    /** Without a hidden scale of its own: 0.006 with a projection, the output scale without. */
    Spec(String name, int nBatch, int maxTime, int nInput, int nCell, int nOutput, boolean timeMajor,
        boolean cifg, boolean peephole, boolean projection, boolean projectionBias, boolean layerNorm,
        float cellClip, float projClip, int inputZp, int outputZp, int hiddenZp, long seed) {
      this(name, nBatch, maxTime, nInput, nCell, nOutput, timeMajor, cifg, peephole, projection, projectionBias,
          layerNorm, cellClip, projClip, inputZp, outputZp, hiddenZp, seed, projection ? 0.006f : OUTPUT_SCALE);
    }
  }

  static final float INPUT_SCALE = 1f / 64;
  static final float OUTPUT_SCALE = 1f / 128;
  static final float CELL_SCALE = 0x1p-11f;

  /** The 24 LSTM operand slots, all absent (-1) until a model fills them. */
  static int[] absentOperands() {
    int[] in = new int[24];
    java.util.Arrays.fill(in, -1);
    return in;
  }

  /** The input sequence's shape: [time, batch, input] when time-major, else [batch, time, input]. */
  static int[] inputShape(boolean timeMajor, int maxTime, int nBatch, int nInput) {
    return timeMajor ? new int[] {maxTime, nBatch, nInput} : new int[] {nBatch, maxTime, nInput};
  }

  /** The synthetic model of {@code s}: weights uniform int8, biases and coefficients of plausible size. */
  static byte[] synthetic(Spec s) {
    SplittableRandom r = new SplittableRandom(s.seed());
    ModelBuilder b = new ModelBuilder();
    int[] in = absentOperands();
    int[] inShape = inputShape(s.timeMajor(), s.maxTime(), s.nBatch(), s.nInput());
    in[0] = b.addInput("input", DataType.INT8, inShape);
    b.setQuantization(in[0], INPUT_SCALE, s.inputZp());
    for (int gate = 0; gate < 4; gate++) {
      if (gate == 0 && s.cifg()) {
        continue;
      }
      float wScale = 0.004f + 0.002f * gate;
      in[INPUT_TO_INPUT_WEIGHTS + gate] = int8(b, "w_in" + gate, r, wScale, s.nCell(), s.nInput());
      float rScale = 0.005f + 0.001f * gate;
      in[RECURRENT_TO_INPUT_WEIGHTS + gate] = int8(b, "w_rec" + gate, r, rScale, s.nCell(), s.nOutput());
      if (s.peephole() && !(gate == 2)) {
        in[CELL_TO_INPUT_WEIGHTS + (gate == 3 ? 2 : gate)] = int16(b, "w_peep" + gate, r, 3e-5f, 20000, s.nCell());
      }
      if (s.layerNorm()) {
        in[INPUT_LAYER_NORM_COEFFICIENTS + gate] = int16Positive(b, "ln" + gate, r, 4e-5f, s.nCell());
        // With layer norm the bias is added after normalisation, in units of the coefficients' scale / 1024.
        in[INPUT_GATE_BIAS + gate] = int32(b, "bias" + gate, r, 4e-5f / 1024, 1 << 20, s.nCell());
      } else {
        in[INPUT_GATE_BIAS + gate] = int32(b, "bias" + gate, r, INPUT_SCALE * wScale, 3000, s.nCell());
      }
    }
    if (s.projection()) {
      in[PROJECTION_WEIGHTS] = int8(b, "w_proj", r, 0.01f, s.nOutput(), s.nCell());
      if (s.projectionBias()) {
        in[PROJECTION_BIAS] = int32(b, "b_proj", r, OUTPUT_SCALE * 0.01f, 2000, s.nOutput());
      }
    }
    in[OUTPUT_STATE] = b.addVariable("output_state", DataType.INT8, s.nBatch(), s.nOutput());
    b.setQuantization(in[OUTPUT_STATE], OUTPUT_SCALE, s.outputZp());
    in[CELL_STATE] = b.addVariable("cell_state", DataType.INT16, s.nBatch(), s.nCell());
    b.setQuantization(in[CELL_STATE], CELL_SCALE, 0);
    int out = b.addTensor("output", DataType.INT8, inShape[0], inShape[1], s.nOutput());
    b.setQuantization(out, OUTPUT_SCALE, s.outputZp());
    b.addOutput(out);
    UnidirectionalSequenceLSTMOptionsT o = new UnidirectionalSequenceLSTMOptionsT();
    o.setFusedActivationFunction(org.tensorflow.lite.schema.ActivationFunctionType.TANH);
    o.setCellClip(s.cellClip());
    o.setProjClip(s.projClip());
    o.setTimeMajor(s.timeMajor());
    int n = b.addOperator(BuiltinOperator.UNIDIRECTIONAL_SEQUENCE_LSTM, 1, in, new int[] {out}, o);
    int[] inter = new int[5];
    String[] names = {"input_to_input_intermediate", "input_to_forget_intermediate",
        "input_to_cell_intermediate", "input_to_output_intermediate", "effective_hidden_scale_intermediate"};
    for (int i = 0; i < 4; i++) {
      if (s.layerNorm()) {
        inter[i] = b.addTensor(names[i], DataType.INT16, 0);
        b.setQuantization(inter[i], 0.0004f + 0.0001f * i, 0);
      } else {
        inter[i] = b.addTensor(names[i], DataType.FLOAT32, 0);
      }
    }
    inter[4] = b.addTensor(names[4], DataType.INT8, 0);
    b.setQuantization(inter[4], s.hiddenScale(), s.hiddenZp());
    b.setIntermediates(n, inter);
    return b.build();
  }

  private static int int8(ModelBuilder b, String name, SplittableRandom r, float scale, int rows, int cols) {
    byte[] v = new byte[rows * cols];
    for (int i = 0; i < v.length; i++) {
      v[i] = (byte) (r.nextInt(255) - 127);
    }
    int t = b.addConstant(name, DataType.INT8, new int[] {rows, cols}, v);
    b.setQuantization(t, scale, 0);
    return t;
  }

  private static int int16(ModelBuilder b, String name, SplittableRandom r, float scale, int range, int n) {
    ByteBuffer bb = ByteBuffer.allocate(2 * n).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < n; i++) {
      bb.putShort((short) (r.nextInt(2 * range + 1) - range));
    }
    int t = b.addConstant(name, DataType.INT16, new int[] {n}, bb.array());
    b.setQuantization(t, scale, 0);
    return t;
  }

  private static int int16Positive(ModelBuilder b, String name, SplittableRandom r, float scale, int n) {
    ByteBuffer bb = ByteBuffer.allocate(2 * n).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < n; i++) {
      bb.putShort((short) (15000 + r.nextInt(17000)));
    }
    int t = b.addConstant(name, DataType.INT16, new int[] {n}, bb.array());
    b.setQuantization(t, scale, 0);
    return t;
  }

  private static int int32(ModelBuilder b, String name, SplittableRandom r, float scale, int range, int n) {
    int[] v = new int[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextInt(2 * range + 1) - range;
    }
    int t = b.addConstantInts(name, new int[] {n}, v);
    b.setQuantization(t, scale, 0);
    return t;
  }

  /**
   * A one-cell LSTM with zero weights and scales chosen so that every effective multiplier is exactly 1:
   * the gates' pre-activations are their int32 biases read as Q3.12 (forget, input and output 0, so 0.5;
   * cell 4096, so tanh(1)). Hand-computable: c_t = 0.5 c_{t-1} + 0.5 tanh(1), h_t = 0.5 tanh(c_t).
   */
  static byte[] oneCell(int steps) {
    return oneCell(steps, "");
  }

  /** {@link #oneCell(int)} broken as {@code fault} says (for error tests); "" for none. */
  static byte[] oneCell(int steps, String fault) {
    ModelBuilder b = new ModelBuilder();
    int[] in = absentOperands();
    in[0] = b.addInput("input", DataType.INT8, 1, steps, 1);
    b.setQuantization(in[0], 0x1p-6f, 0);
    int[] biases = {0, 0, 4096, 0};
    for (int gate = 0; gate < 4; gate++) {
      in[INPUT_TO_INPUT_WEIGHTS + gate] = b.addConstant("w_in" + gate, DataType.INT8, new int[] {1, 1}, new byte[1]);
      if (fault.equals("per-channel weights")) {
        b.setQuantization(in[INPUT_TO_INPUT_WEIGHTS + gate], new float[] {0x1p-6f}, new long[] {0}, 0);
        b.setQuantization(in[INPUT_TO_INPUT_WEIGHTS + gate], new float[] {0x1p-6f, 0x1p-6f}, new long[] {0, 0}, 0);
      } else if (!fault.equals("unquantized weights")) {
        b.setQuantization(in[INPUT_TO_INPUT_WEIGHTS + gate], 0x1p-6f, 0);
      }
      in[RECURRENT_TO_INPUT_WEIGHTS + gate] =
          b.addConstant("w_rec" + gate, DataType.INT8, new int[] {1, 1}, new byte[1]);
      b.setQuantization(in[RECURRENT_TO_INPUT_WEIGHTS + gate], 0x1p-5f, 0);
      in[INPUT_GATE_BIAS + gate] = fault.equals("float bias")
          ? b.addConstantFloats("bias" + gate, new int[] {1}, biases[gate])
          : b.addConstantInts("bias" + gate, new int[] {1}, biases[gate]);
      b.setQuantization(in[INPUT_GATE_BIAS + gate], 0x1p-12f, 0);
    }
    in[OUTPUT_STATE] = b.addVariable("output_state", DataType.INT8, 1, 1);
    b.setQuantization(in[OUTPUT_STATE], 0x1p-7f, 0);
    in[CELL_STATE] = b.addVariable("cell_state", DataType.INT16, 1, 1);
    b.setQuantization(in[CELL_STATE], fault.equals("cell scale") ? 0.0003f : 0x1p-11f, 0);
    int out = b.addTensor("output", DataType.INT8, 1, steps, 1);
    b.setQuantization(out, 0x1p-7f, 0);
    b.addOutput(out);
    UnidirectionalSequenceLSTMOptionsT o = new UnidirectionalSequenceLSTMOptionsT();
    o.setFusedActivationFunction(org.tensorflow.lite.schema.ActivationFunctionType.TANH);
    int n = b.addOperator(BuiltinOperator.UNIDIRECTIONAL_SEQUENCE_LSTM, 1, in, new int[] {out}, o);
    int[] inter = new int[5];
    for (int i = 0; i < 4; i++) {
      inter[i] = b.addTensor("intermediate" + i, DataType.FLOAT32, 0);
    }
    inter[4] = b.addTensor("hidden", DataType.INT8, 0);
    b.setQuantization(inter[4], 0x1p-7f, 0);
    if (!fault.equals("no intermediates")) {
      b.setIntermediates(n, inter);
    }
    return b.build();
  }

  /**
   * The float LSTM TF Lite's integer one approximates: {@code intModel}'s node with every constant
   * dequantized ((q - zero_point) * scale; the projection bias at the scale the integer kernel gives it,
   * hidden scale * projection-weight scale), float state and output, no intermediates.
   */
  static byte[] dequantized(byte[] intModel) {
    Model model = Model.fromBytes(intModel);
    SubgraphDef g = model.primarySubgraph();
    OperatorDef op = g.operators().get(0);
    float hiddenScale = g.tensors().get(op.intermediates()[4]).quantization().scale();
    ModelBuilder b = new ModelBuilder();
    int[] in = new int[op.inputs().length];
    for (int i = 0; i < in.length; i++) {
      int idx = op.inputs()[i];
      if (idx < 0) {
        in[i] = -1;
        continue;
      }
      TensorDef t = g.tensors().get(idx);
      if (i == 0) {
        in[i] = b.addInput(t.name(), DataType.FLOAT32, t.shape());
      } else if (t.isVariable()) {
        in[i] = b.addVariable(t.name(), DataType.FLOAT32, t.shape());
      } else {
        float scale = t.quantization().scale();
        if (i == PROJECTION_BIAS) {
          scale = hiddenScale * g.tensors().get(op.inputs()[PROJECTION_WEIGHTS]).quantization().scale();
        }
        long zp = t.quantization().zeroPoints().length > 0 ? t.quantization().zeroPoints()[0] : 0;
        ByteBuffer d = t.dataView();
        int n = 1;
        for (int dim : t.shape()) {
          n *= dim;
        }
        float[] v = new float[n];
        for (int k = 0; k < n; k++) {
          long q = switch (t.type()) {
            case INT8 -> d.get(k);
            case INT16 -> d.getShort(2 * k);
            default -> d.getInt(4 * k);
          };
          v[k] = (q - zp) * scale;
        }
        in[i] = b.addConstantFloats(t.name(), t.shape(), v);
      }
    }
    TensorDef o = g.tensors().get(op.outputs()[0]);
    int out = b.addTensor(o.name(), DataType.FLOAT32, o.shape());
    b.addOutput(out);
    UnidirectionalSequenceLSTMOptionsT opts =
        ((UnidirectionalSequenceLSTMOptions) op.table().builtinOptions(new UnidirectionalSequenceLSTMOptions()))
            .unpack();
    b.addOperator(BuiltinOperator.UNIDIRECTIONAL_SEQUENCE_LSTM, op.version(), in, new int[] {out}, opts);
    return b.build();
  }

  /** A hybrid variant: float input, state and output, int8 weights. */
  record HybridSpec(String name, int nBatch, int maxTime, int nInput, int nCell, int nOutput, boolean timeMajor,
      boolean cifg, boolean peephole, boolean projection, boolean layerNorm, boolean asymmetric, float cellClip,
      float projClip, long seed) {}

  static final HybridSpec[] HYBRID = {
      new HybridSpec("hybrid_plain", 2, 5, 6, 8, 8, false, false, false, false, false, false, 0f, 0f, 21),
      new HybridSpec("hybrid_asymmetric_time_major_cifg", 2, 4, 5, 7, 7, true, true, false, false, false, true,
          0f, 0f, 22),
      new HybridSpec("hybrid_peephole_projection_clip", 2, 5, 6, 8, 5, false, false, true, true, false, true,
          0.8f, 0.5f, 23),
      new HybridSpec("hybrid_layer_norm", 1, 6, 6, 8, 8, false, false, false, false, true, false, 0f, 0f, 24),
  };

  static byte[] hybrid(HybridSpec s) {
    SplittableRandom r = new SplittableRandom(s.seed());
    ModelBuilder b = new ModelBuilder();
    int[] in = absentOperands();
    int[] inShape = inputShape(s.timeMajor(), s.maxTime(), s.nBatch(), s.nInput());
    in[0] = b.addInput("input", DataType.FLOAT32, inShape);
    for (int gate = 0; gate < 4; gate++) {
      if (gate == 0 && s.cifg()) {
        continue;
      }
      in[INPUT_TO_INPUT_WEIGHTS + gate] = int8(b, "w_in" + gate, r, 0.004f + 0.001f * gate, s.nCell(), s.nInput());
      in[RECURRENT_TO_INPUT_WEIGHTS + gate] =
          int8(b, "w_rec" + gate, r, 0.005f + 0.001f * gate, s.nCell(), s.nOutput());
      if (s.peephole() && gate != 2) {
        int idx = CELL_TO_INPUT_WEIGHTS + (gate == 3 ? 2 : gate);
        byte[] p = new byte[s.nCell()];
        for (int i = 0; i < p.length; i++) {
          p[i] = (byte) (r.nextInt(255) - 127);
        }
        in[idx] = b.addConstant("w_peep" + gate, DataType.INT8, new int[] {s.nCell()}, p);
        b.setQuantization(in[idx], 0.003f, 0);
      }
      float[] bias = new float[s.nCell()];
      for (int i = 0; i < bias.length; i++) {
        bias[i] = (float) (r.nextDouble() - 0.5);
      }
      in[INPUT_GATE_BIAS + gate] = b.addConstantFloats("bias" + gate, new int[] {s.nCell()}, bias);
      if (s.layerNorm()) {
        float[] ln = new float[s.nCell()];
        for (int i = 0; i < ln.length; i++) {
          ln[i] = (float) (0.5 + r.nextDouble());
        }
        in[INPUT_LAYER_NORM_COEFFICIENTS + gate] = b.addConstantFloats("ln" + gate, new int[] {s.nCell()}, ln);
      }
    }
    if (s.projection()) {
      in[PROJECTION_WEIGHTS] = int8(b, "w_proj", r, 0.006f, s.nOutput(), s.nCell());
      float[] pb = new float[s.nOutput()];
      for (int i = 0; i < pb.length; i++) {
        pb[i] = (float) (0.2 * (r.nextDouble() - 0.5));
      }
      in[PROJECTION_BIAS] = b.addConstantFloats("b_proj", new int[] {s.nOutput()}, pb);
    }
    in[OUTPUT_STATE] = b.addVariable("output_state", DataType.FLOAT32, s.nBatch(), s.nOutput());
    in[CELL_STATE] = b.addVariable("cell_state", DataType.FLOAT32, s.nBatch(), s.nCell());
    int out = b.addTensor("output", DataType.FLOAT32, inShape[0], inShape[1], s.nOutput());
    b.addOutput(out);
    UnidirectionalSequenceLSTMOptionsT o = new UnidirectionalSequenceLSTMOptionsT();
    o.setFusedActivationFunction(org.tensorflow.lite.schema.ActivationFunctionType.TANH);
    o.setCellClip(s.cellClip());
    o.setProjClip(s.projClip());
    o.setTimeMajor(s.timeMajor());
    o.setAsymmetricQuantizeInputs(s.asymmetric());
    b.addOperator(BuiltinOperator.UNIDIRECTIONAL_SEQUENCE_LSTM, 3, s.layerNorm() || true ? in
        : java.util.Arrays.copyOf(in, 20), new int[] {out}, o);
    return b.build();
  }

  /** A one-cell hybrid LSTM whose weights have type {@code weightType} (for error tests). */
  static byte[] hybridOneCell(DataType weightType) {
    ModelBuilder b = new ModelBuilder();
    int[] in = absentOperands();
    in[0] = b.addInput("input", DataType.FLOAT32, 1, 2, 1);
    for (int gate = 0; gate < 4; gate++) {
      in[INPUT_TO_INPUT_WEIGHTS + gate] = b.addConstant("w_in" + gate, weightType, new int[] {1, 1}, new byte[1]);
      b.setQuantization(in[INPUT_TO_INPUT_WEIGHTS + gate], 0.01f, 0);
      in[RECURRENT_TO_INPUT_WEIGHTS + gate] =
          b.addConstant("w_rec" + gate, weightType, new int[] {1, 1}, new byte[1]);
      b.setQuantization(in[RECURRENT_TO_INPUT_WEIGHTS + gate], 0.01f, 0);
      in[INPUT_GATE_BIAS + gate] = b.addConstantFloats("bias" + gate, new int[] {1}, 0f);
    }
    in[OUTPUT_STATE] = b.addVariable("output_state", DataType.FLOAT32, 1, 1);
    in[CELL_STATE] = b.addVariable("cell_state", DataType.FLOAT32, 1, 1);
    int out = b.addTensor("output", DataType.FLOAT32, 1, 2, 1);
    b.addOutput(out);
    UnidirectionalSequenceLSTMOptionsT o = new UnidirectionalSequenceLSTMOptionsT();
    o.setFusedActivationFunction(org.tensorflow.lite.schema.ActivationFunctionType.TANH);
    b.addOperator(BuiltinOperator.UNIDIRECTIONAL_SEQUENCE_LSTM, 3, in, new int[] {out}, o);
    return b.build();
  }

  /** Random int8 input of {@code shape} (deterministic). */
  static Npy randomInput(int[] shape, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    byte[] v = new byte[n];
    for (int i = 0; i < n; i++) {
      v[i] = (byte) (r.nextInt(256) - 128);
    }
    return Npy.ofBytes(DataType.INT8, shape, v);
  }

  /** The synthetic variants the goldens cover. */
  static final Spec[] SPECS = {
      new Spec("plain", 2, 5, 6, 8, 8, false, false, false, false, false, false, 0f, 0f, 3, -2, -2, 1),
      new Spec("time_major_cifg", 2, 4, 5, 7, 7, true, true, false, false, false, false, 0f, 0f, -10, 5, 5, 2),
      new Spec("peephole_projection", 2, 5, 6, 8, 4, false, false, true, true, true, false, 0f, 0f, 0, 4, -3, 3),
      new Spec("layer_norm", 1, 6, 6, 8, 8, false, false, false, false, false, true, 0f, 0f, 2, 0, 0, 4),
      new Spec("layer_norm_cifg_peephole_projection", 2, 4, 5, 8, 6, false, true, true, true, false, true,
          0f, 0f, -5, 1, 7, 5),
      new Spec("clipped", 1, 8, 6, 8, 5, false, false, false, true, true, false, 0.5f, 0.3f, 0, 0, 0, 6),
      new Spec("time_major_peephole_projection", 3, 4, 5, 6, 4, true, false, true, true, false, false, 0f, 0f,
          1, -1, 2, 7),
  };

  /** Writes every synthetic model and its input to {@code dir/<name>/} (for run.sh golden). */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    for (Spec s : SPECS) {
      if (args.length > 2 && !s.name().equals(args[2])) {
        continue;
      }
      Path d = dir.resolve(s.name());
      Files.createDirectories(d);
      Files.write(d.resolve("model.tflite"), synthetic(s));
      int[] shape = inputShape(s.timeMajor(), s.maxTime(), s.nBatch(), s.nInput());
      Files.write(d.resolve("input.npy"), randomInput(shape, s.seed() + 100).toBytes());
    }
    for (HybridSpec s : HYBRID) {
      Path d = dir.resolve(s.name());
      Files.createDirectories(d);
      Files.write(d.resolve("model.tflite"), hybrid(s));
    }
    if (args.length > 2) {
      return;
    }
    for (String[] m : new String[][] {{"trained_lstm_int8", "0"}, {"dtln_noise_suppression", "0"},
        {"dtln_noise_suppression", "1"}}) {
      Path d = dir.resolve(m[0] + "_node" + m[1]);
      Files.createDirectories(d);
      Model model = Model.load(Path.of(args[1]).resolve(m[0] + ".tflite"));
      Files.write(d.resolve("model.tflite"), fromNode(model, Integer.parseInt(m[1])));
    }
  }
}
