package dev.lite4j.onnxruntime;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.google.protobuf.CodedOutputStream;
import dev.lite4j.Model;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;

/** Manual probe of the start-up phases (not a test): java ... StartupProbe MODEL [rounds]. */
public final class StartupProbe {
  public static void main(String[] args) throws Exception {
    long l0 = System.nanoTime();
    OrtEnvironment env = OnnxRuntimeDelegate.environment();
    System.out.printf("ORT native load %.1f ms%n", (System.nanoTime() - l0) / 1e6);
    Model model = Model.load(Path.of(args[0]));
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    for (int r = 0; r < rounds; r++) {
      try (OnnxRuntimeDelegate d = new OnnxRuntimeDelegate(Map.of("cache", "off"));
           PartitionHarness h = new PartitionHarness(model, d)) {
        var p = h.wholePartition();
        long t0 = System.nanoTime();
        OnnxGraph g = OnnxConverter.convert(p);
        long t1 = System.nanoTime();
        byte[] structure = g.structure().toByteArray();
        long t2 = System.nanoTime();
        var md = SessionCache.sha256();
        md.update(structure);
        g.digestWeights(md);
        long t3 = System.nanoTime();
        var proto = g.build();
        long t4 = System.nanoTime();
        ByteBuffer out = ByteBuffer.allocateDirect(proto.getSerializedSize());
        CodedOutputStream cos = CodedOutputStream.newInstance(out);
        proto.writeTo(cos);
        cos.flush();
        out.flip();
        long t5 = System.nanoTime();
        try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
          so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
          try (OrtSession s = env.createSession(out, so)) {
            long t6 = System.nanoTime();
            System.out.printf("round %d: convert %.1f, structure %.1f, key %.1f, build %.1f, write %.1f, session %.1f ms (%d MB)%n",
                r, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6, (t5 - t4) / 1e6, (t6 - t5) / 1e6,
                out.remaining() >> 20);
          }
        }
      }
    }
  }
}
