package dev.outbox.relay.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@link RelayProcess} in a child JVM, so a test can kill it without any shutdown hook running. */
public final class ChildRelay implements AutoCloseable {

  private final Process process;
  private final CountDownLatch streaming = new CountDownLatch(1);

  private ChildRelay(Process process, String name) {
    this.process = process;
    Thread pump =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                  System.out.println("[" + name + "] " + line);
                  if (line.contains("relay streaming from")) {
                    streaming.countDown();
                  }
                }
              } catch (IOException e) {
                // the child died: its output ends here
              }
            },
            name + "-output");
    pump.setDaemon(true);
    pump.start();
  }

  /** Starts {@link RelayProcess} with this JVM's class path and {@code env}. */
  public static ChildRelay start(String name, Map<String, String> env) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(java, "-Xmx256m", "-cp", classPath(), RelayProcess.class.getName()))
            .redirectErrorStream(true);
    builder.environment().putAll(env);
    return new ChildRelay(builder.start(), name);
  }

  // Under exec:java the JVM's class path is Maven's launcher; the test classes and dependencies
  // are on the plugin's class loader instead.
  private static String classPath() {
    if (Thread.currentThread().getContextClassLoader() instanceof java.net.URLClassLoader loader
        && loader.getURLs().length > 0) {
      StringBuilder path = new StringBuilder();
      for (java.net.URL url : loader.getURLs()) {
        if (path.length() > 0) {
          path.append(java.io.File.pathSeparatorChar);
        }
        path.append(new java.io.File(java.net.URI.create(url.toString())).getPath());
      }
      return path.toString();
    }
    return System.getProperty("java.class.path");
  }

  public boolean awaitStreaming(long seconds) throws InterruptedException {
    return streaming.await(seconds, TimeUnit.SECONDS);
  }

  /** CPU time the child process used so far. */
  public Duration cpu() {
    return process.info().totalCpuDuration().orElse(Duration.ZERO);
  }

  /** SIGKILL: no shutdown hook, no offset flush, connections dropped by the kernel. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM and wait; returns the exit code. */
  public int terminate() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
