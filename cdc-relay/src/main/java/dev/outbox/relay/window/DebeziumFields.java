package dev.outbox.relay.window;

import java.lang.reflect.Field;

/**
 * Reads and opens Debezium's private fields for the per-event costs the relay turns off after a
 * task's start ({@link LastEventSummary}, {@link InlineLagMeasurement}); each caller names the
 * 3.6.1 field and falls back to Debezium's behaviour when it is not there.
 */
final class DebeziumFields {

  private DebeziumFields() {}

  /** The non-null value of {@code owner.name} in {@code target}. */
  static Object read(Class<?> owner, String name, Object target)
      throws ReflectiveOperationException {
    Object value = field(owner, name).get(target);
    if (value == null) {
      throw new NoSuchFieldException(owner.getSimpleName() + "." + name + " is not set");
    }
    return value;
  }

  /** {@code owner.name}, accessible. */
  static Field field(Class<?> owner, String name) throws NoSuchFieldException {
    Field field = owner.getDeclaredField(name);
    field.setAccessible(true);
    return field;
  }
}
