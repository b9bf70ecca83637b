package dev.outbox.config;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The declaration of one environment variable: its name, default, meaning, the roles that read it,
 * whether it is a secret, and how its text becomes a value. Declared as a constant next to the code
 * that reads it, in the manner of Debezium's {@code Field.create(...).withDefault(...)}; the
 * configuration reference is the union of these declarations ({@link #declaredIn}).
 *
 * <p>Immutable: each {@code with*} returns a new declaration.
 *
 * @param <T> the value's type
 */
public final class Setting<T> {

  private final String name;
  private final Function<String, T> parser;
  private final String defaultText;
  private final String description;
  private final boolean secret;
  private final Set<Role> roles;

  private Setting(
      String name,
      Function<String, T> parser,
      String defaultText,
      String description,
      boolean secret,
      Set<Role> roles) {
    this.name = Objects.requireNonNull(name, "name");
    this.parser = parser;
    this.defaultText = defaultText;
    this.description = description;
    this.secret = secret;
    this.roles = roles;
  }

  /**
   * A setting whose text {@code parser} turns into a value; it throws {@link
   * IllegalArgumentException} with a message that completes "NAME ..." and never echoes a secret.
   */
  public static <T> Setting<T> custom(String name, Function<String, T> parser) {
    return new Setting<>(name, parser, null, "", false, Set.of());
  }

  /** Any text (trimmed). */
  public static Setting<String> text(String name) {
    return custom(name, text -> text);
  }

  /** A whole number of at least {@code min}. */
  public static Setting<Integer> integer(String name, int min) {
    return integer(name, min, Integer.MAX_VALUE);
  }

  /** A whole number from {@code min} to {@code max}. */
  public static Setting<Integer> integer(String name, int min, int max) {
    return custom(name, text -> (int) Parsers.wholeNumber(text, min, max));
  }

  /** A whole number of at least {@code min}, as a long. */
  public static Setting<Long> longValue(String name, long min) {
    return custom(name, text -> Parsers.wholeNumber(text, min, Long.MAX_VALUE));
  }

  /** A TCP port; 0 means "any free one" or "off", as the setting's description says. */
  public static Setting<Integer> port(String name) {
    return integer(name, 0, 65_535);
  }

  /** A duration in the one syntax of {@link Durations}; never negative. */
  public static Setting<Duration> duration(String name) {
    return custom(name, text -> Parsers.duration(name, text));
  }

  /** {@code true} or {@code false}, in any case. */
  public static Setting<Boolean> bool(String name) {
    return custom(name, Parsers::bool);
  }

  /** One of {@code type}'s constants, named in any case. */
  public static <E extends Enum<E>> Setting<E> choice(String name, Class<E> type) {
    return custom(name, text -> Parsers.choice(type, text));
  }

  /** A lower-case SQL identifier of 1-63 characters (slot and publication names). */
  public static Setting<String> identifier(String name) {
    return custom(name, Parsers::sqlIdentifier);
  }

  /** An absolute http or https URL. */
  public static Setting<URI> httpUrl(String name) {
    return custom(name, Parsers::httpUrl);
  }

  /** The same declaration with a default, written as an operator would write the value. */
  public Setting<T> withDefault(String text) {
    return new Setting<>(name, parser, text, description, secret, roles);
  }

  /** The same declaration with its meaning, as the reference table shows it. */
  public Setting<T> withDescription(String text) {
    return new Setting<>(name, parser, defaultText, text, secret, roles);
  }

  /** The same declaration, read by these roles. */
  public Setting<T> readBy(Role first, Role... more) {
    return new Setting<>(name, parser, defaultText, description, secret, EnumSet.of(first, more));
  }

  /**
   * A secret: also readable from the file named by {@code <NAME>_FILE} (the container convention),
   * and never shown in logs or errors. A declared default is public knowledge (the broker's {@code
   * guest} account) and is shown.
   */
  public Setting<T> asSecret() {
    return new Setting<>(name, parser, defaultText, description, true, roles);
  }

  /** The same declaration, refusing values for which {@code valid} is false with {@code rule}. */
  public Setting<T> validatedBy(Predicate<T> valid, String rule) {
    Function<String, T> checked =
        parser.andThen(
            value -> {
              if (!valid.test(value)) {
                throw new IllegalArgumentException(rule);
              }
              return value;
            });
    return new Setting<>(name, checked, defaultText, description, secret, roles);
  }

  public String name() {
    return name;
  }

  /** The default as text, or {@code null} when there is none. */
  public String defaultText() {
    return defaultText;
  }

  public String description() {
    return description;
  }

  public boolean isSecret() {
    return secret;
  }

  public Set<Role> roles() {
    return roles;
  }

  /** {@code NAME_FILE}: where a secret may be read from instead. */
  public String fileVariable() {
    return name + "_FILE";
  }

  /**
   * The value of {@code text}.
   *
   * @throws IllegalArgumentException with a message that does not start with the name and, for a
   *     secret, does not contain the value
   */
  T parse(String text) {
    String value = text.trim();
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException e) {
      if (secret && String.valueOf(e.getMessage()).contains(value)) {
        throw new IllegalArgumentException("is not valid (the value is a secret, not shown)");
      }
      throw e;
    }
  }

  /**
   * Every {@code static final Setting} field of {@code types}, in declaration order: a role's
   * record lists its keys once, as constants, and this makes them a list.
   */
  public static List<Setting<?>> declaredIn(Class<?>... types) {
    List<Setting<?>> settings = new ArrayList<>();
    for (Class<?> type : types) {
      for (Field field : type.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        if (Modifier.isStatic(modifiers)
            && Modifier.isFinal(modifiers)
            && field.getType() == Setting.class) {
          try {
            field.setAccessible(true);
            settings.add((Setting<?>) field.get(null));
          } catch (IllegalAccessException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + type.getName() + "." + field, e);
          }
        }
      }
    }
    return List.copyOf(settings);
  }

  @Override
  public String toString() {
    return name;
  }
}
