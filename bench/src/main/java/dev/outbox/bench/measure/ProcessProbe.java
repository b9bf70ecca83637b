package dev.outbox.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time and resident memory of a process, from Linux's /proc. CPU is utime + stime in clock
 * ticks (USER_HZ = 100 on Linux, so 10 ms resolution: meaningful over thousands of events).
 */
public final class ProcessProbe {

  private static final long MICROS_PER_TICK = 10_000;

  private ProcessProbe() {}

  /** User plus system CPU time consumed so far, in microseconds. */
  public static long cpuMicros(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    // fields after the parenthesised command name, which may itself contain spaces
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long utime = Long.parseLong(f[11]);
    long stime = Long.parseLong(f[12]);
    return (utime + stime) * MICROS_PER_TICK;
  }

  /** Peak resident set size since the process started (VmHWM), in KiB. */
  public static long peakRssKb(long pid) throws IOException {
    return statusKb(pid, "VmHWM:");
  }

  /** Current resident set size (VmRSS), in KiB. */
  public static long rssKb(long pid) throws IOException {
    return statusKb(pid, "VmRSS:");
  }

  private static long statusKb(long pid, String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith(field)) {
        return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
      }
    }
    throw new IOException(field + " missing in /proc/" + pid + "/status");
  }
}
