package dev.outbox.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import dev.outbox.config.Role;
import dev.outbox.config.Setting;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * LOG_FORMAT: {@code text} (logback.xml's pattern, dated) or {@code json} (one {@link
 * IsoJsonEncoder} object per line). JSON swaps the encoder of logback.xml's console appender, and a
 * role's own stage lines ("api listening on ...") become log events too, so that every line the
 * process prints is one JSON object.
 */
final class LogOutput {

  enum Format {
    TEXT,
    JSON
  }

  static final Setting<Format> FORMAT =
      Setting.choice("LOG_FORMAT", Format.class)
          .withDefault("text")
          .withDescription(
              "text (dated lines) or json (one object per line: timestamp, level, logger,"
                  + " message, mdc with event_id and aggregate_id where an event is handled)")
          .readBy(Role.API, Role.RELAY, Role.NOTIFIER, Role.CLI);

  private static final String CONSOLE = "STDOUT";
  private static final Logger console = LoggerFactory.getLogger("outbox");
  private static Encoder<ILoggingEvent> text;

  private LogOutput() {}

  /**
   * Sets the console appender's encoder for {@code format}; false when there is no such appender.
   */
  static synchronized boolean use(Format format) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return false;
    }
    bridgeJavaUtilLogging();
    Appender<ILoggingEvent> appender =
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender(CONSOLE);
    if (!(appender instanceof ConsoleAppender<ILoggingEvent> stdout)) {
      return false;
    }
    boolean json = stdout.getEncoder() instanceof IsoJsonEncoder;
    if (format == Format.JSON && !json) {
      text = stdout.getEncoder();
      IsoJsonEncoder encoder = new IsoJsonEncoder();
      encoder.setContext(context);
      encoder.start();
      swap(stdout, encoder);
    } else if (format == Format.TEXT && json && text != null) {
      swap(stdout, text);
    }
    return true;
  }

  /**
   * Sends java.util.logging (OpenTelemetry's SDK logs through it) to logback instead of stderr's
   * undated two-line format; logback.xml's LevelChangePropagator keeps JUL's levels in step.
   */
  private static void bridgeJavaUtilLogging() {
    if (!SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
  }

  private static void swap(ConsoleAppender<ILoggingEvent> appender, Encoder<ILoggingEvent> next) {
    appender.stop();
    appender.setEncoder(next);
    appender.start();
  }

  /** A stream whose every line becomes an INFO ({@code error}: ERROR) event of logger "outbox". */
  static PrintStream lines(boolean error) {
    return new PrintStream(new LineLogger(error), true, StandardCharsets.UTF_8);
  }

  private static final class LineLogger extends OutputStream {
    private final boolean error;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LineLogger(boolean error) {
      this.error = error;
    }

    @Override
    public synchronized void write(int b) {
      if (b == '\n') {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (error) {
          console.error(text);
        } else {
          console.info(text);
        }
      } else {
        line.write(b);
      }
    }
  }
}
