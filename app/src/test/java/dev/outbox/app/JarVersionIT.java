package dev.outbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shaded jar's --version, read from the Implementation-Version its manifest carries. */
class JarVersionIT {

  @Test
  void the_jar_prints_the_project_version_from_its_manifest() throws Exception {
    StringBuilder output = new StringBuilder();

    int code = JarProcess.run(Map.of(), output, "--version");

    assertThat(code).isZero();
    assertThat(output.toString()).matches("outbox \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\n");
  }
}
