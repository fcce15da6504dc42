package dev.lite4j.onnxruntime;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.lite4j.DataType;
import dev.lite4j.Model;
import dev.lite4j.builder.ModelBuilder;
import dev.lite4j.delegate.DelegateNode;
import dev.lite4j.delegate.Partition;
import dev.lite4j.model.OperatorDef;
import dev.lite4j.model.SubgraphDef;
import dev.lite4j.runtime.TensorBuffer;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.Conv2DOptionsT;
import org.tensorflow.lite.schema.Padding;

/**
 * One-time, per-process preparation started in the background when the first delegate is created,
 * while the application loads its model and the runtime plans it: it exercises the code every first
 * session needs (the protobuf classes; SHA-256's provider; ONNX Runtime's first session, which
 * initialises its kernels and optimisers). It hashes no weights: a model file's digest is remembered
 * across processes ({@link FileDigests}), so starts do not hash weights either. Nothing it computes is kept; a failure here
 * is ignored.
 */
final class Warmup {
  private static final System.Logger LOG = System.getLogger("dev.lite4j.onnxruntime");
  private static boolean started;

  private Warmup() {}

  static synchronized void start(OrtEnvironment env) {
    if (started || "off".equals(System.getProperty("lite4j.onnxruntime.warmup"))) {
      return;
    }
    started = true;
    Thread t = Thread.ofPlatform().daemon().name("lite4j-onnxruntime-warmup").unstarted(() -> run(env));
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

  private static void run(OrtEnvironment env) {
    long t0 = System.nanoTime();
    try {
      // The session thread and the future the kernel waits on, made once here and then reused.
      new CompletableFuture<Void>().complete(null);
      Background.run(NOTHING);
      prepareLogging();
      // The security providers behind MessageDigest load on first use (milliseconds): cache keys need them.
      SessionCache.sha256().digest(new byte[1]);
      OnnxGraph graph = OnnxConverter.convert(tinyPartition());
      ByteBuffer bytes = ByteBuffer.wrap(graph.build().toByteArray());
      try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
        so.setSessionLogLevel(ai.onnxruntime.OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL);
        try (OrtSession s = env.createSession(bytes.array(), so)) {
          // Created and closed: only the one-time initialisation it triggered stays.
        }
      }
      LOG.log(Level.DEBUG, () -> String.format("onnxruntime warm-up %.0f ms", (System.nanoTime() - t0) / 1e6));
    } catch (Throwable e) {
      LOG.log(Level.DEBUG, "onnxruntime warm-up skipped: " + e);
    }
  }

  private static final Runnable NOTHING = new Runnable() {
    @Override
    public void run() {}
  };

  /**
   * The runtime logs one line per delegate when an interpreter is made, and in a fresh JVM the first
   * record costs tens of milliseconds (the logging system, its console handler and its date
   * formatting start up). Formatting one record here, without publishing it, takes that off the
   * interpreter's start-up. Harmless where the application routes System.Logger elsewhere.
   */
  private static void prepareLogging() {
    System.getLogger("dev.lite4j.delegate").isLoggable(System.Logger.Level.INFO);
    java.util.logging.Logger.getLogger("").getHandlers();
    new java.util.logging.SimpleFormatter().format(
        new java.util.logging.LogRecord(java.util.logging.Level.INFO, "lite4j warm-up"));
  }

  /** A 3x3 convolution with ReLU6 and an add, as a partition of its own. */
  private static Partition tinyPartition() {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.FLOAT32, 1, 8, 8, 4);
    int w = b.addConstantFloats("w", new int[] {4, 3, 3, 4}, new float[144]);
    int bias = b.addConstantFloats("b", new int[] {4}, new float[4]);
    int y = b.addTensor("y", DataType.FLOAT32, 1, 8, 8, 4);
    int z = b.addTensor("z", DataType.FLOAT32, 1, 8, 8, 4);
    Conv2DOptionsT o = new Conv2DOptionsT();
    o.setPadding(Padding.SAME);
    o.setStrideH(1);
    o.setStrideW(1);
    o.setFusedActivationFunction(org.tensorflow.lite.schema.ActivationFunctionType.RELU6);
    b.addOperator(BuiltinOperator.CONV_2D, new int[] {x, w, bias}, new int[] {y}, o);
    b.addOperator(BuiltinOperator.ADD, new int[] {y, x}, new int[] {z}, new org.tensorflow.lite.schema.AddOptionsT());
    b.addOutput(z);
    SubgraphDef g = Model.fromBytes(b.build()).primarySubgraph();
    TensorBuffer[] t = new TensorBuffer[g.tensors().size()];
    for (int i = 0; i < t.length; i++) {
      t[i] = new TensorBuffer(g.tensors().get(i));
    }
    List<DelegateNode> nodes = new ArrayList<>();
    for (OperatorDef op : g.operators()) {
      List<TensorBuffer> in = new ArrayList<>();
      for (int i : op.inputs()) {
        in.add(t[i]);
      }
      nodes.add(new DelegateNode(op.index(), op, in, List.of(t[op.outputs()[0]])));
    }
    return new Partition(0, nodes, List.of(t[x]), List.of(t[w], t[bias]), List.of(t[z]));
  }
}
