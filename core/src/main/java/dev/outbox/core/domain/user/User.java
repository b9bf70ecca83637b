package dev.outbox.core.domain.user;

import dev.outbox.core.domain.AggregateRoot;
import dev.outbox.core.domain.TimeOrderedIds;
import dev.outbox.core.domain.user.UserEvent.UserCreated;
import dev.outbox.core.domain.user.UserEvent.UserEmailVerified;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A registered customer. Life cycle: {@link #register} creates the user with an unverified email
 * and raises {@code user.created} (the welcome email carries a verification link); {@link
 * #verifyEmail} marks the address verified and raises {@code user.email_verified} the first time
 * only, so a repeated click changes nothing.
 */
@Entity
@Table(name = "users")
public class User extends AggregateRoot {

  @Id private UUID id;

  @Column(nullable = false, unique = true, length = Email.MAX_LENGTH)
  private String email;

  private String phone;

  @Column(name = "email_verified", nullable = false)
  private boolean emailVerified;

  @Column(name = "email_verified_at")
  private Instant emailVerifiedAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  // for Hibernate
  User() {}

  private User(UserId id, Email email, PhoneNumber phone, Instant createdAt) {
    this.id = id.value();
    this.email = email.value();
    this.phone = phone == null ? null : phone.value();
    this.createdAt = createdAt;
  }

  /** A new user with an unverified email; raises {@code user.created}. Phone may be null. */
  public static User register(UserId id, Email email, PhoneNumber phone, Instant now) {
    Objects.requireNonNull(id, "id is required");
    Objects.requireNonNull(email, "email is required");
    Objects.requireNonNull(now, "now is required");
    User user = new User(id, email, phone, now);
    user.raise(new UserCreated(TimeOrderedIds.next(), now, id, email, phone));
    return user;
  }

  /**
   * Marks the email verified. Idempotent: only the first call raises {@code user.email_verified}.
   * The caller has checked the verification token.
   */
  public void verifyEmail(Instant now) {
    if (emailVerified) {
      return;
    }
    emailVerified = true;
    emailVerifiedAt = now;
    raise(new UserEmailVerified(TimeOrderedIds.next(), now, id(), email()));
  }

  public UserId id() {
    return new UserId(id);
  }

  public Email email() {
    return new Email(email);
  }

  public Optional<PhoneNumber> phone() {
    return Optional.ofNullable(phone).map(PhoneNumber::new);
  }

  public boolean emailVerified() {
    return emailVerified;
  }

  public Optional<Instant> emailVerifiedAt() {
    return Optional.ofNullable(emailVerifiedAt);
  }

  public Instant createdAt() {
    return createdAt;
  }

  @Override
  public String toString() {
    return "User[" + id + "]";
  }
}
