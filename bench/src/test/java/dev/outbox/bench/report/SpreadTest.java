package dev.outbox.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadTest {

  @Test
  void three_repetitions_give_their_median_and_range() {
    Spread spread = Spread.of(List.of(14.1, 11.0, 12.3));

    assertThat(spread.median()).isEqualTo(12.3);
    assertThat(spread.format()).isEqualTo("12.3 (11.0–14.1)");
  }

  @Test
  void an_even_count_takes_the_mean_of_the_middle_two() {
    assertThat(Spread.of(List.of(1.0, 2.0, 3.0, 10.0)).median()).isEqualTo(2.5);
  }

  @Test
  void missing_figures_are_ignored_and_none_reads_not_available() {
    assertThat(Spread.of(List.of(Double.NaN, 2.0)).format()).isEqualTo("2.00");
    assertThat(Spread.of(List.of()).format()).isEqualTo("n/a");
  }

  @Test
  void large_numbers_are_grouped_and_small_ones_keep_three_decimals() {
    assertThat(Spread.number(21_700.4)).isEqualTo("21,700");
    assertThat(Spread.number(0.3512)).isEqualTo("0.351");
  }
}
