package dev.outbox.relay.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.debezium.engine.DebeziumEngine;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EngineThreadTest {

  /**
   * An engine that stopped by itself (a failure after a database restart) answers close() as
   * AsyncEmbeddedEngine does, "Engine has been already shut down." Closing it must not be taken for
   * an engine still starting and retried for a minute (RELIABILITY.md, finding 3).
   */
  @Test
  void an_engine_that_stopped_by_itself_is_not_closed_again() {
    StoppedByItself engine = new StoppedByItself();
    EngineThread thread = new EngineThread(engine, "engine-thread-test");
    thread.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> engine.ran.getCount() == 0);

    thread.close();

    assertThat(engine.closeCalls).hasValueLessThanOrEqualTo(1);
  }

  /** An engine whose tasks are still starting refuses close(); it is asked again until it stops. */
  @Test
  void an_engine_whose_tasks_are_starting_is_closed_once_they_run() {
    StartingForAWhile engine = new StartingForAWhile(3);
    EngineThread thread = new EngineThread(engine, "engine-thread-test");
    thread.start();

    thread.close();

    assertThat(engine.closeCalls).hasValue(4);
    assertThat(engine.stopped.getCount()).isZero();
  }

  private static final class StoppedByItself implements DebeziumEngine<Object> {
    final CountDownLatch ran = new CountDownLatch(1);
    final AtomicInteger closeCalls = new AtomicInteger();

    @Override
    public void run() {
      ran.countDown(); // failed and shut down, as the engine's run() does after a failure
    }

    @Override
    public void close() {
      closeCalls.incrementAndGet();
      throw new IllegalStateException("Engine has been already shut down.");
    }
  }

  private static final class StartingForAWhile implements DebeziumEngine<Object> {
    final AtomicInteger closeCalls = new AtomicInteger();
    final CountDownLatch stopped = new CountDownLatch(1);
    private final int refusals;

    StartingForAWhile(int refusals) {
      this.refusals = refusals;
    }

    @Override
    public void run() {
      try {
        stopped.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void close() {
      if (closeCalls.incrementAndGet() <= refusals) {
        throw new IllegalStateException(
            "Cannot stop engine while tasks are starting, this may lead to leaked resource.");
      }
      stopped.countDown();
    }
  }
}
