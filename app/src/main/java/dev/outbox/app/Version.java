package dev.outbox.app;

import picocli.CommandLine.IVersionProvider;

/**
 * The version from the jar's manifest ({@code dev} when run from classes), for every command's -V.
 */
final class Version implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = OutboxCli.class.getPackage().getImplementationVersion();
    return new String[] {"outbox " + (version == null ? "dev" : version)};
  }
}
