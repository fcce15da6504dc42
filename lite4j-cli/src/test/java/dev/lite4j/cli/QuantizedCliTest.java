package dev.lite4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lite4j.DataType;
import dev.lite4j.builder.ModelBuilder;
import dev.lite4j.io.Json;
import dev.lite4j.io.Npy;
import dev.lite4j.testutil.SharedData;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.lite.schema.BuiltinOperator;

/** The command line on quantized models: inspect's quantization listing and classify on integer inputs. */
class QuantizedCliTest {
  @TempDir
  Path tmp;

  private static CliTest.Result lite4j(String... args) {
    return CliTest.lite4j(args);
  }

  @Test
  void inspectListsEveryTensorsQuantization() {
    String model = SharedData.model("person_detect.tflite").toString();
    CliTest.Result r = lite4j("inspect", model, "--tensors");
    assertEquals(0, r.code(), r.err());
    // Per tensor: scale and zero point; per channel: the dimension, the count and each channel's values.
    assertTrue(r.out().contains("\n  88 input  int8[1, 96, 96, 1]  scale=0.007843138 zero_point=-1\n"), r.out());
    assertTrue(r.out().contains("\n  0 MobilenetV1/Conv2d_0/weights/read  int8[1, 3, 3, 8] constant  per-channel dim=3 (8): "
        + "scales=[0.016358856, 0.026610553, 0.0030382155, 0.003262511, 0.011536278, 0.037382204, 0.018140187, "
        + "0.001086222] zero_points=[0, 0, 0, 0, 0, 0, 0, 0]\n"), r.out());
    assertTrue(r.out().contains("int8[128, 1, 1, 128] constant  per-channel dim=0 (128): scales=[0.002631601, "), r.out());

    CliTest.Result json = lite4j("inspect", model, "--tensors", "--json");
    assertEquals(0, json.code(), json.err());
    List<Object> all = Json.list(Json.parseObject(json.out()), "all_tensors");
    assertEquals(89, all.size());
    Map<String, Object> pointwise = Json.object(all.get(2), "tensor 2");
    assertEquals(0L, pointwise.get("quantized_dimension"));
    assertEquals(128, ((List<?>) pointwise.get("scales")).size(), "JSON lists every channel");
  }

  /**
   * person_detect (int8, grayscale 96x96, TensorFlow Lite Micro's model, which TensorFlow Lite 2.6.2 refuses
   * to load) tells the person from the empty scene.
   */
  @Test
  void personDetectScoresPersonAndNoPerson() {
    String model = SharedData.model("person_detect.tflite").toString();
    String labels = SharedData.model("person_detect_labels.txt").toString();
    assertEquals("person", topLabel(lite4j("classify", model, SharedData.image("person.bmp").toString(),
        "--labels", labels, "--top", "2")));
    assertEquals("notperson", topLabel(lite4j("classify", model, SharedData.image("no_person.bmp").toString(),
        "--labels", labels, "--top", "2")));
  }

  private static String topLabel(CliTest.Result r) {
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("input: int8[1, 96, 96, 1]"), r.out());
    Matcher m = Pattern.compile("\n1\tindex=\\d+\tscore=([0-9.]+)\t(\\S+)").matcher(r.out());
    assertTrue(m.find(), r.out());
    assertTrue(Double.parseDouble(m.group(1)) > 0.5, "the winner scores above one half: " + r.out());
    return m.group(2);
  }

  /** {@code run} reads and writes .npy arrays of every integer type (each input passes through a RESHAPE). */
  @Test
  void runReadsAndWritesEveryIntegerType() throws Exception {
    DataType[] types = {DataType.INT8, DataType.UINT8, DataType.INT16, DataType.INT32, DataType.INT64, DataType.BOOL};
    ModelBuilder b = new ModelBuilder();
    int shape = b.addConstantInts("shape", new int[] {1}, 3);
    for (DataType type : types) {
      int in = b.addInput("in_" + type, type, 1, 3);
      int out = b.addTensor("out_" + type, type, 3);
      b.addOperator(BuiltinOperator.RESHAPE, new int[] {in, shape}, new int[] {out});
      b.addOutput(out);
    }
    Path model = Files.write(tmp.resolve("types.tflite"), b.build());
    List<String> args = new java.util.ArrayList<>(List.of("run", model.toString(), "--output-dir",
        tmp.resolve("out").toString()));
    Npy[] given = new Npy[types.length];
    for (int i = 0; i < types.length; i++) {
      given[i] = sample(types[i]);
      Path f = tmp.resolve("in_" + i + ".npy");
      given[i].write(f);
      args.add("--input");
      args.add(i + "=" + f);
    }
    CliTest.Result r = lite4j(args.toArray(String[]::new));
    assertEquals(0, r.code(), r.err());
    for (int i = 0; i < types.length; i++) {
      Npy out = Npy.read(tmp.resolve("out").resolve("output_" + i + ".npy"));
      assertEquals(given[i].dtype(), out.dtype(), types[i].toString());
      assertEquals(given[i].data(), out.data(), types[i] + " values");
    }
    assertTrue(r.out().contains("values: -128 127 5"), "int8 printed as signed: " + r.out());
    assertTrue(r.out().contains("values: 0 255 5"), "uint8 printed as unsigned: " + r.out());
    assertTrue(r.out().contains("values: -32768 32767 5"), r.out());
  }

  /** Three values of {@code type} [1, 3] at both ends of its range, little-endian. */
  private static Npy sample(DataType type) {
    ByteBuffer b = ByteBuffer.allocate(3 * type.byteSize()).order(ByteOrder.LITTLE_ENDIAN);
    switch (type) {
      case INT8 -> b.put((byte) -128).put((byte) 127).put((byte) 5);
      case UINT8 -> b.put((byte) 0).put((byte) 255).put((byte) 5);
      case INT16 -> b.putShort(Short.MIN_VALUE).putShort(Short.MAX_VALUE).putShort((short) 5);
      case INT32 -> b.putInt(Integer.MIN_VALUE).putInt(Integer.MAX_VALUE).putInt(5);
      case INT64 -> b.putLong(Long.MIN_VALUE).putLong(Long.MAX_VALUE).putLong(5);
      default -> b.put((byte) 1).put((byte) 0).put((byte) 1);
    }
    return new Npy(Npy.dtypeOf(type), new int[] {1, 3}, b.flip());
  }
}
