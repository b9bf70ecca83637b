package dev.outbox.api.error;

import java.util.List;
import java.util.Objects;

/**
 * Thrown by the api's own request handling to answer with a problem; {@link ExceptionMapping} turns
 * it into the response. The detail is shown to the client, so it never carries secrets, SQL or
 * stack traces.
 */
public final class ApiProblem extends RuntimeException {

  private final ProblemType type;
  private final transient List<FieldError> errors;

  public ApiProblem(ProblemType type, String detail) {
    this(type, detail, List.of());
  }

  public ApiProblem(ProblemType type, String detail, List<FieldError> errors) {
    super(detail, null, false, false);
    this.type = Objects.requireNonNull(type, "type is required");
    this.errors = List.copyOf(errors);
  }

  public static ApiProblem invalid(List<FieldError> errors) {
    String detail =
        errors.size() == 1
            ? "The field " + errors.get(0).field() + " is invalid: " + errors.get(0).message()
            : errors.size() + " fields are invalid";
    return new ApiProblem(ProblemType.INVALID_REQUEST, detail, errors);
  }

  public static ApiProblem notFound(String what) {
    return new ApiProblem(ProblemType.RESOURCE_NOT_FOUND, what + " does not exist");
  }

  public ProblemType type() {
    return type;
  }

  public List<FieldError> errors() {
    return errors;
  }
}
