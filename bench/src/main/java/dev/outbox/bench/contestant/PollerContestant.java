package dev.outbox.bench.contestant;

import dev.outbox.bench.BenchConfig;
import dev.outbox.bench.BenchDatabase;
import dev.outbox.bench.poller.PollerMain;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The seed design's polling worker (see {@link PollerMain}) with a given interval and batch. */
public final class PollerContestant implements Contestant {

  private final BenchConfig config;
  private final String name;
  private final String interval;
  private final int batchSize;

  public PollerContestant(BenchConfig config, String name, String interval, int batchSize) {
    this.config = config;
    this.name = name;
    this.interval = interval;
    this.batchSize = batchSize;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return "polling worker, OUTBOX_POLL_INTERVAL=" + interval + ", OUTBOX_BATCH_SIZE=" + batchSize;
  }

  @Override
  public boolean marksPublished() {
    return true;
  }

  @Override
  public boolean readsRows() {
    return true;
  }

  @Override
  public ChildJvm launch(BenchDatabase db, String exchange, Path runDir, Path log)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(config.launch().javaBin()));
    command.addAll(JavaOpts.split(config.launch().pollerJavaOpts()));
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), PollerMain.class.getName()));
    // The database user and password and EVENT_BUS_URL are the harness's own: inherited.
    Map<String, String> env =
        Map.of(
            "DATABASE_URL",
            db.jdbcUrl(),
            "EVENT_BUS_EXCHANGE",
            exchange,
            "OUTBOX_POLL_INTERVAL",
            interval,
            "OUTBOX_BATCH_SIZE",
            Integer.toString(batchSize));
    return ChildJvm.launch(command, env, runDir, log);
  }
}
