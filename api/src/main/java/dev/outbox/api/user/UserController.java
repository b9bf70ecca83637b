package dev.outbox.api.user;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outbox.api.RouteGroup;
import dev.outbox.api.error.ApiProblem;
import dev.outbox.api.error.ExceptionMapping;
import dev.outbox.api.error.FieldError;
import dev.outbox.api.error.HtmlPage;
import dev.outbox.api.request.FieldReader;
import dev.outbox.api.request.IdempotentPost;
import dev.outbox.api.request.JsonBody;
import dev.outbox.api.request.PathIds;
import dev.outbox.api.request.TextFormat;
import dev.outbox.core.application.GetUser;
import dev.outbox.core.application.RegisterUser;
import dev.outbox.core.application.RegisterUserCommand;
import dev.outbox.core.application.VerifyEmail;
import dev.outbox.core.application.VerifyEmailCommand;
import dev.outbox.core.domain.user.Email;
import dev.outbox.core.domain.user.PhoneNumber;
import dev.outbox.core.domain.user.UserId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;

/**
 * Users: register ({@code POST /users}), read ({@code GET /users/{id}}) and verify the email with
 * the token of the welcome email, by API ({@code POST}) or by the link itself ({@code GET},
 * answering a page for the person who clicked it).
 */
public final class UserController implements RouteGroup {

  private final RegisterUser registerUser;
  private final GetUser getUser;
  private final VerifyEmail verifyEmail;
  private final IdempotentPost idempotent;

  public UserController(
      RegisterUser registerUser,
      GetUser getUser,
      VerifyEmail verifyEmail,
      IdempotentPost idempotent) {
    this.registerUser = registerUser;
    this.getUser = getUser;
    this.verifyEmail = verifyEmail;
    this.idempotent = idempotent;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.post("/users", this::create);
    routes.get("/users/{id}", this::get);
    routes.post("/users/{id}/verify-email", this::verify);
    routes.get("/users/{id}/verify-email", this::verifyFromLink);
  }

  private void create(Context ctx) {
    ObjectNode json = JsonBody.read(ctx);
    FieldReader body = FieldReader.of(json, Set.of("email", "phone"));
    Email email = body.requiredValue("email", Email::new);
    PhoneNumber phone = body.optionalValue("phone", PhoneNumber::new);
    body.throwIfInvalid();
    var command = new RegisterUserCommand(email.value(), phone == null ? null : phone.value());
    idempotent.respond(
        ctx,
        json,
        "/users/",
        () -> IdempotentPost.json(201, UserResponse.of(registerUser.execute(command))));
  }

  private void get(Context ctx) {
    UserId id = new UserId(PathIds.uuid(ctx, "User"));
    ctx.json(UserResponse.of(getUser.execute(id)));
  }

  private void verify(Context ctx) {
    UserId id = new UserId(PathIds.uuid(ctx, "User"));
    ObjectNode json = JsonBody.read(ctx);
    FieldReader body = FieldReader.of(json, Set.of("token"));
    String token = body.requiredText("token", TextFormat.VERIFICATION_TOKEN);
    body.throwIfInvalid();
    var command = new VerifyEmailCommand(id, token);
    idempotent.respond(
        ctx,
        json,
        null,
        () -> IdempotentPost.json(200, UserResponse.of(verifyEmail.execute(command))));
  }

  private void verifyFromLink(Context ctx) {
    ctx.attribute(ExceptionMapping.ANSWER_AS_HTML, true);
    UserId id = new UserId(PathIds.uuid(ctx, "User"));
    String token = ctx.queryParam("token");
    if (token == null || TextFormat.VERIFICATION_TOKEN.check(token) != null) {
      throw ApiProblem.invalid(
          List.of(new FieldError("query:token", "must be a verification token")));
    }
    verifyEmail.execute(new VerifyEmailCommand(id, token));
    HtmlPage.send(ctx, "Email verified", "Thank you. Your email address is now verified.");
  }
}
