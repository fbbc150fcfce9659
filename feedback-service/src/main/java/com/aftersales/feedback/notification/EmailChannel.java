package com.aftersales.feedback.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import java.nio.charset.StandardCharsets;

/**
 * E-mail over SMTP with Spring's {@link JavaMailSender} (server under {@code spring.mail.*}): UTF-8 plain text, the
 * notice's subject as the subject. An address the server refuses is not retried; a server that cannot be reached is.
 */
class EmailChannel implements NotificationChannel {

    private final JavaMailSender mail;
    private final String from;

    EmailChannel(JavaMailSender mail, String from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.EMAIL;
    }

    @Override
    public Result send(Outgoing notice) {
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(notice.recipient());
            helper.setSubject(notice.subject());
            helper.setText(notice.body(), false);
            message.setHeader("X-Notification-Id", notice.notificationId().toString());
            mail.send(message);
            return Result.delivered("accepted by the SMTP server");
        } catch (MessagingException | MailParseException e) {
            return Result.rejected("not a valid message or address: " + e.getClass().getSimpleName());
        } catch (MailSendException e) {
            boolean refusedAddress = e.getFailedMessages().values().stream()
                    .anyMatch(cause -> cause instanceof jakarta.mail.SendFailedException sf
                            && sf.getInvalidAddresses() != null && sf.getInvalidAddresses().length > 0);
            return refusedAddress ? Result.rejected("address refused by the SMTP server")
                    : Result.failed("SMTP send failed: " + HttpProviderChannel.shorten(e.getMessage()));
        } catch (MailAuthenticationException e) {
            return Result.failed("SMTP authentication failed");
        } catch (MailException e) {
            return Result.failed("SMTP unavailable: " + e.getClass().getSimpleName());
        }
    }
}
