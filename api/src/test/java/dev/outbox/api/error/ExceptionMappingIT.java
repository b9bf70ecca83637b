package dev.outbox.api.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbox.api.ApiServer;
import dev.outbox.core.domain.DomainException;
import dev.outbox.testing.HttpTestClient;
import dev.outbox.testing.HttpTestClient.Response;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** What leaves the server when a handler fails: a problem, and never the failure's own text. */
class ExceptionMappingIT {

  /** A refusal core might add later, unknown to the mapping. */
  static final class NewRefusal extends DomainException {
    NewRefusal() {
      super("Order 42 cannot be frobnicated");
    }
  }

  static final ApiServer server =
      new ApiServer(
              0,
              List.of(
                  routes -> {
                    routes.get(
                        "/bug",
                        ctx -> {
                          throw new IllegalStateException(
                              "select * from users where password = 'hunter2'");
                        });
                    routes.get(
                        "/bug-in-page",
                        ctx -> {
                          ctx.attribute(ExceptionMapping.ANSWER_AS_HTML, true);
                          throw new IllegalStateException("<script>alert(1)</script>");
                        });
                    routes.get(
                        "/refusal",
                        ctx -> {
                          throw new NewRefusal();
                        });
                  }))
          .start();
  static final HttpTestClient http = new HttpTestClient(server.port());

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void a_bug_is_a_generic_500_problem_without_its_message() {
    Response response = http.get("/bug");

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("detail").asText())
        .isEqualTo("The request could not be completed");
    assertThat(response.body())
        .doesNotContain("select", "hunter2", "IllegalStateException", "at dev.");
  }

  @Test
  void a_bug_behind_a_page_route_is_a_generic_html_page() {
    Response response = http.get("/bug-in-page");

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.contentType()).startsWith("text/html");
    assertThat(response.body()).contains("Something went wrong").doesNotContain("script");
  }

  @Test
  void headers_too_large_for_jetty_are_a_431_problem() {
    Response response = http.get("/bug", "X-Padding", "p".repeat(20_000));

    assertThat(response.status()).isEqualTo(431);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("status").asInt()).isEqualTo(431);
  }

  @Test
  void an_unmapped_domain_refusal_is_a_422_not_a_500() {
    Response response = http.get("/refusal");

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().get("detail").asText()).isEqualTo("Order 42 cannot be frobnicated");
  }
}
