package dev.outbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/outbox, run with a stand-in {@code java} (JAVA_HOME pointing at a script that prints its
 * arguments): the relay gets the options file compose and the benchmark use, every other command
 * the JVM's defaults, OUTBOX_JAVA_OPTS comes after the file, and the arguments reach the jar as
 * given.
 */
class LauncherTest {

  @TempDir Path dir;

  @Test
  void the_relay_runs_with_the_relay_options_file() throws Exception {
    assertThat(launch("", "relay"))
        .containsExactly(
            "@" + Repository.root().resolve("docker/relay-jvm.options"),
            "-jar",
            jar().toString(),
            "relay");
  }

  @Test
  void the_command_is_found_after_the_env_file_option() throws Exception {
    assertThat(launch("", "--env-file", "prod.env", "relay"))
        .startsWith("@" + Repository.root().resolve("docker/relay-jvm.options"))
        .endsWith("--env-file", "prod.env", "relay");
  }

  @Test
  void other_commands_run_at_the_jvm_defaults_and_extra_options_come_last() throws Exception {
    assertThat(launch("-Xmx200m -Dx=1", "status", "--help"))
        .containsExactly("-Xmx200m", "-Dx=1", "-jar", jar().toString(), "status", "--help");
    assertThat(launch("-Xmx200m", "relay").subList(0, 2))
        .containsExactly("@" + Repository.root().resolve("docker/relay-jvm.options"), "-Xmx200m");
  }

  private Path jar() {
    return dir.resolve("outbox.jar");
  }

  /** Runs bin/outbox with {@code args}; returns the arguments its stand-in java received. */
  private List<String> launch(String javaOpts, String... args) throws Exception {
    Path bin = Files.createDirectories(dir.resolve("jdk/bin"));
    Path java = bin.resolve("java");
    Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    if (!Files.exists(jar())) {
      Files.createFile(jar());
    }
    List<String> command = new ArrayList<>(List.of("bash", "bin/outbox"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(Repository.root().toFile());
    pb.environment().put("JAVA_HOME", dir.resolve("jdk").toString());
    pb.environment().put("OUTBOX_JAR", jar().toString());
    pb.environment().put("OUTBOX_JAVA_OPTS", javaOpts);
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("bin/outbox did not finish");
    }
    assertThat(p.exitValue()).as(out).isZero();
    return out.lines().toList();
  }
}
