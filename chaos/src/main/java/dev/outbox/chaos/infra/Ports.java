package dev.outbox.chaos.infra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** Free loopback ports for the private services. */
public final class Ports {

  private Ports() {}

  /**
   * A port in [from, to) that is free now. RabbitMQ's CLI listens on its node's distribution port
   * plus 10000 and up, so its ports must come from a range well below 55535.
   */
  public static int freeBetween(int from, int to) {
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(from, to);
      if (isFree(port)) {
        return port;
      }
    }
    throw new IllegalStateException("no free port between " + from + " and " + to);
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
