package dev.outbox.bench.contestant;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dev.outbox.bench.BenchConfig;
import dev.outbox.bench.BenchDatabase;
import dev.outbox.bench.measure.Deliveries;
import dev.outbox.bench.report.Results;
import dev.outbox.config.EventExchange;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One repetition of one contestant, start to finish, on a fresh database, exchange and queue: cold
 * start, warm-up, an idle window, the fixed rates, the burst, then a stop, a committed backlog and
 * a restart that drains it. Every wait is bounded; the process, database, slot and queue are always
 * removed.
 */
public final class ContestantRun {

  private static final Logger log = LoggerFactory.getLogger(ContestantRun.class);
  private static final AtomicInteger STEPS = new AtomicInteger();

  private final BenchConfig config;
  private final Connection amqp;
  private final Results results;
  private final String runTag;

  public ContestantRun(BenchConfig config, Connection amqp, Results results, String runTag) {
    this.config = config;
    this.amqp = amqp;
    this.results = results;
    this.runTag = runTag;
  }

  static int nextStep() {
    return STEPS.incrementAndGet();
  }

  public void run(Contestant contestant, int rep) throws Exception {
    String base = ("bench_" + contestant.name() + "_" + rep).replace('-', '_');
    String exchange = "bench." + runTag + "." + contestant.name() + "." + rep;
    Path runDir = config.outDir().resolve("runs").resolve(contestant.name() + "-" + rep);
    boolean volumes = config.volumeContestants().contains(contestant.name());
    try (BenchDatabase db = BenchDatabase.create(config, base);
        Deliveries deliveries = Deliveries.declare(amqp, exchange + ".q")) {
      try (Channel channel = amqp.createChannel()) {
        contestant.declareExchange(channel, exchange);
      }
      deliveries.bindTo(exchange);
      var steps = new Steps(config, db, deliveries, results, contestant, rep);
      var volume = new VolumeSteps(config, db, deliveries, results, contestant, rep, steps);
      try (ChildJvm jvm = launch(contestant, db, exchange, runDir, "start")) {
        steps.coldStart(jvm);
        steps.warmUp();
        steps.idle(jvm);
        for (int rate : config.workload().rates()) {
          steps.fixedRate(jvm, rate);
        }
        if (volumes) {
          volume.burst(jvm);
        }
      }
      if (volumes) {
        volume.commitBacklog();
        try (ChildJvm jvm = launch(contestant, db, exchange, runDir, "restart")) {
          volume.drainBacklog(jvm);
        }
      }
      log.info(
          "{} rep {}: {} stale deliveries ignored", contestant.name(), rep, deliveries.stale());
    } finally {
      try (Channel channel = amqp.createChannel()) {
        channel.exchangeDelete(exchange);
        // the alternate exchange and queue for unroutable messages (EventExchange)
        channel.exchangeDelete(EventExchange.unroutableName(exchange));
        channel.queueDelete(EventExchange.unroutableName(exchange));
      }
    }
  }

  private ChildJvm launch(
      Contestant contestant, BenchDatabase db, String exchange, Path runDir, String phase)
      throws IOException {
    log.info("{}: launching ({})", contestant.name(), phase);
    return contestant.launch(db, exchange, runDir, runDir.resolve(phase + ".log"));
  }
}
