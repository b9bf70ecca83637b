package dev.outbox.api.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbox.api.error.ApiProblem;
import dev.outbox.api.error.ProblemType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonBodyTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/json",
        "application/json; charset=utf-8",
        "Application/JSON;charset=\"UTF-8\""
      })
  void json_in_utf8_is_accepted(String contentType) {
    assertThatCode(() -> JsonBody.requireJsonContentType(contentType)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "text/plain",
        "application/x-www-form-urlencoded",
        "application/json; charset=latin1",
        "application/jsonp",
        ";",
        ";;",
        ""
      })
  void other_content_types_are_unsupported(String contentType) {
    assertThatThrownBy(() -> JsonBody.requireJsonContentType(contentType))
        .isInstanceOfSatisfying(
            ApiProblem.class,
            p -> assertThat(p.type()).isEqualTo(ProblemType.UNSUPPORTED_MEDIA_TYPE));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "{", "{\"a\":1,\"a\":2}", "{} {}", "{'a':1}", "{\"a\":01}", "nul"})
  void malformed_json_is_refused_as_malformed(String body) {
    assertThatThrownBy(() -> JsonBody.parse(body.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            ApiProblem.class, p -> assertThat(p.type()).isEqualTo(ProblemType.MALFORMED_JSON));
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "1", "\"text\"", "null", "true"})
  void json_that_is_not_an_object_is_invalid(String body) {
    assertThatThrownBy(() -> JsonBody.parse(body.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            ApiProblem.class, p -> assertThat(p.type()).isEqualTo(ProblemType.INVALID_REQUEST));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", "{\"a\":{\"b\":[1,2.5,null]}}"})
  void objects_are_read(String body) {
    assertThat(JsonBody.parse(body.getBytes(StandardCharsets.UTF_8)).isObject()).isTrue();
  }
}
