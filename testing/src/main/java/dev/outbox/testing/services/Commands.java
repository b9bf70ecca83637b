package dev.outbox.testing.services;

/**
 * The service fixtures' name for the config module's process runner ({@link
 * dev.outbox.config.process.Commands}: {@code run}, {@code asUser} and {@code Result} are
 * inherited), so that the classes of this package call it unqualified; new code imports that one.
 */
public final class Commands extends dev.outbox.config.process.Commands {

  private Commands() {}
}
