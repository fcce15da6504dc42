package dev.lite4j.onnxruntime;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession.SessionOptions;
import ai.onnxruntime.providers.NNAPIFlags;
import ai.onnxruntime.providers.OrtTensorRTProviderOptions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Maps the user's provider names to ONNX Runtime's execution providers and adds them to a session. */
final class Providers {
  private Providers() {}

  static OrtProvider provider(String name) {
    return switch (name) {
      case "cpu" -> OrtProvider.CPU;
      case "cuda" -> OrtProvider.CUDA;
      case "tensorrt" -> OrtProvider.TENSOR_RT;
      case "coreml" -> OrtProvider.CORE_ML;
      case "nnapi" -> OrtProvider.NNAPI;
      case "qnn" -> OrtProvider.QNN;
      case "openvino" -> OrtProvider.OPEN_VINO;
      case "directml" -> OrtProvider.DIRECT_ML;
      default -> throw new IllegalArgumentException("unknown execution provider " + name);
    };
  }

  /** The available providers by the names users write (e.g. "cpu"), or ONNX Runtime's name for the others. */
  static List<String> availableNames() {
    EnumSet<OrtProvider> available = OrtEnvironment.getAvailableProviders();
    List<String> out = new ArrayList<>();
    for (OrtProvider p : available) {
      String mine = null;
      for (String name : OnnxRuntimeOptions.PROVIDER_NAMES) {
        if (provider(name) == p) {
          mine = name;
        }
      }
      out.add(mine != null ? mine : p.getName());
    }
    return out;
  }

  /** Throws naming the provider and what this ONNX Runtime build has when one asked for is missing. */
  static void requireAvailable(List<String> names) {
    EnumSet<OrtProvider> available = OrtEnvironment.getAvailableProviders();
    for (String name : names) {
      if (!available.contains(provider(name))) {
        throw new IllegalArgumentException("ONNX Runtime execution provider '" + name + "' is not available in "
            + "this ONNX Runtime build (" + OrtEnvironment.getEnvironment().getVersion() + "); available: "
            + String.join(", ", availableNames())
            + (name.equals("cuda") || name.equals("tensorrt")
                ? " (CUDA and TensorRT need the onnxruntime_gpu artifact on the class path and a GPU driver)" : ""));
      }
    }
  }

  /** Appends the providers in preference order; the CPU provider is ONNX Runtime's implicit last one. */
  static void add(SessionOptions so, OnnxRuntimeOptions options) throws OrtException {
    for (String name : options.providers()) {
      switch (name) {
        case "cpu" -> { }
        case "cuda" -> so.addCUDA(0);
        case "tensorrt" -> {
          OrtTensorRTProviderOptions trt = new OrtTensorRTProviderOptions(0);
          trt.add("trt_fp16_enable", options.fp16() ? "1" : "0");
          if (options.cache()) {
            // TensorRT builds engines per shape; keep them next to our own cache entries.
            trt.add("trt_engine_cache_enable", "1");
            trt.add("trt_engine_cache_path", options.cacheDir().resolve("tensorrt").toString());
          }
          so.addTensorrt(trt);
        }
        case "coreml" -> {
          Map<String, String> coreml = new HashMap<>();
          coreml.put("ModelFormat", "MLProgram");
          coreml.put("AllowLowPrecisionAccumulationOnGPU", options.fp16() ? "1" : "0");
          so.addCoreML(coreml);
        }
        case "nnapi" -> so.addNnapi(options.fp16() ? EnumSet.of(NNAPIFlags.USE_FP16) : EnumSet.noneOf(NNAPIFlags.class));
        case "qnn" -> {
          Map<String, String> qnn = new HashMap<>();
          qnn.put("backend_type", "htp");
          // The HTP runs float graphs in float16 only: that is what fp16=on allows.
          qnn.put("enable_htp_fp16_precision", options.fp16() ? "1" : "0");
          so.addQnn(qnn);
        }
        case "openvino" -> so.addOpenVINO(options.fp16() ? "GPU_FP16" : "");
        case "directml" -> so.addDirectML(0);
        default -> throw new IllegalArgumentException("unknown execution provider " + name);
      }
    }
  }
}
