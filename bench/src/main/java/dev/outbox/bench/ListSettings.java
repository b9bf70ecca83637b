package dev.outbox.bench;

import dev.outbox.config.Setting;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The comma-separated forms of the harness's settings: names, numbers, {@code K=V} pairs. */
public final class ListSettings {

  private ListSettings() {}

  /** {@code a,b,c}, blanks around the commas and empty entries dropped. */
  public static Setting<List<String>> texts(String name) {
    return Setting.custom(name, ListSettings::split);
  }

  /** {@code 100,1000,5000}: whole numbers of at least 1. */
  public static Setting<List<Integer>> positiveIntegers(String name) {
    return Setting.custom(
        name, text -> split(text).stream().map(ListSettings::positiveInteger).toList());
  }

  /** {@code K=V,K2=V2} as a map in their order. */
  public static Setting<Map<String, String>> pairs(String name) {
    return Setting.custom(
        name,
        text -> {
          Map<String, String> pairs = new LinkedHashMap<>();
          for (String pair : split(text)) {
            int eq = pair.indexOf('=');
            if (eq < 1) {
              throw new IllegalArgumentException(
                  "must be K=V pairs separated by commas, got '" + pair + "'");
            }
            pairs.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
          }
          return pairs;
        });
  }

  private static int positiveInteger(String entry) {
    try {
      int value = Integer.parseInt(entry);
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below, with the entry
    }
    throw new IllegalArgumentException(
        "must be positive whole numbers separated by commas, got '" + entry + "'");
  }

  private static List<String> split(String text) {
    return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
