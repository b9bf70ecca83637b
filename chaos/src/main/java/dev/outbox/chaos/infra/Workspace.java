package dev.outbox.chaos.infra;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where a run keeps its things: {@code data} (a temporary directory for the private PostgreSQL
 * cluster and RabbitMQ node, deleted at the end) and {@code out} (logs of every process and the
 * report, kept for reading after the run).
 */
public final class Workspace implements AutoCloseable {

  private final Path data;
  private final Path out;
  private final Teardown teardown;

  private Workspace(Path data, Path out) throws IOException {
    this.data = data;
    this.out = out;
    this.teardown = new Teardown(out.resolve("teardown.sh"), data);
  }

  public static Workspace create(Path out) throws IOException {
    Files.createDirectories(out.resolve("logs"));
    Path data = Files.createTempDirectory("outbox-chaos-");
    // the service users must reach their directories inside it
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
    return new Workspace(data, out);
  }

  /** A new directory under the temporary data directory, owned by {@code user}. */
  public Path ownedDirectory(String name, String user) throws IOException {
    Path dir = Files.createDirectories(data.resolve(name));
    UserPrincipal owner =
        FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(user);
    Files.setOwner(dir, owner);
    return dir;
  }

  public Path data() {
    return data;
  }

  /** The log file of {@code name} (a process incarnation or a service). */
  public Path log(String name) {
    return out.resolve("logs").resolve(name.replace('#', '.') + ".log");
  }

  public Path out() {
    return out;
  }

  public Teardown teardown() {
    return teardown;
  }

  /** Deletes the data directory (the logs stay). */
  @Override
  public void close() throws IOException {
    try (Stream<Path> files = Files.walk(data)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
