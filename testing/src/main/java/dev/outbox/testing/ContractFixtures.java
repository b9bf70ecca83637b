package dev.outbox.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The one copy of the event contract's example messages (docs/events.md), in {@code contracts/} of
 * this jar: core's tests check that serialising the events gives exactly these envelopes, the
 * notifier's that parsing them gives the events back. One file per example: {@code
 * user-created.v1.json}, {@code user-created-without-phone.v1.json}, {@code
 * user-email-verified.v1.json}, {@code order-placed.v1.json}, {@code payment-received.v1.json}.
 */
public final class ContractFixtures {

  /** The classpath folder of the fixtures, for tests that read them as resources. */
  public static final String FOLDER = "/contracts/";

  private ContractFixtures() {}

  /** The bytes of fixture {@code name}, as the relay would publish them. */
  public static byte[] bytes(String name) {
    try (InputStream in = ContractFixtures.class.getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no contract fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("contract fixture " + name, e);
    }
  }
}
