package dev.outbox.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbox.api.RunningApi;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import net.jqwik.api.Example;

/**
 * Generated and mutated requests against every write route of a running api, one at a time, each
 * checked against the rows it wrote (see {@link FuzzRun}). CI sends 500; the full run is {@code
 * -Dfuzz.requests=10000}, and {@code -Dfuzz.seed=} repeats a run (the summary names it).
 */
class ApiFuzzIT {

  // A jqwik example, not a JUnit test: the free-form bodies come from jqwik arbitraries, which
  // only generate on a jqwik thread.
  @Example
  void generated_and_mutated_requests_never_fail_the_server_nor_write_half_an_answer() {
    int requests = Integer.getInteger("fuzz.requests", 500);
    long seed = Long.getLong("fuzz.seed", ThreadLocalRandom.current().nextLong());
    FuzzTally tally = new FuzzTally(seed);
    try (RunningApi running = RunningApi.start("api_fuzzrun", Map.of())) {
      KnownRows known = new KnownRows();
      RequestGenerator generator = new RequestGenerator(seed, known);
      FuzzRun run = new FuzzRun(running, known, tally);
      for (int i = 0; i < requests; i++) {
        run.send(generator.next());
      }
    }
    System.out.println(tally.summary());

    assertThat(tally.violations()).as(tally.summary()).isEmpty();
  }
}
