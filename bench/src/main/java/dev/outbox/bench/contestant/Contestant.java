package dev.outbox.bench.contestant;

import com.rabbitmq.client.Channel;
import dev.outbox.bench.BenchDatabase;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Something that moves outbox rows to RabbitMQ, run as a child process against a database of its
 * own and publishing to an exchange of its own.
 */
public interface Contestant {

  /** Short id used in database, exchange and file names, and in the report. */
  String name();

  /** One line saying what it is and how it is configured, for the report. */
  String description();

  /**
   * Declares the exchange the way the contestant itself would (a redeclaration with other arguments
   * is refused), before launch, so the harness's queue is bound from the first event.
   */
  default void declareExchange(Channel channel, String exchange) throws IOException {
    channel.exchangeDeclare(exchange, "topic", true);
  }

  /** True when it sets published_at after the broker's confirm (so that latency is measured). */
  boolean marksPublished();

  /** True when leftovers can be skipped by marking rows published (row-polling contestants). */
  boolean readsRows();

  /**
   * Starts the process against {@code db}, publishing to {@code exchange}, in {@code runDir} (kept
   * across a restart), writing its output to {@code log}.
   */
  ChildJvm launch(BenchDatabase db, String exchange, Path runDir, Path log) throws IOException;
}
