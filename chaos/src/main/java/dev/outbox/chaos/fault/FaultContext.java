package dev.outbox.chaos.fault;

import dev.outbox.chaos.infra.PrivatePostgres;
import dev.outbox.chaos.infra.PrivateRabbit;
import dev.outbox.chaos.observe.AuditConsumer;
import dev.outbox.chaos.observe.Timeline;
import dev.outbox.chaos.pipeline.Pipeline;
import java.time.Duration;

/**
 * What a fault may act on and watch.
 *
 * @param timeline where a fault may mark sub-phases (each launch of the first-snapshot relay)
 * @param outage how long a stopped broker stays down before it is started again
 * @param recovery the longest a fault waits for the pipeline to recover before the run fails
 */
public record FaultContext(
    Pipeline pipeline,
    PrivatePostgres postgres,
    PrivateRabbit rabbit,
    AuditConsumer audit,
    Timeline timeline,
    Duration outage,
    Duration recovery) {}
