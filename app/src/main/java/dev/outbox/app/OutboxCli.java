package dev.outbox.app;

import dev.outbox.config.ConfigException;
import dev.outbox.config.Environment;
import dev.outbox.config.ExitCodes;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The one entry point of {@code outbox.jar}: a subcommand per role ({@code all}, {@code api},
 * {@code relay}, {@code notifier}) and per operation ({@code migrate}, {@code replay}, {@code
 * status}, {@code dlq}). Configuration comes from the environment, optionally over an env file;
 * exit codes are those of {@link ExitCodes}.
 */
@Command(
    name = "outbox",
    mixinStandardHelpOptions = true,
    description = "Transactional outbox: the api, CDC relay and notifier roles, and operations.",
    synopsisSubcommandLabel = "COMMAND",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:done",
      " 1:failed at run time (a service unreachable, a migration failed)",
      " 2:bad usage",
      " 3:status --max-lag: the oldest pending event is older than the limit",
      "78:configuration error (one line per bad variable, naming it)"
    },
    footer = {
      "%nConfiguration comes from environment variables (see .env.example); --env-file adds"
          + " a file of NAME=value lines underneath them: the real environment wins.",
      "A role runs until SIGTERM or Ctrl-C, then stops cleanly in reverse start order; the JVM"
          + " then exits 143 or 130, as it does for those signals."
    })
public final class OutboxCli implements Callable<Integer> {

  private final Invocation invocation;
  @Spec private CommandSpec spec;

  OutboxCli(Invocation invocation) {
    this.invocation = invocation;
  }

  @Option(
      names = "--env-file",
      paramLabel = "<path>",
      scope = ScopeType.INHERIT,
      description = "Read variables from this file too; the real environment wins over it.")
  void envFile(Path path) {
    invocation.envFile(path);
  }

  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(),
        "missing command: one of " + String.join(", ", spec.subcommands().keySet()));
  }

  public static void main(String[] args) {
    JvmShutdownSignal signal = new JvmShutdownSignal();
    int code = execute(args, Environment.system().asMap(), System.out, System.err, signal);
    if (!signal.shuttingDown()) {
      System.exit(code);
    }
  }

  /**
   * Runs one command line as the process would, without exiting: {@code env} stands in for the
   * process environment, {@code stop} for SIGTERM.
   *
   * @return the exit code ({@link ExitCodes})
   */
  public static int execute(
      String[] args, Map<String, String> env, PrintStream out, PrintStream err, StopSignal stop) {
    Invocation invocation = new Invocation(env, out, err, stop);
    CommandLine cli = Commands.tree(invocation);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setParameterExceptionHandler(Failures::usage);
    cli.setExecutionExceptionHandler(Failures::execution);
    cli.setExecutionStrategy(parsed -> run(invocation, parsed));
    return cli.execute(args);
  }

  /** The commands that run a role (or the migrations): with LOG_FORMAT=json, all they print. */
  private static final Set<String> LOGGING_COMMANDS =
      Set.of("all", "api", "relay", "notifier", "migrate");

  private static int run(Invocation invocation, ParseResult parsed) {
    ParseResult last = parsed;
    while (last.subcommand() != null) {
      last = last.subcommand();
    }
    if (!last.isUsageHelpRequested() && !last.isVersionHelpRequested()) {
      LogOutput.Format format;
      try {
        format = invocation.settings().logFormat();
      } catch (ConfigException e) {
        throw new ExecutionException(last.commandSpec().commandLine(), e.getMessage(), e);
      }
      LogOutput.use(format);
      if (format == LogOutput.Format.JSON && LOGGING_COMMANDS.contains(last.commandSpec().name())) {
        invocation.printToLog();
        last.commandSpec().commandLine().setOut(new PrintWriter(invocation.out(), true));
        last.commandSpec().commandLine().setErr(new PrintWriter(invocation.err(), true));
      }
    }
    return new CommandLine.RunLast().execute(parsed);
  }
}
