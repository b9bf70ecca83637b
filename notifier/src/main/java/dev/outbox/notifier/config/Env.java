package dev.outbox.notifier.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** Typed reads of environment variables; every error names the variable. */
final class Env {

  private final Map<String, String> env;

  Env(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  String get(String name, String fallback) {
    String value = env.get(name);
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  String required(String name, String why) {
    String value = get(name, null);
    if (value == null) {
      throw new IllegalArgumentException(name + " is required " + why);
    }
    return value;
  }

  int positiveInt(String name, int fallback) {
    String value = get(name, null);
    if (value == null) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed < 1) {
        throw new IllegalArgumentException(name + " must be at least 1, got " + value);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got " + value, e);
    }
  }

  Duration millis(String name, long fallbackMillis) {
    return Duration.ofMillis(positiveInt(name, (int) fallbackMillis));
  }

  boolean bool(String name, boolean fallback) {
    String value = get(name, null);
    if (value == null) {
      return fallback;
    }
    if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
      throw new IllegalArgumentException(name + " must be true or false, got " + value);
    }
    return Boolean.parseBoolean(value);
  }

  URI httpUrl(String name, String fallback) {
    String value = get(name, fallback);
    URI uri;
    try {
      uri = URI.create(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + " is not a URL: " + value, e);
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      throw new IllegalArgumentException(name + " must be an http(s) URL, got " + value);
    }
    return uri;
  }

  <E extends Enum<E>> E choice(String name, Class<E> type, E fallback) {
    String value = get(name, fallback.name());
    for (E candidate : type.getEnumConstants()) {
      if (candidate.name().equalsIgnoreCase(value)) {
        return candidate;
      }
    }
    throw new IllegalArgumentException(
        name
            + " must be one of "
            + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(java.util.Locale.ROOT)
            + ", got "
            + value);
  }
}
