package dev.outbox.chaos.check;

import dev.outbox.chaos.load.HttpOutcome;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How every HTTP request of the load ended: a 5xx or no answer at all, after all retries with the
 * same Idempotency-Key, fails the run (contract.md: a 5xx means a bug or an outage, and the outages
 * here are ones the product must ride out).
 *
 * @param byStatus final status counts (-1: no answer)
 * @param retried requests that needed more than one attempt
 * @param replayed requests whose final answer was an idempotent replay
 * @param clientErrors requests that ended in a 4xx: the load sends only valid requests, so each is
 *     reported with its answer (not a failure by itself: the write and send checks judge the
 *     consequences)
 */
public record HttpVerdict(
    int requests,
    Map<Integer, Long> byStatus,
    int retried,
    int attempts,
    int replayed,
    List<HttpOutcome> serverErrors,
    List<HttpOutcome> unanswered,
    List<HttpOutcome> clientErrors) {

  public static HttpVerdict of(List<HttpOutcome> outcomes) {
    Map<Integer, Long> byStatus = new TreeMap<>();
    outcomes.forEach(o -> byStatus.merge(o.status(), 1L, Long::sum));
    return new HttpVerdict(
        outcomes.size(),
        byStatus,
        (int) outcomes.stream().filter(o -> o.attempts() > 1).count(),
        outcomes.stream().mapToInt(HttpOutcome::attempts).sum(),
        (int) outcomes.stream().filter(HttpOutcome::replayed).count(),
        outcomes.stream().filter(o -> o.status() >= 500).toList(),
        outcomes.stream().filter(o -> o.status() < 0).toList(),
        outcomes.stream().filter(o -> o.status() >= 400 && o.status() < 500).toList());
  }

  public boolean passed() {
    return serverErrors.isEmpty() && unanswered.isEmpty();
  }
}
