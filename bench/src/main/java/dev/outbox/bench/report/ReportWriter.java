package dev.outbox.bench.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.HdrHistogram.Histogram;

/** Writes results.md, one CDF plot per offered rate and the raw HdrHistogram distributions. */
public final class ReportWriter {

  private ReportWriter() {}

  /**
   * @param about machine, versions and settings, one line each
   * @param contestants name to description, in run order
   * @param extraSections title to Markdown body of the {@code ExtraMeasure}s
   */
  public static Path write(
      Path dir,
      Results results,
      List<String> about,
      Map<String, String> contestants,
      Map<String, String> extraSections)
      throws IOException {
    Files.createDirectories(dir);
    List<String> names = List.copyOf(contestants.keySet());
    var report = new MarkdownReport(results, names);
    var md = new StringBuilder("# Benchmark results\n\n");
    about.forEach(line -> md.append("- ").append(line).append('\n'));
    md.append(
            "\nEach cell: median of the repetitions (min–max). Latencies in ms, measured from the")
        .append(" database's clock_timestamp() inside the inserting transaction to the consumer's")
        .append(" receipt (same machine, same clock).\n\n## Contestants\n\n");
    var who = new Table("name", "what");
    contestants.forEach(who::row);
    md.append(who.render());
    md.append("\n## Commit → consumer receive at fixed offered rates\n\n");
    md.append(report.latencyTable(false));
    md.append("\n![latency CDF](latency-cdf-1000.png)\n");
    md.append("\n## Commit → broker confirm (published_at, set after the confirm)\n\n");
    md.append(report.latencyTable(true));
    md.append(
        "\n## Burst: events inserted by the burst clients as fast as they commit, contestant running\n\n");
    md.append(report.volumeTable("burst"));
    md.append("\n## Backlog: rows committed first, contestant launched afterwards\n\n");
    md.append(report.volumeTable("backlog"));
    md.append("\n## Launch to first event (fresh outbox, probes every 20 ms)\n\n");
    md.append(report.startTable());
    md.append("\n## Floors\n\n").append(report.floorTable());
    md.append("\n## Targets (issue 17) for the relay\n\n").append(new Targets(results).render());
    extraSections.forEach(
        (title, body) -> md.append("\n## ").append(title).append("\n\n").append(body));
    if (!results.notes.isEmpty()) {
      md.append("\n## Notes from the run\n\n");
      results.notes.forEach(n -> md.append("- ").append(n).append('\n'));
    }
    Path file = dir.resolve("results.md");
    Files.writeString(file, md);
    plots(dir, results, names);
    return file;
  }

  private static void plots(Path dir, Results results, List<String> names) throws IOException {
    for (int rate : new TreeSet<>(results.rates.stream().map(Results.RateRun::rate).toList())) {
      Map<String, Histogram> curves = new LinkedHashMap<>();
      for (String name : names) {
        List<Histogram> reps =
            results.rates.stream()
                .filter(r -> r.rate() == rate && r.contestant().equals(name))
                .map(Results.RateRun::receive)
                .toList();
        Histogram merged = CdfPlot.merge(reps);
        if (merged.getTotalCount() > 0) {
          curves.put(name, merged);
          try (var out =
              new PrintStream(dir.resolve("latency-" + name + "-" + rate + ".hgrm").toFile())) {
            merged.outputPercentileDistribution(out, 1000.0);
          }
        }
      }
      if (!curves.isEmpty()) {
        CdfPlot.write(
            dir.resolve("latency-cdf-" + rate + ".png"),
            "Commit → consumer receive at " + rate + " events/s offered",
            curves);
      }
    }
  }
}
