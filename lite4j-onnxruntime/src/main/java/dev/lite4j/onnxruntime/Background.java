package dev.lite4j.onnxruntime;

import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The daemon threads that make sessions and write cache entries. Threads are reused (idle ones end
 * after 30 s): a fresh thread per session would also give ONNX Runtime's allocations a fresh malloc
 * arena each time, and resident memory creeps up over thousands of interpreters.
 */
final class Background {
  private static final AtomicInteger COUNT = new AtomicInteger();
  private static final ThreadPoolExecutor POOL = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
      new SynchronousQueue<>(), new Named());

  private Background() {}

  static void run(Runnable task) {
    POOL.execute(task);
  }

  private static final class Named implements ThreadFactory {
    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "lite4j-onnxruntime-" + COUNT.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }
}
