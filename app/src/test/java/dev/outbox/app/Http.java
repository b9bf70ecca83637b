package dev.outbox.app;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where the roles the tests start listen; the requests themselves go through HttpTestClient. */
final class Http {

  private Http() {}

  /** The port in a stage line such as {@code api listening on http://localhost:41234}. */
  static int port(String output, String prefix) {
    Matcher m = Pattern.compile(Pattern.quote(prefix) + "http://localhost:(\\d+)").matcher(output);
    if (!m.find()) {
      throw new AssertionError("no '" + prefix + "' line in:\n" + output);
    }
    return Integer.parseInt(m.group(1));
  }

  /** A port free right now, for METRICS_PORT (0 there means off, not "any"). */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
