package dev.outbox.notifier.store;

/** The delivery log could not be read or written (database down, connection lost). */
public class DeliveryStoreException extends RuntimeException {

  public DeliveryStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
