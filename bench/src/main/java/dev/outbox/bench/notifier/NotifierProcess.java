package dev.outbox.bench.notifier;

import dev.outbox.bench.BenchConfig;
import dev.outbox.bench.BenchDatabase;
import dev.outbox.bench.contestant.ChildJvm;
import dev.outbox.bench.contestant.JavaOpts;
import dev.outbox.notifier.config.NotifierConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The measured notifier: {@code dev.outbox.notifier.NotifierMain} in a child JVM (JVM defaults, as
 * docker/compose.yaml runs it, unless BENCH_NOTIFIER_JAVA_OPTS says otherwise) on the notifier
 * module's runtime classpath, configured by its environment only: the log adapters, the bench
 * database, its own exchange and queues, every other variable at its default unless the harness's
 * environment sets it. Its per-message log lines go to {@link #messagesLog()} (see
 * notifier-logback.xml), the rest to {@code notifier.log}.
 */
final class NotifierProcess {

  private static final String LOGBACK = "notifier-logback.xml";

  private final BenchConfig config;
  private final Map<String, String> env;
  private final Path runDir;

  NotifierProcess(BenchConfig config, BenchDatabase db, String exchange, Path runDir) {
    this.config = config;
    this.runDir = runDir;
    this.env = new HashMap<>();
    env.put("DATABASE_URL", db.jdbcUrl());
    env.put("DATABASE_USER", config.dbUser());
    env.put("DATABASE_PASSWORD", config.dbPassword());
    env.put("EVENT_BUS_URL", config.amqpUri());
    env.put("EVENT_BUS_EXCHANGE", exchange);
    env.put("NOTIFIER_QUEUE", exchange + ".notifications");
    env.put("NOTIFIER_ANALYTICS_QUEUE", exchange + ".analytics");
    env.put("EMAIL_ADAPTER", "log");
    env.put("SMS_ADAPTER", "log");
    env.put("EMAIL_VERIFICATION_SECRET", "bench-only-secret");
  }

  /** The configuration the child will read: the harness's environment plus the above. */
  NotifierConfig notifierConfig() {
    Map<String, String> merged = new HashMap<>(System.getenv());
    merged.putAll(env);
    return NotifierConfig.fromEnv(merged);
  }

  Path messagesLog() {
    return runDir.resolve("messages.log");
  }

  ChildJvm launch() throws IOException {
    if (config.notifierClasspath().isBlank()) {
      throw new IllegalStateException(
          "BENCH_NOTIFIER_CLASSPATH is not set (scripts/bench sets it to the notifier's classpath)");
    }
    Files.createDirectories(runDir);
    Path logback = runDir.resolve(LOGBACK);
    try (InputStream in = NotifierProcess.class.getResourceAsStream(LOGBACK)) {
      if (in == null) {
        throw new IllegalStateException(LOGBACK + " is missing from the harness's classpath");
      }
      Files.copy(in, logback, StandardCopyOption.REPLACE_EXISTING);
    }
    List<String> command = new ArrayList<>(List.of(config.javaBin()));
    command.addAll(JavaOpts.split(config.notifierJavaOpts()));
    command.addAll(
        List.of(
            "-Dlogback.configurationFile=" + logback,
            "-Dbench.notifier.messages=" + messagesLog(),
            "-cp",
            config.notifierClasspath(),
            "dev.outbox.notifier.NotifierMain"));
    return ChildJvm.launch(command, env, runDir, runDir.resolve("notifier.log"));
  }
}
