package dev.outbox.bench.notifier;

import com.rabbitmq.client.Connection;
import dev.outbox.bench.BenchConfig;
import dev.outbox.bench.ExtraMeasure;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notifier throughput with the log adapters and dedup on (issue 8): a committed backlog drained by
 * a freshly launched notifier, and the same volume again published at full speed while it runs. See
 * {@link NotifierRun} for one repetition and {@link NotifierReport} for the tables.
 */
public final class NotifierThroughput implements ExtraMeasure {

  private static final Logger log = LoggerFactory.getLogger(NotifierThroughput.class);

  @Override
  public String title() {
    return "Notifier throughput (log adapters, dedup on)";
  }

  @Override
  public String run(BenchConfig config, Connection amqp) throws Exception {
    String runTag = Long.toString(Instant.now().getEpochSecond(), 36);
    List<NotifierResult> results = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (int rep = 1; rep <= config.repetitions(); rep++) {
      try {
        results.add(new NotifierRun(config, amqp, runTag, rep).run());
      } catch (Exception e) {
        log.error("notifier rep {} failed", rep, e);
        notes.add("rep " + rep + " failed: " + e);
      }
    }
    if (results.isEmpty()) {
      throw new IOException("every repetition failed: " + notes);
    }
    return NotifierReport.render(config, results, notes);
  }
}
