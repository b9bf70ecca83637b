package dev.outbox.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbox.config.Role;
import dev.outbox.config.Setting;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reference's text from declarations, on a small made-up set of them. */
class ReferenceTextTest {

  private static final Setting<String> URL =
      Setting.text("SHOP_URL")
          .withDefault("jdbc:x")
          .withDescription("where | it is")
          .readBy(Role.API, Role.RELAY, Role.NOTIFIER, Role.CLI);
  private static final Setting<String> TOKEN =
      Setting.text("SHOP_TOKEN").asSecret().withDescription("the token").readBy(Role.API);
  private static final Setting<Integer> PORT =
      Setting.port("SHOP_PORT").withDefault("80").withDescription("port").readBy(Role.RELAY);
  private static final Setting<Integer> SAME_PORT =
      Setting.port("SHOP_PORT").withDefault("80").withDescription("").readBy(Role.NOTIFIER);
  private static final Setting<String> CALLBACK =
      Setting.text("SHOP_CALLBACK")
          .withDefault("{SHOP_URL}/callback")
          .withDescription("computed")
          .readBy(Role.NOTIFIER);

  private final List<ReferenceText.Section> sections =
      ReferenceText.sections(
          List.of(
              new ReferenceText.Group("Shared", List.of(URL)),
              new ReferenceText.Group("Api", List.of(URL, TOKEN)),
              new ReferenceText.Group("Relay", List.of(URL, PORT)),
              new ReferenceText.Group("Notifier", List.of(SAME_PORT, CALLBACK))));

  @Test
  void a_shared_declaration_is_one_row_in_the_first_group_that_lists_it() {
    assertThat(sections)
        .extracting(ReferenceText.Section::title)
        .containsExactly("Shared", "Api", "Relay", "Notifier");
    assertThat(sections.get(0).variables())
        .extracting(ReferenceText.Variable::name)
        .containsExactly("SHOP_URL");
    assertThat(sections.get(3).variables())
        .extracting(ReferenceText.Variable::name)
        .containsExactly("SHOP_CALLBACK");
  }

  @Test
  void two_declarations_of_one_name_are_read_by_the_union_of_their_roles() {
    ReferenceText.Variable port = sections.get(2).variables().get(0);

    assertThat(port.roles()).containsExactlyInAnyOrder(Role.RELAY, Role.NOTIFIER);
    assertThat(port.meaning()).isEqualTo("port");
  }

  @Test
  void declarations_of_one_name_that_disagree_are_refused() {
    Setting<Integer> otherDefault = Setting.port("SHOP_PORT").withDefault("81");

    assertThatThrownBy(
            () ->
                ReferenceText.sections(
                    List.of(new ReferenceText.Group("A", List.of(PORT, otherDefault)))))
        .hasMessageContaining("SHOP_PORT is declared twice");
  }

  @Test
  void the_table_has_a_row_per_variable_with_secrets_marked() {
    assertThat(ReferenceText.markdownTable(sections))
        .isEqualTo(
            """
            | variable | default | read by | meaning |
            |---|---|---|---|
            | `SHOP_URL` | `jdbc:x` | all roles, cli | where \\| it is |
            | `SHOP_TOKEN` |  | api | the token (secret) |
            | `SHOP_PORT` | `80` | relay, notifier | port |
            | `SHOP_CALLBACK` | `{SHOP_URL}/callback` | notifier | computed |
            """);
  }

  @Test
  void the_env_file_gives_each_default_and_leaves_secrets_and_computed_defaults_empty() {
    assertThat(ReferenceText.envFile("# header\n", sections))
        .isEqualTo(
            """
            # header

            # Shared
            # where | it is
            SHOP_URL=jdbc:x

            # Api
            # the token (secret)
            SHOP_TOKEN=

            # Relay
            # port
            SHOP_PORT=80

            # Notifier
            # computed
            SHOP_CALLBACK=
            """);
  }
}
