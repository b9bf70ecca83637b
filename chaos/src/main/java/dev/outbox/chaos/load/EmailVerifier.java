package dev.outbox.chaos.load;

import dev.outbox.chaos.provider.Channel;
import dev.outbox.chaos.provider.ProviderRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays the reader of the welcome email: takes the verification link from every second welcome
 * email the provider stand-in accepted and posts its token to {@code /users/{id}/verify-email}, so
 * user aggregates get a second event (user.email_verified) and the api's token check is exercised
 * with real tokens.
 */
public final class EmailVerifier implements AutoCloseable {

  private static final Pattern LINK =
      Pattern.compile("/users/([0-9a-f-]{36})/verify-email\\?token=([A-Za-z0-9._~-]+)");

  private final ApiClient api;
  private final LoadLog log;
  private final Supplier<List<ProviderRequest>> requests;
  private final Set<String> handled = ConcurrentHashMap.newKeySet();
  private final Thread thread = new Thread(this::work, "chaos-verifier");
  private volatile boolean running = true;
  private int scanned;

  public EmailVerifier(ApiClient api, LoadLog log, Supplier<List<ProviderRequest>> requests) {
    this.api = api;
    this.log = log;
    this.requests = requests;
  }

  public void start() {
    thread.start();
  }

  private void work() {
    while (running) {
      List<ProviderRequest> all = requests.get();
      for (ProviderRequest request : all.subList(scanned, all.size())) {
        verify(request);
      }
      scanned = all.size();
      Pause.of(Duration.ofMillis(200));
    }
  }

  private void verify(ProviderRequest request) {
    if (request.channel() != Channel.EMAIL || !request.accepted()) {
      return;
    }
    Matcher link = LINK.matcher(request.text());
    if (!link.find() || Math.floorMod(link.group(1).hashCode(), 2) != 0) {
      return;
    }
    String userId = link.group(1);
    if (handled.add(userId)) {
      api.post(
              "POST /users/{id}/verify-email",
              "/users/" + userId + "/verify-email",
              Map.of("token", link.group(2)),
              "verify-" + userId)
          .ifPresent(u -> log.write(new Write("user.email_verified", userId, null, Instant.now())));
    }
  }

  /** Users whose email was verified (or tried). */
  public int verified() {
    return handled.size();
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(Duration.ofMinutes(2).toMillis());
  }
}
