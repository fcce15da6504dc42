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
    Warmup.start(env);
  }

  private static volatile OrtEnvironment environment;
  private static volatile double loadMs = -1;

  /**
   * ONNX Runtime's process-wide environment. The first call loads the native library, from the
   * unpacked copy in the user's cache folder ({@link NativeLibraries}) when it can.
   */
  static OrtEnvironment environment() {
    OrtEnvironment env = environment;
    if (env == null) {
      synchronized (OnnxRuntimeDelegate.class) {
        env = environment;
        if (env == null) {
          long t0 = System.nanoTime();
          NativeLibraries.useCachedCopy(OnnxRuntimeOptions.defaultCacheDir());
          env = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "lite4j");
          loadMs = (System.nanoTime() - t0) / 1e6;
          environment = env;
        }
      }
    }
    return env;
  }

  /**
   * What loading ONNX Runtime cost this process (native library and environment), in ms, once per
   * process and not part of any interpreter's start-up; -1 before the first delegate.
   */
  public static double nativeLoadMs() {
    return loadMs;
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
    return new OnnxRuntimeKernel(env, options, cache, this);
  }

  /** Cache entries being written (on {@link Background} threads), so that {@link #awaitCacheWrites} can wait for them. */
  private final List<java.util.concurrent.CompletableFuture<Void>> writes = new ArrayList<>();

  void recordStartup(StartupTimings t) {
    startups.add(t);
  }

  void writeInBackground(Runnable write) {
    java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
    synchronized (writes) {
      writes.removeIf(java.util.concurrent.CompletableFuture::isDone);
      writes.add(done);
    }
    Background.run(() -> {
      try {
        write.run();
      } finally {
        done.complete(null);
      }
    });
  }

  /**
   * Waits until the cache entries this delegate started writing are on disk. Entries are written in
   * the background after a cold start (the session in use does not wait for them); a process that
   * wants the next start to be warm, or a benchmark of warm starts, calls this first.
   */
  public void awaitCacheWrites() {
    List<java.util.concurrent.CompletableFuture<Void>> pending;
    synchronized (writes) {
      pending = List.copyOf(writes);
    }
    pending.forEach(java.util.concurrent.CompletableFuture::join);
  }

  /** What each session this delegate made cost, oldest first (conversion, cache, session creation). */
  public List<StartupTimings> startups() {
    synchronized (startups) {
      return List.copyOf(startups);
    }
  }

  /** Lets cache entries still being written finish (so the next process starts warm). */
  @Override
  public void close() {
    awaitCacheWrites();
  }

  @Override
  public String toString() {
    return NAME + " (ONNX Runtime " + env.getVersion() + ", providers " + String.join("+", options.providers()) + ")";
  }
}
