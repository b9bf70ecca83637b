package dev.outbox.api.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.outbox.core.domain.DomainException;
import dev.outbox.json.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become responses. Bad input was already turned into an {@link
 * ApiProblem} by the request readers, business refusals of core arrive as its DomainException
 * subtypes ({@link DomainProblems}), Javalin's own refusals (no route, wrong method, body too
 * large) as {@link HttpResponseException}. Anything else is a bug or an outage: 500 with a generic
 * body, the details only in the log.
 */
public final class ExceptionMapping {

  private static final Logger log = LoggerFactory.getLogger(ExceptionMapping.class);

  /**
   * A request attribute: when set, problems are answered as a short HTML page instead of JSON, for
   * routes a person opens in a browser (the verification link of the welcome email).
   */
  public static final String ANSWER_AS_HTML = ExceptionMapping.class.getName() + ".html";

  private ExceptionMapping() {}

  public static void install(RoutesConfig routes) {
    routes.exception(
        ApiProblem.class, (e, ctx) -> respond(ctx, e.type(), e.getMessage(), e.errors()));
    routes.exception(HttpResponseException.class, ExceptionMapping::httpResponse);
    routes.exception(
        DomainException.class,
        (e, ctx) -> {
          DomainProblems.Mapped mapped = DomainProblems.map(e);
          respond(ctx, mapped.type(), e.getMessage(), mapped.errors());
        });
    routes.exception(Exception.class, ExceptionMapping::unexpected);
  }

  /** Writes a problem response; also used by handlers that answer with a problem directly. */
  public static void respond(
      Context ctx, ProblemType type, String detail, List<FieldError> errors) {
    Problem problem =
        new Problem(type.uri(), type.title(), type.status(), detail, ctx.path(), errors);
    if (type == ProblemType.UNAUTHORIZED) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"admin\"");
    }
    if (ctx.attribute(ANSWER_AS_HTML) != null) {
      HtmlPage.send(ctx.status(type.status()), type.title(), detailForPeople(type));
      return;
    }
    ctx.status(type.status()).contentType(Problem.CONTENT_TYPE).result(serialize(problem));
  }

  private static String detailForPeople(ProblemType type) {
    return switch (type) {
      case VERIFICATION_TOKEN_EXPIRED -> "This link has expired. Please ask for a new one.";
      case INVALID_VERIFICATION_TOKEN, INVALID_REQUEST, RESOURCE_NOT_FOUND ->
          "This link is not valid. Please use the link from your most recent email.";
      default -> "Something went wrong. Please try again later.";
    };
  }

  private static void httpResponse(HttpResponseException e, Context ctx) {
    switch (e.getStatus()) {
      case 404 ->
          respond(
              ctx, ProblemType.NOT_FOUND, "No route " + ctx.method() + " " + ctx.path(), List.of());
      case 405 -> {
        String allowed = e.getDetails().getOrDefault("availableMethods", "");
        if (!allowed.isEmpty()) {
          ctx.header("Allow", allowed);
        }
        respond(ctx, ProblemType.METHOD_NOT_ALLOWED, "Allowed methods: " + allowed, List.of());
      }
      case 413 -> respond(ctx, ProblemType.CONTENT_TOO_LARGE, "The body is too large", List.of());
      default -> {
        // Javalin raises no other statuses for our routes; keep its status, not its text.
        log.warn(
            "Unexpected HTTP {} from Javalin for {} {}", e.getStatus(), ctx.method(), ctx.path());
        Problem problem =
            new Problem(
                "about:blank", "HTTP " + e.getStatus(), e.getStatus(), null, ctx.path(), null);
        ctx.status(e.getStatus()).contentType(Problem.CONTENT_TYPE).result(serialize(problem));
      }
    }
  }

  private static void unexpected(Exception e, Context ctx) {
    log.error("Request {} {} failed", ctx.method(), ctx.path(), e);
    respond(ctx, ProblemType.INTERNAL_ERROR, "The request could not be completed", List.of());
  }

  private static String serialize(Problem problem) {
    try {
      return Json.mapper().writeValueAsString(problem);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A problem record cannot fail to serialize", e);
    }
  }
}
