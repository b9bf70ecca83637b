package dev.outbox.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

  @Test
  void ids_are_version_7_with_the_rfc_variant() {
    UUID id = TimeOrderedIds.next();

    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
  }

  @Test
  void ids_carry_the_current_millisecond() {
    long before = System.currentTimeMillis();
    UUID id = TimeOrderedIds.next();
    long after = System.currentTimeMillis();

    // Ids may run a little ahead of the clock after bursts of more than 4096 per millisecond.
    assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after + 1_000);
  }

  @Test
  void ids_drawn_in_a_row_are_strictly_increasing_also_within_a_millisecond() {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      ids.add(TimeOrderedIds.next());
    }

    for (int i = 1; i < ids.size(); i++) {
      assertThat(compareUnsigned(ids.get(i - 1), ids.get(i))).isNegative();
    }
  }

  /** UUID.compareTo compares signed longs; PostgreSQL and RFC 9562 order unsigned. */
  private static int compareUnsigned(UUID a, UUID b) {
    int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
    return high != 0
        ? high
        : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
  }
}
