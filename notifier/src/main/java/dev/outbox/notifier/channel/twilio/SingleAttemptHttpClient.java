package dev.outbox.notifier.channel.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.twilio.exception.ApiException;
import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import dev.outbox.json.Json;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * The Twilio SDK's transport with every retry switched off, pointed at a configurable base URL.
 * Left alone the SDK retries 5xx three times and Apache HttpClient 5 retries 503/429 once more: one
 * {@code create()} became 6 POSTs against a server answering 503, and each of them may have sent
 * the SMS. Here one call is one request; retries happen only in the notifier's state machine.
 */
final class SingleAttemptHttpClient extends HttpClient {

  private static final String TWILIO_API = "https://api.twilio.com";

  private final NetworkHttpClient network;
  private final String baseUrl;

  SingleAttemptHttpClient(URI baseUrl, Duration timeout) {
    this.baseUrl = baseUrl.toString().replaceAll("/+$", "");
    Timeout t = Timeout.of(timeout);
    HttpClientBuilder builder =
        org.apache.hc.client5.http.impl.classic.HttpClients.custom()
            .disableAutomaticRetries()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom().setConnectTimeout(t).setSocketTimeout(t).build())
                    .build())
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setConnectionRequestTimeout(t)
                    .setResponseTimeout(t)
                    .build());
    this.network = new NetworkHttpClient(builder);
  }

  @Override
  protected boolean shouldRetry(Response response, int[] retryCodes) {
    return false;
  }

  @Override
  public Response makeRequest(Request request) {
    Response response = network.makeRequest(rebased(request));
    int status = response.getStatusCode();
    if (status < 400) {
      return response;
    }
    // The body is a stream the SDK reads once: read here, it is handed on as text.
    String body = response.getContent();
    if (!carriesStatus(body)) {
      // The SDK takes an error's status from the body: one without (a proxy's or load balancer's
      // 503 page, an empty 502) became status 0 and was dead-lettered as permanent (RELIABILITY.md,
      // finding 4). The answer's own HTTP status decides then.
      throw new ApiException(
          "Twilio answered HTTP " + status + " without a Twilio error body: " + excerpt(body),
          status);
    }
    return new Response(body, status, response.getHeaders());
  }

  private static boolean carriesStatus(String body) {
    try {
      JsonNode json = body == null ? null : Json.mapper().readTree(body);
      return json != null && json.path("status").asInt(0) > 0;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static String excerpt(String body) {
    if (body == null || body.isBlank()) {
      return "(empty)";
    }
    String line = body.strip().replaceAll("\\s+", " ");
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }

  private Request rebased(Request original) {
    String url = original.constructURL().toString();
    if (!url.startsWith(TWILIO_API) || baseUrl.equals(TWILIO_API)) {
      return original;
    }
    Request copy = new Request(original.getMethod(), baseUrl + url.substring(TWILIO_API.length()));
    for (Map.Entry<String, List<String>> param : original.getPostParams().entrySet()) {
      param.getValue().forEach(value -> copy.addPostParam(param.getKey(), value));
    }
    for (Map.Entry<String, List<String>> header : original.getHeaderParams().entrySet()) {
      header.getValue().forEach(value -> copy.addHeaderParam(header.getKey(), value));
    }
    copy.setContentType(original.getContentType());
    if (original.getBody() != null) {
      copy.setBody(original.getBody());
    }
    // TwilioRestClient uses setAuth(user, password): without copying them no Authorization header.
    if (original.getAuthStrategy() != null) {
      copy.setAuth(original.getAuthStrategy());
    } else if (original.getUsername() != null) {
      copy.setAuth(original.getUsername(), original.getPassword());
    }
    return copy;
  }
}
