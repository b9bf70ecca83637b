package dev.outbox.app;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real entry point, {@link OutboxCli#execute}, with an environment map and captured
 * output.
 */
final class Cli {

  record Result(int exitCode, String out, String err) {}

  private Cli() {}

  static Result run(Map<String, String> env, String... args) {
    Output out = new Output();
    Output err = new Output();
    int code = OutboxCli.execute(args, env, out.stream, err.stream, new TestStop());
    return new Result(code, out.text(), err.text());
  }

  /** Starts a long-running command (a role) on its own thread; {@link Running#stop} is SIGTERM. */
  static Running start(Map<String, String> env, String... args) {
    return new Running(env, args);
  }

  static final class Running implements AutoCloseable {
    private final Output out = new Output();
    private final Output err = new Output();
    private final TestStop stop = new TestStop();
    private final CompletableFuture<Integer> exit;

    private Running(Map<String, String> env, String[] args) {
      exit =
          CompletableFuture.supplyAsync(
              () -> OutboxCli.execute(args, env, out.stream, err.stream, stop),
              runnable -> new Thread(runnable, "cli-" + args[0]).start());
    }

    String out() {
      return out.text();
    }

    String err() {
      return err.text();
    }

    boolean exited() {
      return exit.isDone();
    }

    /** Requests the stop and waits for the exit code, as SIGTERM and the process exit would. */
    int stop(Duration timeout) throws Exception {
      stop.requested.countDown();
      int code = exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!stop.stopped.await(1, TimeUnit.SECONDS)) {
        throw new AssertionError("the command never reported it stopped");
      }
      return code;
    }

    @Override
    public void close() throws Exception {
      if (!exit.isDone()) {
        stop(Duration.ofSeconds(60));
      }
    }
  }

  static final class TestStop implements StopSignal {
    final CountDownLatch requested = new CountDownLatch(1);
    final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public void arm() {}

    @Override
    public void awaitStopRequest() throws InterruptedException {
      requested.await();
    }

    @Override
    public void stopped() {
      stopped.countDown();
    }
  }

  private static final class Output {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    String text() {
      synchronized (bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
      }
    }
  }
}
