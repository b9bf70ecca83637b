package dev.outbox.relay.store;

import dev.outbox.relay.model.Lsns;
import dev.outbox.relay.model.OutboxMessage;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads outbox rows as messages, for re-drives and replays that do not come from the WAL. */
public final class RowMessages {

  /** The columns {@link #read} expects, in its order. */
  public static final String COLUMNS =
      "id, event_type, aggregate_type, aggregate_id::text, payload::text, created_at,"
          + " published_lsn::text, traceparent";

  private RowMessages() {}

  /**
   * The rows {@code ps} selects ({@link #COLUMNS}) as messages, marked as replays when {@code
   * replayed}.
   */
  public static List<OutboxMessage> read(PreparedStatement ps, boolean replayed)
      throws SQLException {
    List<OutboxMessage> messages = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String lsn = rs.getString(7);
        messages.add(
            new OutboxMessage(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getObject(6, OffsetDateTime.class).toInstant(),
                lsn == null ? 0 : Lsns.parse(lsn),
                null,
                replayed,
                rs.getString(8)));
      }
    }
    return messages;
  }
}
