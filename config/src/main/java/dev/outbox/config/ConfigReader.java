package dev.outbox.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Reads declared {@link Setting}s from an {@link Environment} and collects every problem instead of
 * stopping at the first, so a start-up with three bad values names all three.
 *
 * <p>A value that cannot be read is recorded and its default is returned in its place, so the
 * caller can go on building its records; {@link #finish()} then throws one {@link ConfigException}
 * with every problem. Callers must call {@code finish()} before they use what they read. {@link
 * #read(Environment, Function)} does both.
 */
public final class ConfigReader {

  private final Environment environment;
  private final List<String> problems = new ArrayList<>();

  public ConfigReader(Environment environment) {
    this.environment = environment;
  }

  /**
   * Runs {@code reader} and throws every problem it met.
   *
   * @throws ConfigException naming each missing or malformed variable
   */
  public static <T> T read(Environment environment, Function<ConfigReader, T> reader) {
    ConfigReader config = new ConfigReader(environment);
    T value = config.build(reader);
    config.finish();
    return value;
  }

  /**
   * The value of {@code setting}, or its default when unset or blank; {@code null} when it has no
   * default and is unset (see {@link #optional} and {@link #required} for those).
   */
  public <T> T get(Setting<T> setting) {
    return optional(setting).orElseGet(() -> defaultOf(setting));
  }

  /** The value of {@code setting} when set (or, for a secret, its file); empty otherwise. */
  public <T> Optional<T> optional(Setting<T> setting) {
    Optional<String> text = text(setting);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(setting.parse(text.get()));
    } catch (IllegalArgumentException e) {
      problem(setting.name() + " " + e.getMessage());
      return Optional.ofNullable(defaultOf(setting));
    }
  }

  /**
   * The value of {@code setting}, which must be set; {@code why} completes "NAME is required ...".
   * Records a problem and returns {@code null} when it is not.
   */
  public <T> T required(Setting<T> setting, String why) {
    Optional<T> value = optional(setting);
    if (value.isEmpty() && setting.defaultText() == null && text(setting).isEmpty()) {
      problem(
          setting.name()
              + " is required "
              + why
              + (setting.isSecret() ? " (or " + setting.fileVariable() + ")" : ""));
    }
    return value.orElseGet(() -> defaultOf(setting));
  }

  /**
   * Every set variable whose name starts with {@code prefix}, for a library that reads a family of
   * variables by its own names (OpenTelemetry's {@code OTEL_*}); the ones the project documents are
   * still declared as {@link Setting}s and read through {@link #get}.
   */
  public Map<String, String> variablesStartingWith(String prefix) {
    Map<String, String> found = new TreeMap<>();
    environment.asMap().keySet().stream()
        .filter(name -> name.startsWith(prefix))
        .forEach(name -> environment.value(name).ifPresent(value -> found.put(name, value)));
    return found;
  }

  /** Records {@code problem} unless {@code holds}; for rules that span several settings. */
  public void check(boolean holds, String problem) {
    if (!holds) {
      problem(problem);
    }
  }

  /**
   * Runs a record's constructor: a rule it enforces itself becomes a problem, and one that fails
   * only because an earlier problem left a value missing is not reported twice.
   */
  public <T> T build(Function<ConfigReader, T> reader) {
    int before = problems.size();
    try {
      return reader.apply(this);
    } catch (IllegalArgumentException | NullPointerException e) {
      if (problems.size() == before) {
        problem(String.valueOf(e.getMessage()));
      }
      return null;
    }
  }

  /**
   * Throws the problems met so far, all at once.
   *
   * @throws ConfigException when there is at least one
   */
  public void finish() {
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }

  private void problem(String text) {
    if (!problems.contains(text)) {
      problems.add(text);
    }
  }

  private Optional<String> text(Setting<?> setting) {
    Optional<String> direct = environment.value(setting.name());
    if (!setting.isSecret()) {
      return direct;
    }
    Optional<String> file = environment.value(setting.fileVariable());
    if (file.isEmpty()) {
      return direct;
    }
    if (direct.isPresent()) {
      problem(
          "set either "
              + setting.name()
              + " or "
              + setting.fileVariable()
              + ", not both (they may disagree)");
      return direct;
    }
    return fileContent(setting, Path.of(file.get()));
  }

  private Optional<String> fileContent(Setting<?> setting, Path path) {
    try {
      // A trailing newline is how editors and `echo` end files; it is not part of the secret.
      String content = Files.readString(path, StandardCharsets.UTF_8).strip();
      return content.isEmpty() ? Optional.empty() : Optional.of(content);
    } catch (NoSuchFileException e) {
      problem(setting.fileVariable() + " names " + path + ", which does not exist");
    } catch (IOException e) {
      problem(setting.fileVariable() + " names " + path + ", which cannot be read: " + e);
    }
    return Optional.empty();
  }

  private <T> T defaultOf(Setting<T> setting) {
    // Declared defaults are the project's own text: a bad one is a bug, not an operator error.
    return setting.defaultText() == null ? null : setting.parse(setting.defaultText());
  }
}
