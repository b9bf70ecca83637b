package dev.outbox.notifier.config;

/** The RabbitMQ queue type of the notifier's work, retry and dead-letter queues. */
public enum QueueType {
  /** Replicated (Raft) queues, RabbitMQ's choice for durable queues on a cluster; 3.10 or later. */
  QUORUM,
  /** Single-node queues, as the notifier declared them before quorum queues were its default. */
  CLASSIC
}
