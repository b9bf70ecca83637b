package dev.outbox.config;

import java.util.regex.Pattern;

/** The one way a secret is hidden wherever a value is shown: logs, errors, status output. */
public final class Secrets {

  public static final String MASK = "***";

  private static final Pattern URL_CREDENTIALS = Pattern.compile("(?<=://)[^@/]*@");

  private Secrets() {}

  /** {@link #MASK} for any value, empty for an empty one (an unset secret may say so). */
  public static String mask(String secret) {
    return secret == null || secret.isEmpty() ? "" : MASK;
  }

  /**
   * {@code url} without the user and password of each URL in it ({@code amqp://***@host:5672/}),
   * also for comma-separated lists of URLs.
   */
  public static String maskUrl(String url) {
    return url == null ? null : URL_CREDENTIALS.matcher(url).replaceAll(MASK + "@");
  }
}
