package dev.outbox.chaos.observe;

import java.time.Instant;

/** A SIGKILL the suite sent to a role process incarnation (e.g. notifier-a#1). */
public record Kill(String incarnation, Instant at) {}
