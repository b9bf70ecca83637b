package dev.outbox.chaos.observe;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Parses one line of PostgreSQL's {@code test_decoding} output, e.g. {@code table
 * public.outbox_events: INSERT: id[uuid]:'0190…' aggregate_type[character varying]:'user'
 * payload[jsonb]:'{"a": "it''s"}' published_at[timestamp with time zone]:null
 * retry_count[integer]:0}: columns are {@code name[type]:value}, a value is {@code null}, a quoted
 * literal with {@code ''} for a quote, or a bare token; types may contain spaces and brackets
 * ({@code text[]}).
 */
final class TestDecodingLine {

  private TestDecodingLine() {}

  /** The columns of an INSERT into {@code table} (e.g. public.outbox_events), else empty. */
  static Optional<Map<String, String>> insertInto(String table, String line) {
    String prefix = "table " + table + ": INSERT: ";
    if (!line.startsWith(prefix)) {
      return Optional.empty();
    }
    return Optional.of(columns(line, prefix.length()));
  }

  private static Map<String, String> columns(String line, int from) {
    Map<String, String> columns = new LinkedHashMap<>();
    int i = from;
    while (i < line.length()) {
      int open = line.indexOf('[', i);
      int close = line.indexOf("]:", open);
      if (open < 0 || close < 0) {
        throw new IllegalArgumentException("not a test_decoding column at " + i + ": " + line);
      }
      Value value = value(line, close + 2);
      columns.put(line.substring(i, open), value.text());
      i = value.end();
      while (i < line.length() && line.charAt(i) == ' ') {
        i++;
      }
    }
    return columns;
  }

  /** One column's value (null for SQL NULL) and the index just after it. */
  private record Value(String text, int end) {}

  private static Value value(String line, int i) {
    if (line.startsWith("null", i) && (i + 4 == line.length() || line.charAt(i + 4) == ' ')) {
      return new Value(null, i + 4);
    }
    if (line.charAt(i) != '\'') {
      int end = line.indexOf(' ', i);
      end = end < 0 ? line.length() : end;
      return new Value(line.substring(i, end), end);
    }
    return quoted(line, i + 1);
  }

  private static Value quoted(String line, int from) {
    StringBuilder out = new StringBuilder();
    int j = from;
    while (j < line.length()) {
      char c = line.charAt(j);
      if (c == '\'' && j + 1 < line.length() && line.charAt(j + 1) == '\'') {
        out.append('\'');
        j += 2;
      } else if (c == '\'') {
        return new Value(out.toString(), j + 1);
      } else {
        out.append(c);
        j++;
      }
    }
    throw new IllegalArgumentException("unterminated literal in: " + line);
  }
}
