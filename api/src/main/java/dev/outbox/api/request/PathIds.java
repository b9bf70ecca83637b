package dev.outbox.api.request;

import dev.outbox.api.error.ApiProblem;
import io.javalin.http.Context;
import java.util.UUID;

/**
 * Ids in paths. A string that is not a UUID names no resource, so it is a 404 like an unknown UUID,
 * not a 400: the client asked for something that does not exist.
 */
public final class PathIds {

  private PathIds() {}

  public static UUID uuid(Context ctx, String what) {
    String raw = ctx.pathParam("id");
    if (TextFormat.UUID.check(raw) != null) {
      throw ApiProblem.notFound(what);
    }
    return UUID.fromString(raw);
  }
}
