package dev.outbox.relay.support;

import com.zaxxer.hikari.HikariDataSource;
import dev.outbox.config.ConfigException;
import dev.outbox.config.ConfigReader;
import dev.outbox.config.Environment;
import dev.outbox.config.ExitCodes;
import dev.outbox.config.Pools;
import dev.outbox.relay.Relay;
import dev.outbox.relay.config.RelayConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay alone in a JVM of its own, for tests that kill it ({@link ChildRelay}): reads the
 * process environment, opens the relay's pool and runs {@link Relay#start} until SIGTERM, then
 * closes the relay and the pool, as {@code outbox relay} does. Test code only: the distribution's
 * relay process is the CLI's.
 */
public final class RelayProcess {

  private RelayProcess() {}

  public static void main(String[] args) throws InterruptedException {
    Logger log = LoggerFactory.getLogger(RelayProcess.class);
    RelayConfig config;
    try {
      config = ConfigReader.read(Environment.system(), RelayConfig::read);
    } catch (ConfigException e) {
      log.error("relay configuration invalid: {}", e.getMessage());
      System.exit(ExitCodes.CONFIG);
      return;
    }
    HikariDataSource pool = Pools.create(config.database(), "relay", Relay.POOL_SIZE);
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
