package dev.outbox.chaos.check;

import static dev.outbox.chaos.check.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outbox.chaos.load.HttpOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpVerdictTest {

  @Test
  void answers_below_500_pass_however_many_retries_they_took() {
    HttpVerdict verdict =
        HttpVerdict.of(List.of(outcome(201, 1), outcome(201, 4), outcome(409, 1)));

    assertThat(verdict.passed()).isTrue();
    assertThat(verdict.retried()).isEqualTo(1);
    assertThat(verdict.attempts()).isEqualTo(6);
    assertThat(verdict.byStatus()).containsEntry(201, 2L).containsEntry(409, 1L);
  }

  @Test
  void a_final_5xx_or_no_answer_at_all_fails() {
    HttpVerdict verdict = HttpVerdict.of(List.of(outcome(201, 1), outcome(503, 9), outcome(-1, 9)));

    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.serverErrors()).extracting(HttpOutcome::status).containsExactly(503);
    assertThat(verdict.unanswered()).extracting(HttpOutcome::status).containsExactly(-1);
  }

  @Test
  void a_final_4xx_is_listed_for_the_report_without_failing_by_itself() {
    HttpVerdict verdict = HttpVerdict.of(List.of(outcome(201, 1), outcome(404, 2)));

    assertThat(verdict.passed()).isTrue();
    assertThat(verdict.clientErrors()).extracting(HttpOutcome::status).containsExactly(404);
  }

  private static HttpOutcome outcome(int status, int attempts) {
    return new HttpOutcome("POST /users", "k", status, attempts, false, at(0), at(1), null);
  }
}
