package dev.outbox.chaos;

import dev.outbox.chaos.report.Report;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/**
 * {@code java -jar outbox-chaos.jar --short|--long ...}, started by scripts/chaos: runs the suite,
 * prints the report (also written to {@code <out>/report.txt}), exits 0 when every check passed, 1
 * when one failed or the run could not be carried out, 2 on bad usage.
 */
public final class ChaosMain {

  private ChaosMain() {}

  public static void main(String[] args) {
    ChaosOptions options;
    try {
      options = ChaosOptions.parse(List.of(args));
    } catch (IllegalArgumentException e) {
      System.err.println("chaos: " + e.getMessage() + "\n" + ChaosOptions.USAGE);
      System.exit(2);
      return;
    }
    System.exit(run(options));
  }

  private static int run(ChaosOptions options) {
    String text;
    boolean passed;
    try {
      Report report = new ChaosRun(options).run();
      text = report.render();
      passed = report.passed();
    } catch (Exception e) {
      e.printStackTrace();
      text = Report.brokenRun(e.toString());
      passed = false;
    }
    System.out.println();
    System.out.print(text);
    try {
      Files.writeString(options.out().resolve("report.txt"), text, StandardCharsets.UTF_8);
    } catch (Exception e) {
      System.err.println("chaos: could not write the report: " + e);
    }
    return passed ? 0 : 1;
  }
}
