package dev.outbox.api.webhook;

import dev.outbox.api.error.ApiProblem;
import dev.outbox.api.error.ProblemType;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a raw body of at most {@code max} bytes, above the server's own limit for JSON requests:
 * the signature is computed over these exact bytes, so they are kept as they came.
 */
final class WebhookBody {

  private WebhookBody() {}

  static byte[] read(Context ctx, int max) throws IOException {
    long declared = ctx.req().getContentLengthLong();
    if (declared > max) {
      throw tooLarge(max);
    }
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] body = in.readNBytes(max + 1);
      if (body.length > max) {
        throw tooLarge(max);
      }
      return body;
    }
  }

  private static ApiProblem tooLarge(int max) {
    return new ApiProblem(
        ProblemType.CONTENT_TOO_LARGE, "The body is larger than " + max + " bytes");
  }
}
