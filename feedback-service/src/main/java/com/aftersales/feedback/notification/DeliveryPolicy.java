package com.aftersales.feedback.notification;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The named rules of delivering a notice, plain Java:
 * <ul>
 *   <li>NT-NO-CONSENT: a customer who did not consent to be contacted gets no notice (checked at every send);</li>
 *   <li>NT-CHANNEL: the first channel of the configured preference that is enabled and for which the customer has an
 *       address; NT-NO-CONTACT when there is none;</li>
 *   <li>NT-RETRY: a failed attempt is retried after {@code initialBackoff × multiplier^(attempt-1)}, at most
 *       {@code maxBackoff};</li>
 *   <li>NT-WAIT-CUSTOMER: a notice whose ticket, return or customer profile has not arrived yet waits for it (not
 *       counted as an attempt), NT-NO-CUSTOMER once {@code customer-wait} has passed;</li>
 *   <li>NT-DEAD: after {@code maxAttempts} attempts the notice is given up; NT-REJECTED: at once when the provider
 *       refuses the message for good.</li>
 * </ul>
 */
public final class DeliveryPolicy {

    public static final String NO_CONSENT = "NT-NO-CONSENT";
    public static final String CHANNEL = "NT-CHANNEL";
    public static final String NO_CONTACT = "NT-NO-CONTACT";
    public static final String RETRY = "NT-RETRY";
    public static final String DEAD = "NT-DEAD";
    public static final String REJECTED = "NT-REJECTED";
    public static final String WAIT_CUSTOMER = "NT-WAIT-CUSTOMER";
    public static final String NO_CUSTOMER = "NT-NO-CUSTOMER";

    private final List<ChannelKind> preference;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final double multiplier;
    private final Duration maxBackoff;

    public DeliveryPolicy(List<ChannelKind> preference, int maxAttempts, Duration initialBackoff, double multiplier,
                          Duration maxBackoff) {
        if (maxAttempts < 1 || multiplier < 1.0 || initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("max-attempts >= 1, backoff-multiplier >= 1, max-backoff >= initial-backoff");
        }
        this.preference = List.copyOf(preference);
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.multiplier = multiplier;
        this.maxBackoff = maxBackoff;
    }

    /** A channel and the customer's address on it. */
    public record Choice(ChannelKind channel, String recipient) {
    }

    /** NT-CHANNEL: the customer's addresses by channel (absent or blank: none); empty means NT-NO-CONTACT. */
    public Optional<Choice> choose(Map<ChannelKind, String> addresses, Set<ChannelKind> enabled) {
        for (ChannelKind kind : preference) {
            String address = addresses.get(kind);
            if (enabled.contains(kind) && address != null && !address.isBlank()) {
                return Optional.of(new Choice(kind, address));
            }
        }
        return Optional.empty();
    }

    /** NT-RETRY: the wait after the {@code attempt}-th failed attempt (1-based). */
    public Duration backoffAfter(int attempt) {
        double factor = Math.pow(multiplier, Math.max(0, attempt - 1));
        double millis = initialBackoff.toMillis() * factor;
        return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis(Math.round(millis));
    }

    /** NT-DEAD: whether a notice that has failed {@code attempts} times is given up. */
    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }

    public int maxAttempts() {
        return maxAttempts;
    }
}
