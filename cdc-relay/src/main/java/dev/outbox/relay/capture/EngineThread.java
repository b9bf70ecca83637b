package dev.outbox.relay.capture;

import io.debezium.engine.DebeziumEngine;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One Debezium engine on a thread of its own: started once, closed once. */
final class EngineThread {

  private static final Logger log = LoggerFactory.getLogger(EngineThread.class);

  private final DebeziumEngine<?> engine;
  private final ExecutorService executor;
  private Future<?> run;

  EngineThread(DebeziumEngine<?> engine, String threadName) {
    this.engine = engine;
    this.executor = Executors.newSingleThreadExecutor(r -> new Thread(r, threadName));
  }

  /** Runs the engine; returns at once. */
  synchronized void start() {
    run = executor.submit(engine);
  }

  /** Closes the engine (which commits the acknowledged offsets) and waits for its thread to end. */
  void close() {
    closeEngine();
    executor.shutdown();
    try {
      if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  // The 3.6.1 engine (AsyncEmbeddedEngine) refuses close() while its tasks are still starting
  // ("Cannot stop engine while tasks are starting, this may lead to leaked resource"; Debezium's
  // own tests wait for streaming before they stop for the same reason: DBZ-8100, debezium/debezium
  // PR #5720). A start takes seconds at most, so wait for it rather than leak the slot. It refuses
  // with the same exception an engine that is stopping or has stopped by itself (after a failure,
  // e.g. a database restart): that one needs no close, only its thread's end, and waiting for it
  // to "finish starting" kept a relay from standing by for a minute (RELIABILITY.md, finding 3).
  private void closeEngine() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!hasEnded()) {
      try {
        engine.close();
        return;
      } catch (IllegalStateException e) {
        if (System.nanoTime() > deadline) {
          log.warn("the Debezium engine did not finish starting; abandoning it", e);
          return;
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
      } catch (IOException e) {
        log.warn("closing the Debezium engine failed", e);
        return;
      }
    }
  }

  private synchronized boolean hasEnded() {
    return run == null || run.isDone();
  }
}
