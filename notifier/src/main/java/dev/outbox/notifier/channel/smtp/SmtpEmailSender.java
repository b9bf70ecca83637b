package dev.outbox.notifier.channel.smtp;

import dev.outbox.notifier.channel.EmailMessage;
import dev.outbox.notifier.channel.EmailSender;
import dev.outbox.notifier.config.SmtpSettings;
import dev.outbox.notifier.event.Outcome;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Sends through any SMTP server with Jakarta Mail (Eclipse Angus): a {@code multipart/alternative}
 * message with a plain-text and an HTML part, the event id in an {@code X-Event-Id} header. The
 * server's 5xx replies and bad addresses are permanent; 4xx replies, authentication aside, and
 * connection failures are retryable. The provider message id is the Message-ID header.
 */
public final class SmtpEmailSender implements EmailSender {

  private final SmtpSettings settings;
  private final Session session;

  public SmtpEmailSender(SmtpSettings settings, Duration timeout) {
    this.settings = settings;
    String millis = Long.toString(timeout.toMillis());
    Properties props = new Properties();
    props.put("mail.smtp.host", settings.host());
    props.put("mail.smtp.port", Integer.toString(settings.port()));
    props.put("mail.smtp.auth", Boolean.toString(settings.authenticates()));
    props.put("mail.smtp.starttls.enable", Boolean.toString(settings.startTls()));
    props.put("mail.smtp.connectiontimeout", millis);
    props.put("mail.smtp.timeout", millis);
    props.put("mail.smtp.writetimeout", millis);
    this.session = Session.getInstance(props);
  }

  @Override
  public String provider() {
    return "smtp";
  }

  @Override
  public Outcome send(EmailMessage email) {
    MimeMessage message;
    try {
      message = mime(email);
    } catch (AddressException e) {
      return new Outcome.DeadLetter("invalid address: " + e.getMessage());
    } catch (MessagingException e) {
      return new Outcome.DeadLetter("cannot build the message: " + e.getMessage());
    }
    try {
      if (settings.authenticates()) {
        Transport.send(message, settings.username(), settings.password());
      } else {
        Transport.send(message);
      }
      return new Outcome.Sent(message.getMessageID());
    } catch (MessagingException e) {
      return classify(e);
    }
  }

  private MimeMessage mime(EmailMessage email) throws MessagingException {
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress(settings.from(), true));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(email.to(), true));
    message.setSubject(email.subject(), StandardCharsets.UTF_8.name());
    message.setHeader("X-Event-Id", email.eventId().toString());
    message.setHeader("X-Event-Handler", email.handler());
    MimeBodyPart text = new MimeBodyPart();
    text.setText(email.text(), StandardCharsets.UTF_8.name(), "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(email.html(), StandardCharsets.UTF_8.name(), "html");
    // In multipart/alternative the last part is the preferred one.
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(text);
    alternative.addBodyPart(html);
    message.setContent(alternative);
    message.saveChanges();
    return message;
  }

  static Outcome classify(MessagingException e) {
    String reason = "SMTP send failed: " + e.getMessage();
    if (e instanceof AuthenticationFailedException) {
      return new Outcome.DeadLetter(reason);
    }
    int code = replyCode(e);
    if (code >= 500) {
      return new Outcome.DeadLetter(reason);
    }
    if (code == 0 && e instanceof SendFailedException failed && hasInvalid(failed)) {
      return new Outcome.DeadLetter(reason);
    }
    return new Outcome.RetryLater(reason);
  }

  private static int replyCode(MessagingException e) {
    for (Exception cause = e; cause != null; ) {
      if (cause instanceof SMTPAddressFailedException failed) {
        return failed.getReturnCode();
      }
      if (cause instanceof SMTPSendFailedException failed) {
        return failed.getReturnCode();
      }
      cause = cause instanceof MessagingException m ? m.getNextException() : null;
    }
    return 0;
  }

  private static boolean hasInvalid(SendFailedException e) {
    return e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0;
  }
}
