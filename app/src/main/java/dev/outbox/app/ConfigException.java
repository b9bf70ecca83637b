package dev.outbox.app;

/** A configuration variable (or the env file) is missing or malformed; the message names it. */
final class ConfigException extends RuntimeException {

  ConfigException(String message) {
    super(message);
  }

  ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
