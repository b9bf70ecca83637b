package dev.outbox.bench;

import com.rabbitmq.client.Connection;
import dev.outbox.bench.contestant.Contestant;
import dev.outbox.bench.contestant.ContestantRun;
import dev.outbox.bench.contestant.DebeziumServerContestant;
import dev.outbox.bench.contestant.PollerContestant;
import dev.outbox.bench.contestant.RelayContestant;
import dev.outbox.bench.floor.ConfirmFloor;
import dev.outbox.bench.floor.DecodingFloor;
import dev.outbox.bench.floor.InsertFloor;
import dev.outbox.bench.report.ReportWriter;
import dev.outbox.bench.report.Results;
import dev.outbox.config.ConfigException;
import dev.outbox.config.ConfigReader;
import dev.outbox.config.Environment;
import dev.outbox.config.ExitCodes;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the whole comparison in one go: per repetition the floors, then every contestant in turn (so
 * noise on the shared machine spreads over all of them), then the extra measures, and writes the
 * report. A contestant that fails is reported and the run carries on.
 */
public final class BenchMain {

  private static final Logger log = LoggerFactory.getLogger(BenchMain.class);

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    BenchConfig config;
    try {
      config = ConfigReader.read(Environment.system(), BenchConfig::read);
    } catch (ConfigException e) {
      e.problems().forEach(problem -> System.err.println("bench: configuration error: " + problem));
      System.exit(ExitCodes.CONFIG);
      return;
    }
    run(config);
  }

  private static void run(BenchConfig config) throws Exception {
    String runTag = Long.toString(Instant.now().getEpochSecond(), 36);
    var results = new Results();
    List<Contestant> contestants =
        config.contestants().stream().map(n -> contestant(config, n)).toList();
    Map<String, String> described = new LinkedHashMap<>();
    contestants.forEach(c -> described.put(c.name(), c.description()));
    long deadline = System.nanoTime() + config.budgetSeconds() * 1_000_000_000L;
    try (Connection amqp = config.eventBus().open("bench-harness")) {
      for (int rep = 1; rep <= config.repetitions(); rep++) {
        if (config.floors()) {
          runFloors(config, amqp, results, rep, runTag);
        }
        for (Contestant contestant : contestants) {
          if (System.nanoTime() > deadline) {
            results.notes.add(
                contestant.name() + " rep " + rep + " skipped: BENCH_BUDGET_SECONDS spent");
            continue;
          }
          try {
            new ContestantRun(config, amqp, results, runTag).run(contestant, rep);
          } catch (Exception e) {
            log.error("{} rep {} failed", contestant.name(), rep, e);
            results.notes.add(contestant.name() + " rep " + rep + " failed: " + e);
          }
        }
        // after every repetition, so a run cut short still leaves a report
        ReportWriter.write(
            config.outDir(), results, About.describe(config, amqp), described, Map.of());
      }
      Map<String, String> extra = new LinkedHashMap<>();
      for (ExtraMeasure measure : ServiceLoader.load(ExtraMeasure.class)) {
        try {
          extra.put(measure.title(), measure.run(config, amqp));
        } catch (Exception e) {
          extra.put(measure.title(), "Failed: " + e + "\n");
        }
      }
      Path report =
          ReportWriter.write(
              config.outDir(), results, About.describe(config, amqp), described, extra);
      log.info("report written to {}", report.toAbsolutePath());
    }
  }

  private static void runFloors(
      BenchConfig config, Connection amqp, Results results, int rep, String runTag) {
    try {
      InsertFloor.run(config, results, rep);
      DecodingFloor.run(config, results, rep);
      ConfirmFloor.run(config, amqp, results, rep, runTag);
    } catch (Exception e) {
      log.error("floors rep {} failed", rep, e);
      results.notes.add("floors rep " + rep + " failed: " + e);
    }
  }

  static Contestant contestant(BenchConfig config, String name) {
    return switch (name) {
      case "relay" -> new RelayContestant(config);
      case "poller-seed" -> new PollerContestant(config, name, "1s", 100);
      case "poller-tuned" -> new PollerContestant(config, name, "100ms", 1000);
      case "debezium-default" -> new DebeziumServerContestant(config, name, null);
      case "debezium-tuned" -> new DebeziumServerContestant(config, name, 10);
      default ->
          throw new IllegalArgumentException(
              "BENCH_CONTESTANTS: unknown contestant '" + name + "'");
    };
  }
}
