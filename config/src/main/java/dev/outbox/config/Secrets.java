package dev.outbox.config;

import java.util.regex.Pattern;

/** The one way a secret is hidden wherever a value is shown: logs, errors, status output. */
public final class Secrets {

  public static final String MASK = "***";

  private static final Pattern URL_CREDENTIALS = Pattern.compile("(?<=://)[^@/]*@");

  // pgjdbc takes password= and the client key's sslpassword= as URL parameters too.
  private static final Pattern PASSWORD_PARAMETERS =
      Pattern.compile("(?<=[?&](?i:ssl)?(?i:password)=)[^&]*");

  private Secrets() {}

  /** {@link #MASK} for any value, empty for an empty one (an unset secret may say so). */
  public static String mask(String secret) {
    return secret == null || secret.isEmpty() ? "" : MASK;
  }

  /**
   * {@code url} without the user and password of each URL in it ({@code amqp://***@host:5672/}),
   * also for comma-separated lists of URLs, and without the values of {@code password} and {@code
   * sslpassword} parameters ({@code ...?sslpassword=***}).
   */
  public static String maskUrl(String url) {
    if (url == null) {
      return null;
    }
    String masked = URL_CREDENTIALS.matcher(url).replaceAll(MASK + "@");
    return PASSWORD_PARAMETERS.matcher(masked).replaceAll(MASK);
  }
}
