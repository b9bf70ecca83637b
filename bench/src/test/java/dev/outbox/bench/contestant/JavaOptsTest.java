package dev.outbox.bench.contestant;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaOptsTest {

  @Test
  void splits_on_blanks() {
    assertThat(JavaOpts.split("  -Xmx1g   -Dx=y ")).containsExactly("-Xmx1g", "-Dx=y");
    assertThat(JavaOpts.split("")).isEmpty();
  }

  @Test
  void expands_an_argument_file_without_its_comments(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("jvm.options");
    Files.writeString(file, "# heap\n-Xms64m -Xmx128m\n\n-XX:+UseSerialGC # collector\n");

    assertThat(JavaOpts.split("-Da=b @" + file + " -Dc=d"))
        .containsExactly("-Da=b", "-Xms64m", "-Xmx128m", "-XX:+UseSerialGC", "-Dc=d");
  }
}
