package dev.outbox.bench.floor;

import dev.outbox.bench.BenchConfig;
import dev.outbox.bench.BenchDatabase;
import dev.outbox.bench.load.OutboxLoad;
import dev.outbox.bench.report.Results;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL's own rate of the load every contestant sees: single-row outbox inserts, one
 * transaction each, by pgbench from 1, 4 and 16 clients, with no slot reading the table.
 */
public final class InsertFloor {

  private static final Logger log = LoggerFactory.getLogger(InsertFloor.class);

  private InsertFloor() {}

  public static void run(BenchConfig config, Results results, int rep) throws Exception {
    try (BenchDatabase db = BenchDatabase.create(config, "bench_floor_" + rep)) {
      for (int clients : config.floorClients()) {
        OutboxLoad.Result load =
            OutboxLoad.runFor(config.workload().pgbench(), db, clients, config.floorSeconds());
        results.floors.add(
            new Results.FloorRun(
                "PostgreSQL single-row outbox inserts",
                clients + " clients",
                rep,
                load.ratePerSecond(),
                null));
        log.info(
            "insert floor rep {}, {} clients: {} rows/s",
            rep,
            clients,
            Math.round(load.ratePerSecond()));
      }
    }
  }
}
