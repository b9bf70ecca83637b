package dev.outbox.notifier.dispatch;

/**
 * A template could not be rendered (a variable it needs is missing, a syntax error): the
 * notification can never be sent as it is, so it fails permanently.
 */
public class TemplateFailure extends RuntimeException {

  public TemplateFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
