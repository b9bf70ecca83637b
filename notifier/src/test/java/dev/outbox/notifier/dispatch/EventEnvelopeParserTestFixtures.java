package dev.outbox.notifier.dispatch;

import java.io.IOException;
import java.io.InputStream;

/** Reads the contract fixtures of src/test/resources/contracts. */
final class EventEnvelopeParserTestFixtures {

  private EventEnvelopeParserTestFixtures() {}

  static byte[] bytes(String name) {
    try (InputStream in =
        EventEnvelopeParserTestFixtures.class.getResourceAsStream("/contracts/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
