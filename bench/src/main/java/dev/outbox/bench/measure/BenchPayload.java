package dev.outbox.bench.measure;

import java.nio.charset.StandardCharsets;

/**
 * The three numbers the load generator put into an outbox payload, found again in whatever body a
 * contestant publishes: the relay nests the payload in its envelope, the poller sends the row, and
 * Debezium's outbox router sends the jsonb column as a JSON string with escaped quotes. A key scan
 * reads all three forms without a JSON parser on the hot path.
 */
public record BenchPayload(int step, int seq, long commitMicros) {

  /** Parses a message body; null when it carries no benchmark payload. */
  public static BenchPayload parse(byte[] body) {
    String text = new String(body, StandardCharsets.ISO_8859_1);
    long step = number(text, "bench_step");
    long seq = number(text, "bench_seq");
    long commit = number(text, "bench_commit_us");
    if (step < 0 || seq < 0 || commit < 0) {
      return null;
    }
    return new BenchPayload((int) step, (int) seq, commit);
  }

  private static long number(String text, String key) {
    int at = text.indexOf(key);
    if (at < 0) {
      return -1;
    }
    int i = at + key.length();
    // skip the closing quote (escaped or not), the colon and blanks; a quoted number is fine too
    while (i < text.length() && !Character.isDigit(text.charAt(i))) {
      char c = text.charAt(i);
      if (c != '"' && c != '\\' && c != ':' && c != ' ') {
        return -1;
      }
      i++;
    }
    long value = 0;
    int start = i;
    while (i < text.length() && Character.isDigit(text.charAt(i))) {
      value = value * 10 + (text.charAt(i) - '0');
      i++;
    }
    return i == start ? -1 : value;
  }
}
