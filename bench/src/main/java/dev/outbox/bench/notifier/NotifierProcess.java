package dev.outbox.bench.notifier;

import dev.outbox.bench.BenchConfig;
import dev.outbox.bench.BenchDatabase;
import dev.outbox.bench.contestant.ChildJvm;
import dev.outbox.bench.contestant.JavaOpts;
import dev.outbox.bench.contestant.OutboxJar;
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
 * The measured notifier as the README runs it, {@code java -jar outbox.jar notifier} in a child JVM
 * (JVM defaults, as docker/compose.yaml runs it, unless BENCH_NOTIFIER_JAVA_OPTS says otherwise),
 * configured by its environment only: the log adapters, the bench database, its own exchange and
 * queues, the consumer settings the harness watches, no metrics endpoint, every other variable at
 * its default unless the harness's environment sets it. Its per-message log lines go to {@link
 * #messagesLog()} (see notifier-logback.xml), the rest to {@code notifier.log}.
 */
final class NotifierProcess {

  private static final String LOGBACK = "notifier-logback.xml";

  /** The notifier signs verification links; nobody follows them here. 32+ characters. */
  private static final String SECRET = "bench-only-secret-nobody-follows-these-links";

  private final BenchConfig config;
  private final OutboxJar jar;
  private final Map<String, String> env;
  private final Path runDir;

  NotifierProcess(BenchConfig config, BenchDatabase db, NotifierQueues queues, Path runDir) {
    this.config = config;
    this.jar = new OutboxJar(config.launch());
    this.runDir = runDir;
    // The database user and password and EVENT_BUS_URL are the harness's own: inherited.
    this.env = new HashMap<>(config.notifier().consumer().environment());
    env.put("DATABASE_URL", db.jdbcUrl());
    env.put("CDC_PUBLICATION", db.publication());
    env.put("EVENT_BUS_EXCHANGE", queues.exchange());
    env.put("NOTIFIER_QUEUE", queues.notifications());
    env.put("NOTIFIER_ANALYTICS_QUEUE", queues.analytics());
    // NotifierQueues declares the work queues before launch, without arguments (classic), so that
    // the backlog waits in them; the figures in BENCHMARKS.md were measured on classic queues.
    env.put("NOTIFIER_QUEUE_TYPE", "classic");
    env.put("EMAIL_ADAPTER", "log");
    env.put("SMS_ADAPTER", "log");
    env.put("EMAIL_VERIFICATION_SECRET", SECRET);
    env.put("METRICS_PORT", "0");
  }

  Path messagesLog() {
    return runDir.resolve("messages.log");
  }

  /**
   * {@code outbox.jar migrate} on the run's database: the notifier's tables exist before launch.
   */
  void migrate() throws IOException, InterruptedException {
    jar.migrate(env, runDir, runDir.resolve("migrate.log"));
  }

  ChildJvm launch() throws IOException {
    Files.createDirectories(runDir);
    Path logback = runDir.resolve(LOGBACK);
    try (InputStream in = NotifierProcess.class.getResourceAsStream(LOGBACK)) {
      if (in == null) {
        throw new IllegalStateException(LOGBACK + " is missing from the harness's classpath");
      }
      Files.copy(in, logback, StandardCopyOption.REPLACE_EXISTING);
    }
    List<String> options = new ArrayList<>(JavaOpts.split(config.notifier().javaOpts()));
    options.add("-Dlogback.configurationFile=" + logback);
    options.add("-Dbench.notifier.messages=" + messagesLog());
    return ChildJvm.launch(
        jar.commandLine(options, "notifier"), env, runDir, runDir.resolve("notifier.log"));
  }
}
