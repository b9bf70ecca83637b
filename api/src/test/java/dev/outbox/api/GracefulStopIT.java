package dev.outbox.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Stopping the server lets a request in flight finish before stop() returns. */
class GracefulStopIT {

  @Test
  void stop_waits_for_the_request_in_flight_and_refuses_new_connections_meanwhile()
      throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ApiServer server =
        new ApiServer(
                0,
                List.of(
                    routes ->
                        routes.get(
                            "/slow",
                            ctx -> {
                              entered.countDown();
                              assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
                              ctx.result("finished");
                            })))
            .start();
    int port = server.port();
    HttpClient client = HttpClient.newHttpClient();
    CompletableFuture<HttpResponse<String>> inFlight =
        client.sendAsync(request(port, "/slow"), HttpResponse.BodyHandlers.ofString());
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Void> stopped = CompletableFuture.runAsync(server::stop);
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThatThrownBy(
                        () ->
                            HttpClient.newHttpClient()
                                .send(request(port, "/slow"), HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(IOException.class));
    assertThat(stopped).isNotDone();
    assertThat(inFlight).isNotDone();

    release.countDown();

    HttpResponse<String> response = inFlight.get(10, TimeUnit.SECONDS);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("finished");
    stopped.get(10, TimeUnit.SECONDS);
  }

  private static HttpRequest request(int port, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30))
        .build();
  }
}
