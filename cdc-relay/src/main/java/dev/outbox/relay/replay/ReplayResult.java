package dev.outbox.relay.replay;

/**
 * What a replay did.
 *
 * @param path where the events came from: {@code outbox rows} or {@code WAL}
 * @param events how many events were republished (with {@code replayed=true})
 * @param from the requested point, as given
 * @param through for the WAL, where the relay had got to when it rewound (null for the rows)
 */
public record ReplayResult(String path, long events, String from, String through) {

  /** A replay from the retained outbox rows. */
  public static ReplayResult fromRows(long events, String from) {
    return new ReplayResult("outbox rows", events, from, null);
  }

  /** A replay the active relay read from the WAL. */
  public static ReplayResult fromWal(long events, String from, String through) {
    return new ReplayResult("WAL", events, from, through);
  }

  /** The line the {@code replay} command prints. */
  public String toText() {
    return "replayed "
        + events
        + " events from "
        + from
        + (through == null ? "" : " through " + through)
        + " (read from the "
        + path
        + ")";
  }
}
