package dev.outbox.api.admin;

import dev.outbox.api.error.ApiProblem;
import dev.outbox.api.error.ProblemType;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Guards a handler with {@code Authorization: Bearer <ADMIN_TOKEN>}. The comparison takes the same
 * time whatever the prefix a guess shares with the token, so the token cannot be found byte by byte
 * from response times.
 */
final class BearerToken {

  private static final String PREFIX = "Bearer ";

  private final byte[] expected;

  BearerToken(String token) {
    this.expected = token.getBytes(StandardCharsets.UTF_8);
  }

  Handler guard(Handler handler) {
    return ctx -> {
      if (!matches(ctx)) {
        throw new ApiProblem(ProblemType.UNAUTHORIZED, "A valid admin bearer token is required");
      }
      handler.handle(ctx);
    };
  }

  private boolean matches(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return false;
    }
    byte[] given = header.substring(PREFIX.length()).trim().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, expected);
  }
}
