package dev.outbox.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The artifact itself: {@code java -jar app/target/outbox.jar all} as a child process (the shaded
 * jar's merged service files are what Flyway, Hibernate and Debezium load their parts through),
 * stopped by a real SIGTERM, which must close every role and connection before the JVM exits.
 */
class ShadedJarStopsOnSigtermIT {

  @Test
  void the_jar_runs_all_and_stops_cleanly_on_sigterm() throws Exception {
    Path jar = Repository.root().resolve("app/target/outbox.jar");
    assertThat(jar).as("built by the package phase before the ITs").exists();
    try (TestEnv test = new TestEnv("app_jar")) {
      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      ProcessBuilder builder =
          new ProcessBuilder(java.toString(), "-jar", jar.toString(), "all")
              .redirectErrorStream(true);
      builder.environment().putAll(test.env());
      builder.environment().remove("EMAIL_VERIFICATION_SECRET");
      Process process = builder.start();
      StringBuffer output = new StringBuffer();
      Thread reader = new Thread(() -> copy(process, output), "jar-output");
      reader.start();
      try {
        await()
            .atMost(Duration.ofSeconds(120))
            .until(() -> output.toString().contains("outbox all running") || !process.isAlive());
        assertThat(output.toString()).contains("outbox all running");

        // SIGTERM; Process.destroy() would also close our end of its output
        assertThat(process.toHandle().destroy()).isTrue();

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        reader.join(5_000);
        assertThat(process.exitValue()).as(output.toString()).isEqualTo(143);
        assertThat(output.toString())
            .contains("EMAIL_VERIFICATION_SECRET is not set: generated one for this run")
            .contains("relay streaming from")
            .containsSubsequence(
                "outbox all stopping",
                "api stopped",
                "relay stopped",
                "notifier stopped",
                "database pool outbox stopped",
                "outbox all stopped cleanly");
      } finally {
        process.destroyForcibly();
      }
    }
  }

  private static void copy(Process process, StringBuffer output) {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        output.append(line).append('\n');
      }
    } catch (java.io.IOException e) {
      output.append("(output closed: ").append(e.getMessage()).append(")\n");
    }
  }
}
