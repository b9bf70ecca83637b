package dev.outbox.app;

import dev.outbox.config.Role;
import dev.outbox.config.Setting;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The configuration reference as text, from the settings' declarations: the README's table and
 * {@code .env.example}. Declarations are merged by name: a setting shared by several roles (the
 * same constant in each role's list) is one row, read by the union of their roles; two different
 * declarations of one name must agree on default and secrecy.
 */
final class ReferenceText {

  private static final Set<Role> ALL_ROLES = EnumSet.of(Role.API, Role.RELAY, Role.NOTIFIER);

  /** One row: a variable, its default as the operator writes it (empty: none), who reads it. */
  record Variable(
      String name, String defaultText, Set<Role> roles, String meaning, boolean secret) {

    static Variable of(Setting<?> setting) {
      return new Variable(
          setting.name(),
          setting.defaultText() == null ? "" : setting.defaultText(),
          setting.roles().isEmpty() ? Set.of() : EnumSet.copyOf(setting.roles()),
          setting.description(),
          setting.isSecret());
    }

    /** This row read by {@code other}'s roles too. */
    Variable and(Variable other) {
      if (!defaultText.equals(other.defaultText) || secret != other.secret) {
        throw new IllegalStateException(
            name + " is declared twice, with different defaults or secrecy: declare it once");
      }
      Set<Role> union = EnumSet.noneOf(Role.class);
      union.addAll(roles);
      union.addAll(other.roles);
      return new Variable(
          name, defaultText, union, meaning.isEmpty() ? other.meaning : meaning, secret);
    }

    /** The value {@code .env.example} gives: the default, none for a computed one. */
    String exampleValue() {
      return defaultText.startsWith("{") ? "" : defaultText;
    }

    /** {@code api, relay}; the three roles together are "all roles", commands are "cli". */
    String readBy() {
      if (!roles.containsAll(ALL_ROLES)) {
        return roles.stream().map(Role::label).collect(Collectors.joining(", "));
      }
      return roles.contains(Role.CLI) ? "all roles, cli" : "all roles";
    }

    String meaningText() {
      return meaning + (secret ? " (secret)" : "");
    }
  }

  /** A titled part of {@code .env.example}, and the declarations it starts with. */
  record Group(String title, List<Setting<?>> settings) {}

  /** The rows of one group, each variable in the first group that declares it. */
  record Section(String title, List<Variable> variables) {}

  private ReferenceText() {}

  /** The groups merged by name, in their order; a group left empty is dropped. */
  static List<Section> sections(List<Group> groups) {
    Map<String, Variable> merged = new LinkedHashMap<>();
    Map<String, String> firstGroup = new LinkedHashMap<>();
    for (Group group : groups) {
      for (Setting<?> setting : group.settings()) {
        Variable variable = Variable.of(setting);
        merged.merge(setting.name(), variable, Variable::and);
        firstGroup.putIfAbsent(setting.name(), group.title());
      }
    }
    List<Section> sections = new ArrayList<>();
    for (Group group : groups) {
      List<Variable> rows =
          merged.values().stream()
              .filter(v -> firstGroup.get(v.name()).equals(group.title()))
              .toList();
      if (!rows.isEmpty()) {
        sections.add(new Section(group.title(), rows));
      }
    }
    return sections;
  }

  /** The README's table: variable, default, read by, meaning. */
  static String markdownTable(List<Section> sections) {
    StringBuilder table = new StringBuilder("| variable | default | read by | meaning |\n");
    table.append("|---|---|---|---|\n");
    for (Section section : sections) {
      for (Variable v : section.variables()) {
        table
            .append("| `")
            .append(v.name())
            .append("` | ")
            .append(v.defaultText().isEmpty() ? "" : "`" + v.defaultText() + "`")
            .append(" | ")
            .append(v.readBy())
            .append(" | ")
            .append(v.meaningText().replace("|", "\\|"))
            .append(" |\n");
      }
    }
    return table.toString();
  }

  /** {@code .env.example}: a header, then per section its title and each variable's line. */
  static String envFile(String header, List<Section> sections) {
    StringBuilder file = new StringBuilder(header);
    for (Section section : sections) {
      file.append("\n# ").append(section.title()).append('\n');
      for (Variable v : section.variables()) {
        file.append("# ").append(v.meaningText()).append('\n');
        file.append(v.name()).append('=').append(v.exampleValue()).append('\n');
      }
    }
    return file.toString();
  }
}
