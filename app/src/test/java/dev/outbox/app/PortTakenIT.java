package dev.outbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbox.config.ExitCodes;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A role whose port another process holds stops at start-up with one line naming the variable and
 * the port, the configuration exit code and no stack trace: outbox.jar as its own process, the port
 * held by this test.
 */
class PortTakenIT {

  private static TestEnv test;

  @BeforeAll
  static void migrate() {
    test = new TestEnv("app_port_taken");
    assertThat(Cli.run(test.env(), "migrate").exitCode()).isZero();
  }

  @AfterAll
  static void cleanUp() throws Exception {
    test.close();
  }

  @Test
  void a_taken_metrics_port_stops_the_relay_naming_metrics_port() throws Exception {
    assertStopsNaming("relay", "METRICS_PORT");
  }

  @Test
  void a_taken_metrics_port_stops_the_notifier_naming_metrics_port() throws Exception {
    assertStopsNaming("notifier", "METRICS_PORT");
  }

  @Test
  void a_taken_http_port_stops_the_api_naming_http_port() throws Exception {
    assertStopsNaming("api", "HTTP_PORT");
  }

  private static void assertStopsNaming(String role, String variable) throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(0));
      int port = taken.getLocalPort();
      StringBuilder output = new StringBuilder();

      int code =
          JarProcess.run(
              test.env(variable, String.valueOf(port), "EMAIL_VERIFICATION_SECRET", TestEnv.SECRET),
              output,
              role);

      assertThat(code).as(output.toString()).isEqualTo(ExitCodes.CONFIG);
      assertThat(output)
          .contains(
              "outbox "
                  + role
                  + ": configuration error: "
                  + variable
                  + " "
                  + port
                  + " is already in use")
          .doesNotContain("\tat ")
          .doesNotContain("Exception");
    }
  }
}
