package dev.lite4j.onnxruntime;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtLoggingLevel;
import dev.lite4j.delegate.Capabilities;
import dev.lite4j.delegate.Delegate;
import dev.lite4j.delegate.DelegateKernel;
import dev.lite4j.delegate.DelegateNode;
import dev.lite4j.delegate.DelegateOptions;
import dev.lite4j.delegate.NodeSupport;
import dev.lite4j.delegate.Partition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The ONNX Runtime delegate: every partition becomes an ONNX model run by an ONNX Runtime session
 * with the execution providers in {@link OnnxRuntimeOptions}. Float32 graphs (float16 weights arrive
 * widened to float32); each node's op, version, types, constant weights and options are checked
 * before delegation ({@link #supports}).
 *
 * <pre>
 *   try (Delegate ort = new OnnxRuntimeDelegate();
 *        Interpreter it = new Interpreter(model, new Interpreter.Options().addDelegate(ort))) { ... }
 * </pre>
 */
public final class OnnxRuntimeDelegate implements Delegate {
  public static final String NAME = "onnxruntime";

  private final OnnxRuntimeOptions options;
  private final OrtEnvironment env;
  private final SessionCache cache;
  private final List<StartupTimings> startups = Collections.synchronizedList(new ArrayList<>());

  public OnnxRuntimeDelegate() {
    this(OnnxRuntimeOptions.defaults());
  }

  /** From {@code key=value} options (see {@link OnnxRuntimeOptions}); unknown keys throw. */
  public OnnxRuntimeDelegate(Map<String, String> options) {
    this(OnnxRuntimeOptions.parse(options));
  }

  public OnnxRuntimeDelegate(OnnxRuntimeOptions options) {
    this.options = options;
    this.env = environment();
    Providers.requireAvailable(options.providers());
    this.cache = options.cache() ? new SessionCache(options.cacheDir(), env.getVersion()) : null;
  }

  /** ONNX Runtime's process-wide environment (loads the native library on first use). */
  static OrtEnvironment environment() {
    return OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "lite4j");
  }

  public OnnxRuntimeOptions onnxRuntimeOptions() {
    return options;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public DelegateOptions options() {
    return options.limits();
  }

  /** New shapes rebuild the session; float16 constants are wanted widened, as the CPU path widens them. */
  @Override
  public Capabilities capabilities() {
    return new Capabilities(true, false, true);
  }

  @Override
  public NodeSupport supports(DelegateNode node) {
    return OnnxConverter.supports(node);
  }

  @Override
  public DelegateKernel createKernel(Partition partition) {
    return new OnnxRuntimeKernel(env, options, cache, startups::add);
  }

  /** What each session this delegate made cost, oldest first (conversion, cache, session creation). */
  public List<StartupTimings> startups() {
    synchronized (startups) {
      return List.copyOf(startups);
    }
  }

  @Override
  public String toString() {
    return NAME + " (ONNX Runtime " + env.getVersion() + ", providers " + String.join("+", options.providers()) + ")";
  }
}
