package dev.outbox.core.domain;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then a 12-bit counter, then 62 random bits. Ids
 * from one JVM are strictly increasing, also within one millisecond, so outbox rows and aggregates
 * sort by creation time.
 */
public final class TimeOrderedIds {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Clock CLOCK = Clock.systemUTC();
  private static long lastMillis;
  private static int counter;

  private TimeOrderedIds() {}

  public static UUID next() {
    long millis;
    int sequence;
    synchronized (TimeOrderedIds.class) {
      millis = Math.max(CLOCK.millis(), lastMillis);
      if (millis == lastMillis) {
        counter++;
        if (counter > 0xFFF) {
          // 4096 ids in one millisecond: borrow the next millisecond rather than repeat an id.
          millis++;
          counter = 0;
        }
      } else {
        counter = 0;
      }
      lastMillis = millis;
      sequence = counter;
    }
    long most = (millis << 16) | 0x7000L | sequence;
    long least = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(most, least);
  }
}
