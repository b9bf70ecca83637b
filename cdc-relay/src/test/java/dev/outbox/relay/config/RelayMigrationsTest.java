package dev.outbox.relay.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RelayMigrationsTest {

  private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.*\\.sql");

  @Test
  void the_latest_version_is_the_newest_migration_shipped() throws IOException, URISyntaxException {
    Path dir = Path.of(RelayMigrations.class.getResource("/db/migration/relay").toURI());
    int newest;
    try (Stream<Path> files = Files.list(dir)) {
      newest =
          files
              .map(f -> VERSIONED.matcher(f.getFileName().toString()))
              .filter(Matcher::matches)
              .mapToInt(m -> Integer.parseInt(m.group(1)))
              .max()
              .orElseThrow();
    }

    assertThat(RelayMigrations.LATEST_VERSION).isEqualTo(Integer.toString(newest));
  }
}
