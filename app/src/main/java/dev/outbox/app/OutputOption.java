package dev.outbox.app;

import picocli.CommandLine.Option;

/**
 * {@code --output text|json}, a mixin of the commands that print a report: text for people (the
 * default), one JSON object on stdout for scripts. Both render the same report.
 */
final class OutputOption {

  enum Format {
    text,
    json
  }

  @Option(
      names = "--output",
      paramLabel = "<format>",
      defaultValue = "text",
      description = "text (default) or json: one JSON object (snake_case fields) on stdout.")
  private Format format = Format.text;

  boolean json() {
    return format == Format.json;
  }
}
