package dev.outbox.api.error;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Problems for what Jetty refuses before Javalin sees the request (headers too large, a request
 * line it cannot parse): the same {@code application/problem+json} shape as every other error,
 * instead of Jetty's HTML page, and never Jetty's message, which may quote the request.
 */
public final class JettyProblems extends ErrorHandler {

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback)
      throws IOException {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
    response.write(true, ByteBuffer.wrap(body(code)), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
    return ByteBuffer.wrap(body(status));
  }

  private static byte[] body(int status) {
    String title = HttpStatus.getMessage(status).replace("\\", "").replace("\"", "");
    return ("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + "}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
