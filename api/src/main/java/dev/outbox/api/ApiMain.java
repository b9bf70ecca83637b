package dev.outbox.api;

import com.zaxxer.hikari.HikariDataSource;
import dev.outbox.api.config.ApiConfig;
import dev.outbox.core.config.DataSources;
import dev.outbox.core.config.Migrations;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the api role alone: configuration from the environment, the pool, migrations, then the
 * server. On SIGTERM the server finishes requests in flight before the pool closes.
 */
public final class ApiMain {

  private static final Logger log = LoggerFactory.getLogger(ApiMain.class);
  private static final int POOL_SIZE = 10;

  private ApiMain() {}

  public static void main(String[] args) {
    ApiConfig config;
    try {
      config = ApiConfig.fromEnv(System.getenv());
    } catch (IllegalArgumentException | NullPointerException e) {
      System.err.println("outbox api: " + e.getMessage());
      System.exit(2);
      return;
    }
    log.info("Starting api with {}", config);
    HikariDataSource pool = DataSources.pool(config.database(), "api", POOL_SIZE);
    Api api;
    try {
      Migrations.migrate(pool, config.database().publication());
      api = Api.start(config, pool, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log.info("Stopping api");
                  try {
                    api.close();
                  } finally {
                    pool.close();
                  }
                },
                "api-shutdown"));
    log.info("api listening on port {}", api.port());
  }
}
