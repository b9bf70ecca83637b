package dev.outbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shaded jar's --version, read from the Implementation-Version its manifest carries. */
class JarVersionIT {

  @ParameterizedTest
  @ValueSource(strings = {"--version", "dlq list --version"})
  void the_jar_prints_the_project_version_from_its_manifest(String line) throws Exception {
    StringBuilder output = new StringBuilder();

    int code = JarProcess.run(Map.of(), output, line.split(" "));

    assertThat(code).isZero();
    assertThat(output.toString()).matches("outbox \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\n");
  }
}
