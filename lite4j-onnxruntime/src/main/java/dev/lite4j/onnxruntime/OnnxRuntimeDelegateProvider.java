package dev.lite4j.onnxruntime;

import dev.lite4j.delegate.Delegate;
import dev.lite4j.delegate.DelegateProvider;
import java.util.Map;

/** Makes {@link OnnxRuntimeDelegate}s for {@code --delegate=onnxruntime[:key=value,...]}. */
public final class OnnxRuntimeDelegateProvider implements DelegateProvider {
  @Override
  public String name() {
    return OnnxRuntimeDelegate.NAME;
  }

  /** Null when ONNX Runtime's native library loads here; otherwise why it does not. */
  @Override
  public String unavailableReason() {
    try {
      OnnxRuntimeDelegate.environment();
      return null;
    } catch (Throwable t) { // UnsatisfiedLinkError, ExceptionInInitializerError, OrtException...
      return "ONNX Runtime cannot load on this machine (" + System.getProperty("os.name") + " "
          + System.getProperty("os.arch") + "): " + t;
    }
  }

  @Override
  public Delegate create(Map<String, String> options) {
    return new OnnxRuntimeDelegate(options);
  }
}
