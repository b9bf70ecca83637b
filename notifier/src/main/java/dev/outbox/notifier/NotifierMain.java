package dev.outbox.notifier;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.outbox.notifier.config.NotifierConfig;
import io.micrometer.core.instrument.logging.LoggingMeterRegistry;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the notifier alone: configuration from the environment, its own connection pool, a shutdown
 * hook that stops consuming, lets messages in work settle, closes AMQP, then the pool.
 */
public final class NotifierMain {

  private static final Logger log = LoggerFactory.getLogger(NotifierMain.class);

  private NotifierMain() {}

  public static void main(String[] args) throws Exception {
    NotifierConfig config;
    try {
      config = NotifierConfig.fromEnv(System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("notifier: " + e.getMessage());
      System.exit(2);
      return;
    }
    log.info("Starting with {}", config);
    HikariDataSource pool = pool(config);
    LoggingMeterRegistry meters = new LoggingMeterRegistry();
    Notifier notifier = new Notifier(config, pool, meters);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  notifier.close();
                  meters.close();
                  pool.close();
                  stopped.countDown();
                },
                "notifier-shutdown"));
    notifier.start();
    stopped.await();
  }

  private static HikariDataSource pool(NotifierConfig config) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("notifier");
    hikari.setJdbcUrl(config.databaseUrl());
    hikari.setUsername(config.databaseUser());
    hikari.setPassword(config.databasePassword());
    // One connection per consumer channel plus headroom for claims and outcomes in parallel.
    hikari.setMaximumPoolSize(config.consumer().concurrency() * 2 + 2);
    return new HikariDataSource(hikari);
  }
}
