package dev.outbox.api.request;

/** Field names echoed back in errors come from the client: keep them short and printable. */
final class FieldNames {

  private static final int MAX_ECHOED = 64;

  private FieldNames() {}

  static String shortened(String name) {
    String printable = name.replaceAll("[^\\x20-\\x7E]", "?");
    return printable.length() <= MAX_ECHOED
        ? printable
        : printable.substring(0, MAX_ECHOED) + "...";
  }
}
