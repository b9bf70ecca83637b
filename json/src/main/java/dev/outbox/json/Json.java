package dev.outbox.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one Jackson configuration of the project. Everything that writes or reads JSON (outbox
 * payloads, AMQP message bodies, REST bodies) takes its mapper from here, so the wire format is
 * decided in one place: snake_case fields, ISO-8601 instants, BigDecimal kept exact (never a
 * double), unknown fields ignored when reading.
 *
 * <p>This module holds no domain types; the message contract stays duplicated on purpose between
 * the producer (core) and the consumer (notifier).
 */
public final class Json {

  private static final ObjectMapper MAPPER = newMapper();

  private Json() {}

  /** The shared, thread-safe mapper. Do not reconfigure it; call {@link #newMapper()} instead. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** A fresh mapper with the project's configuration, for callers that must tune it further. */
  public static ObjectMapper newMapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .addModule(new Jdk8Module())
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .build();
  }
}
