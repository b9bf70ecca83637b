package dev.outbox.bench.notifier;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The side effects of the log adapters, read back from the notifier's per-message log: one line per
 * email ({@code LoggingEmailSender}) and per SMS ({@code LoggingSmsSender}) "sent", and one per
 * notification the dispatcher skipped because it was already sent.
 */
final class MessagesLog {

  private static final Pattern EMAIL =
      Pattern.compile("Email \\(not sent, EMAIL_ADAPTER=log\\) event=(\\S+) ");
  private static final Pattern SMS =
      Pattern.compile("SMS \\(not sent, SMS_ADAPTER=log\\) event=(\\S+) ");
  private static final String SKIPPED_EMAIL = "Skipping welcome_email for event ";

  /**
   * @param emails email lines
   * @param emailedEvents distinct event ids among them
   * @param sms SMS lines
   * @param textedEvents distinct event ids among them
   * @param skipped welcome emails skipped as already sent: one per suppressed duplicate
   */
  record Counts(long emails, long emailedEvents, long sms, long textedEvents, long skipped) {}

  private MessagesLog() {}

  static Counts count(Path file) throws IOException {
    if (!Files.exists(file)) {
      return new Counts(0, 0, 0, 0, 0);
    }
    long emails = 0;
    long sms = 0;
    long skipped = 0;
    Set<String> emailed = new HashSet<>();
    Set<String> texted = new HashSet<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        Matcher m;
        if ((m = EMAIL.matcher(line)).find()) {
          emails++;
          emailed.add(m.group(1));
        } else if ((m = SMS.matcher(line)).find()) {
          sms++;
          texted.add(m.group(1));
        } else if (line.contains(SKIPPED_EMAIL)) {
          skipped++;
        }
      }
    }
    return new Counts(emails, emailed.size(), sms, texted.size(), skipped);
  }
}
