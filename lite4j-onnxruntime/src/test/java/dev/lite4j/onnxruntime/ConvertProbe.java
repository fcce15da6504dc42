package dev.lite4j.onnxruntime;

import com.google.protobuf.CodedOutputStream;
import dev.lite4j.Model;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;

/** Conversion phases of a whole model (not a test). */
public final class ConvertProbe {
  public static void main(String[] args) throws Exception {
    Model model = Model.load(Path.of(args[0]));
    try (OnnxRuntimeDelegate d = new OnnxRuntimeDelegate(Map.of("cache", "off"));
         PartitionHarness h = new PartitionHarness(model, d)) {
      var p = h.wholePartition();
      for (int r = 0; r < 5; r++) {
        long t0 = System.nanoTime();
        OnnxGraph g = OnnxConverter.convert(p);
        long t1 = System.nanoTime();
        var proto = g.build();
        long t2 = System.nanoTime();
        ByteBuffer out = ByteBuffer.allocateDirect(proto.getSerializedSize());
        long t3 = System.nanoTime();
        CodedOutputStream cos = CodedOutputStream.newInstance(out);
        proto.writeTo(cos);
        cos.flush();
        long t4 = System.nanoTime();
        System.out.printf("convert %.1f, build %.1f, allocate %.1f, write %.1f ms%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6,
            (t3 - t2) / 1e6, (t4 - t3) / 1e6);
      }
    }
  }
}
