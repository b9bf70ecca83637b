package dev.outbox.relay.capture;

/**
 * What a replay did.
 *
 * @param path where the events came from: {@code outbox rows} or {@code WAL}
 * @param events how many events were republished (with {@code replayed=true})
 * @param from the requested point, as given
 */
public record ReplayResult(String path, long events, String from) {

  /** The line the {@code replay} command prints. */
  public String toText() {
    return "replayed " + events + " events from " + from + " (read from the " + path + ")";
  }
}
