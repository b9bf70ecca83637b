package dev.outbox.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.zaxxer.hikari.HikariDataSource;
import dev.outbox.notifier.channel.LoggingEmailSender;
import dev.outbox.testing.HttpTestClient;
import dev.outbox.testing.OutboxRows;
import dev.outbox.testing.Rows;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The end-to-end path through the distribution: {@code outbox all} in this JVM, exactly as the jar
 * runs it, against real PostgreSQL and RabbitMQ. A POST /users commits a user and its user.created
 * row; the relay reads it from the WAL and publishes it; the notifier turns it into the welcome
 * email, written by the log adapter. SIGTERM then stops every role and closes every connection.
 */
class RegisteringUserSendsWelcomeEmailIT {

  @Test
  void registering_a_user_sends_the_welcome_email_and_all_stops_cleanly() throws Exception {
    ListAppender<ILoggingEvent> emails = new ListAppender<>();
    emails.start();
    Logger emailLog = (Logger) LoggerFactory.getLogger(LoggingEmailSender.class);
    emailLog.addAppender(emails);
    var test = new TestEnv("app_e2e");
    var queries = new StatusQueries(test.db.jdbcUrl(), test.db.user(), test.db.password());
    try (test;
        // one connection, so connectionsTo below can tell it from the roles' own
        HikariDataSource pool = test.db.pool("app-e2e", 1);
        Cli.Running all = Cli.start(test.env(), "all")) {
      await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> all.out().contains("running") || all.exited());
      await().atMost(Duration.ofSeconds(60)).until(() -> queries.slot(test.slot).streaming());
      HttpTestClient api =
          new HttpTestClient(
              URI.create("http://localhost:" + Http.port(all.out(), "api listening on ")));

      String email = "ada-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
      HttpTestClient.Response created = api.postJson("/users", "{\"email\":\"" + email + "\"}");
      assertThat(created.status()).isEqualTo(201);
      String eventId = userCreatedEventId(pool, id(created.body()));

      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(emails.list)
                      .map(ILoggingEvent::getFormattedMessage)
                      .anySatisfy(
                          line ->
                              assertThat(line)
                                  .contains("event=" + eventId)
                                  .contains("subject=Welcome! Please confirm your email address")));
      assertThat(api.get("/metrics").body())
          .as("one registry for all three roles, served by the api")
          .contains("relay")
          .contains("notifier");

      assertThat(all.stop(Duration.ofSeconds(60))).isZero();
      assertThat(all.out())
          .containsSubsequence(
              "migrations applied",
              "notifier consuming",
              "relay started",
              "api listening",
              "outbox all running",
              "api stopped",
              "relay stopped",
              "notifier stopped",
              "database pool outbox stopped",
              "outbox all stopped cleanly");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> connectionsTo(pool) == 0 && !queries.lockHeld(test.slot));
    } finally {
      emailLog.detachAppender(emails);
    }
  }

  private static String id(String json) {
    Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(json);
    assertThat(m.find()).as(json).isTrue();
    return m.group(1);
  }

  private static String userCreatedEventId(HikariDataSource pool, String userId) {
    Optional<OutboxRows.Row> row =
        new OutboxRows(pool)
            .of(userId).stream().filter(r -> r.eventType().equals("user.created")).findFirst();
    assertThat(row.isPresent()).as("user.created row of " + userId).isTrue();
    return row.get().id();
  }

  /** Sessions on the test database other than the one asking (the pool's only connection). */
  private static long connectionsTo(HikariDataSource pool) {
    return new Rows(pool)
        .count(
            "select count(*) from pg_stat_activity where datname = current_database()"
                + " and pid <> pg_backend_pid()");
  }
}
