package dev.outbox.api.fuzz;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Requests by route and status class, and every broken rule, for the run's summary line. */
final class FuzzTally {

  private final long seed;
  private final Map<Route, Map<String, Integer>> byRoute = new EnumMap<>(Route.class);
  private final Map<Integer, Integer> byStatus = new TreeMap<>();
  // The first few are enough to debug; the counts stay exact.
  private static final int KEPT = 30;
  private final List<String> violations = new ArrayList<>();
  private int requests;
  private int serverErrors;
  private int partialWrites;
  private int notProblems;
  private int noAnswers;

  FuzzTally(long seed) {
    this.seed = seed;
  }

  void answered(Route route, int status) {
    requests++;
    byRoute
        .computeIfAbsent(route, r -> new TreeMap<>())
        .merge(status / 100 + "xx", 1, Integer::sum);
    byStatus.merge(status, 1, Integer::sum);
    if (status >= 500) {
      serverErrors++;
    }
  }

  void noAnswer(Route route, String why) {
    requests++;
    noAnswers++;
    byRoute.computeIfAbsent(route, r -> new TreeMap<>()).merge("none", 1, Integer::sum);
    keep("no answer: " + why);
  }

  private void keep(String violation) {
    if (violations.size() < KEPT) {
      violations.add(violation);
    }
  }

  void serverError(String what) {
    keep("5xx: " + what);
  }

  void notProblem(String what) {
    notProblems++;
    keep("4xx not application/problem+json: " + what);
  }

  void partialWrite(String what) {
    partialWrites++;
    keep("partial write: " + what);
  }

  List<String> violations() {
    return violations;
  }

  String summary() {
    StringBuilder line = new StringBuilder("API fuzz: seed=").append(seed);
    line.append(" requests=").append(requests);
    byRoute.forEach(
        (route, classes) -> line.append(" | ").append(route.label).append(' ').append(classes));
    line.append(" | statuses ").append(byStatus);
    line.append(" | 5xx ").append(serverErrors);
    line.append(", partial writes ").append(partialWrites);
    line.append(", 4xx not problem+json ").append(notProblems);
    line.append(", no answer ").append(noAnswers);
    return line.toString();
  }
}
