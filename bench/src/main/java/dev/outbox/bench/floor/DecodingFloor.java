package dev.outbox.bench.floor;

import dev.outbox.bench.BenchConfig;
import dev.outbox.bench.BenchDatabase;
import dev.outbox.bench.load.Clocks;
import dev.outbox.bench.load.OutboxLoad;
import dev.outbox.bench.measure.BenchPayload;
import dev.outbox.bench.measure.Histograms;
import dev.outbox.bench.report.Results;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.HdrHistogram.Histogram;
import org.postgresql.PGConnection;
import org.postgresql.PGProperty;
import org.postgresql.replication.PGReplicationStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The logical decoding floor: commit to the moment a bare pgoutput replication client (pgjdbc, no
 * Debezium, no broker) holds the insert, at every rate the contestants get, inserted by the same
 * pgbench load. No relay can beat this figure; the report shows it next to each rate's p99.
 */
public final class DecodingFloor {

  private static final Logger log = LoggerFactory.getLogger(DecodingFloor.class);

  private DecodingFloor() {}

  public static void run(BenchConfig config, Results results, int rep) throws Exception {
    try (BenchDatabase db = BenchDatabase.create(config, "bench_decoding_" + rep);
        Connection replication = replicationConnection(config, db)) {
      PGConnection pg = replication.unwrap(PGConnection.class);
      pg.getReplicationAPI()
          .createReplicationSlot()
          .logical()
          .withSlotName(db.slot())
          .withOutputPlugin("pgoutput")
          .make();
      List<Integer> rates = config.workload().rates();
      // step i + 1 carries rate i; step 0 is the wake-up row
      var latencies = new ConcurrentHashMap<Integer, Histogram>();
      var done = new AtomicBoolean();
      try (PGReplicationStream stream =
          pg.getReplicationAPI()
              .replicationStream()
              .logical()
              .withSlotName(db.slot())
              .withSlotOption("proto_version", 1)
              .withSlotOption("publication_names", db.publication())
              .withStatusInterval(1, TimeUnit.SECONDS)
              .start()) {
        var reader = new Thread(() -> read(stream, latencies, done), "decoding-floor");
        reader.start();
        for (int i = 0; i < rates.size(); i++) {
          int rate = rates.get(i);
          int clients = config.workload().pacedClientsAt(rate);
          long events = OutboxLoad.rowsFor((long) rate * config.floorSeconds(), clients);
          OutboxLoad.run(config.workload().pgbench(), db, i + 1, events, rate, clients);
        }
        done.set(true);
        // the reader blocks in read(): one more transaction wakes it up to see the flag
        try (Connection c = db.connect()) {
          OutboxLoad.insertOne(c, 0, 0);
        }
        reader.join(5000);
      }
      for (int i = 0; i < rates.size(); i++) {
        Histogram latency = latencies.getOrDefault(i + 1, Histograms.create());
        results.floors.add(
            new Results.FloorRun(
                "PostgreSQL logical decoding (pgoutput client)",
                "commit → client at " + rates.get(i) + "/s",
                rep,
                latency.getTotalCount() / (double) config.floorSeconds(),
                latency));
        log.info(
            "decoding floor rep {} at {}/s: p50 {} ms, p99 {} ms",
            rep,
            rates.get(i),
            latency.getValueAtPercentile(50) / 1000.0,
            latency.getValueAtPercentile(99) / 1000.0);
      }
    }
  }

  private static void read(
      PGReplicationStream stream, Map<Integer, Histogram> latencies, AtomicBoolean done) {
    try {
      while (!done.get()) {
        ByteBuffer message = stream.read();
        long receivedUs = Clocks.nowMicros();
        byte[] bytes = new byte[message.remaining()];
        message.get(bytes);
        BenchPayload payload =
            bytes.length > 0 && bytes[0] == 'I' ? BenchPayload.parse(bytes) : null;
        if (payload != null) {
          latencies
              .computeIfAbsent(payload.step(), step -> Histograms.create())
              .recordValue(Histograms.clamp(receivedUs - payload.commitMicros()));
        }
        stream.setAppliedLSN(stream.getLastReceiveLSN());
        stream.setFlushedLSN(stream.getLastReceiveLSN());
      }
    } catch (Exception e) {
      log.warn("decoding floor reader stopped", e);
    }
  }

  private static Connection replicationConnection(BenchConfig config, BenchDatabase db)
      throws java.sql.SQLException {
    var props = new Properties();
    PGProperty.USER.set(props, config.dbUser());
    PGProperty.PASSWORD.set(props, config.dbPassword());
    PGProperty.ASSUME_MIN_SERVER_VERSION.set(props, "10");
    PGProperty.REPLICATION.set(props, "database");
    PGProperty.PREFER_QUERY_MODE.set(props, "simple");
    return DriverManager.getConnection(db.jdbcUrl(), props);
  }
}
