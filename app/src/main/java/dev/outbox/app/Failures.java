package dev.outbox.app;

import dev.outbox.config.ConfigException;
import dev.outbox.config.ExitCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The exit-code policy of every command ({@link ExitCodes}), in one place: what went wrong becomes
 * one line on stderr and an exit code. Bad usage (2) gets a hint line to --help instead of the
 * whole usage text; a configuration error (78) gets one line per bad variable, each naming it, so
 * that all of them are fixed in one go; anything else (1) prints the chain of causes, the stack
 * trace going to the log at DEBUG.
 */
final class Failures {

  private static final Logger log = LoggerFactory.getLogger(Failures.class);

  private Failures() {}

  static int usage(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    String name = command.getCommandSpec().qualifiedName();
    command.getErr().println(name + ": " + oneLine(e.getMessage()).replaceFirst("^Error: ", ""));
    command.getErr().println("Try '" + name + " --help'.");
    return ExitCodes.USAGE;
  }

  static int execution(Exception e, CommandLine command, ParseResult parsed) {
    String name = command.getCommandSpec().qualifiedName();
    if (e instanceof ConfigException config) {
      for (String problem : config.problems()) {
        command.getErr().println(name + ": configuration error: " + oneLine(problem));
      }
      return ExitCodes.CONFIG;
    }
    if (e instanceof ParameterException usage) {
      return usage(usage, parsed.originalArgs().toArray(String[]::new));
    }
    log.debug("{} failed", name, e);
    command.getErr().println(name + ": failed: " + causes(e));
    return ExitCodes.FAILURE;
  }

  private static String causes(Throwable e) {
    StringBuilder line = new StringBuilder(describe(e));
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      String text = describe(cause);
      if (!line.toString().contains(text)) { // wrappers often repeat their cause's message
        line.append(": ").append(text);
      }
    }
    return oneLine(line.toString());
  }

  private static String describe(Throwable e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").strip();
  }
}
