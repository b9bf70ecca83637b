package dev.outbox.bench;

import com.rabbitmq.client.Connection;

/**
 * A measure the harness runs after the contestants and appends to the report as its own section:
 * the hook for figures that depend on other modules (notifier throughput with the log adapter and
 * dedup on; API POST /users throughput and latency under wrk at 1/8/32 clients). Implementations
 * are found with {@link java.util.ServiceLoader}: add the class and a line in
 * META-INF/services/dev.outbox.bench.ExtraMeasure; nothing else in the harness changes. Each must
 * bound its own run time by {@link BenchConfig}'s durations and remove what it created.
 */
public interface ExtraMeasure {

  /** The section title in the report, e.g. "Notifier throughput". */
  String title();

  /**
   * Runs the measure {@code config.repetitions()} times and returns its Markdown section body
   * (tables with the median and range of the repetitions).
   *
   * @throws Exception when the measure cannot run; the harness reports it and carries on
   */
  String run(BenchConfig config, Connection amqp) throws Exception;
}
