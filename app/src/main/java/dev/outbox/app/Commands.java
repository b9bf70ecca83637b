package dev.outbox.app;

import picocli.CommandLine;

/** The command tree, each command built with the invocation it runs in. */
final class Commands {

  private Commands() {}

  static CommandLine tree(Invocation invocation) {
    CommandLine dlq =
        new CommandLine(new DlqCommand())
            .addSubcommand(new DlqListCommand(invocation))
            .addSubcommand(new DlqRedriveCommand(invocation))
            .addSubcommand(new DlqDiscardCommand(invocation));
    CommandLine deliveries =
        new CommandLine(new DeliveriesCommand())
            .addSubcommand(new DeliveriesShowCommand(invocation));
    CommandLine root =
        new CommandLine(new OutboxCli(invocation))
            .addSubcommand(new AllCommand(invocation))
            .addSubcommand(new ApiCommand(invocation))
            .addSubcommand(new RelayCommand(invocation))
            .addSubcommand(new NotifierCommand(invocation))
            .addSubcommand(new MigrateCommand(invocation))
            .addSubcommand(new ReplayCommand(invocation))
            .addSubcommand(new StatusCommand(invocation))
            .addSubcommand(dlq)
            .addSubcommand(deliveries);
    everyVersion(root, new Version());
    return root;
  }

  // Every command has -V/--version (mixinStandardHelpOptions); all print the jar's version.
  private static void everyVersion(CommandLine command, Version version) {
    command.getCommandSpec().versionProvider(version);
    command.getSubcommands().values().forEach(sub -> everyVersion(sub, version));
  }
}
