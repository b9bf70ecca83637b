package dev.outbox.relay;

import com.zaxxer.hikari.HikariDataSource;
import dev.outbox.config.ConfigException;
import dev.outbox.config.ConfigReader;
import dev.outbox.config.Environment;
import dev.outbox.config.ExitCodes;
import dev.outbox.config.Pools;
import dev.outbox.relay.config.RelayConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stand-alone relay process: reads the environment (see {@link RelayConfig}), opens a small
 * pool, runs a {@link Relay} until SIGTERM, then stops the engine, the AMQP connection and the pool
 * in that order. Logs {@code relay streaming from <lsn>} once it streams. The outbox table and its
 * publication must have been migrated by the application.
 */
public final class RelayMain {

  static {
    // Runs from this module's class path alone, whose only logging configuration is this one.
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "relay-logback.xml");
    }
  }

  private RelayMain() {}

  public static void main(String[] args) throws InterruptedException {
    Logger log = LoggerFactory.getLogger(RelayMain.class);
    RelayConfig config;
    try {
      config = ConfigReader.read(Environment.system(), RelayConfig::read);
    } catch (ConfigException e) {
      log.error("relay configuration invalid: {}", e.getMessage());
      System.exit(ExitCodes.CONFIG);
      return;
    }
    HikariDataSource pool = Pools.create(config.database(), "relay", 4);
    Relay relay = Relay.start(config, pool, new SimpleMeterRegistry());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log.info("relay stopping");
                  relay.close();
                  pool.close();
                  log.info("relay stopped");
                  stopped.countDown();
                },
                "relay-shutdown"));
    stopped.await();
  }
}
