package com.aftersales.dispatch.visit;

import com.aftersales.dispatch.shared.InvalidRequestException;
import com.aftersales.dispatch.shared.RuleViolationException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VisitLifecycleTest {

    private static final Instant NOW = Instant.parse("2026-11-24T02:00:00Z");
    private static final Duration WAIT = Duration.ofMinutes(15);

    private static Visit scheduled() {
        return new Visit(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), VisitStatus.SCHEDULED,
                NOW.plus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(3)), 0, 0, null, null, null, 0);
    }

    @Test
    void scheduledEnRouteOnSiteThenAnOutcome() {
        Visit onSite = scheduled().moveTo(VisitStatus.EN_ROUTE, NOW).moveTo(VisitStatus.ON_SITE, NOW);
        assertThat(onSite.startedAt()).isEqualTo(NOW);
        Visit done = onSite.completed(VisitStatus.UNIT_TAKEN_TO_DEPOT, false, NOW.plusSeconds(60));
        assertThat(done.status()).isEqualTo(VisitStatus.UNIT_TAKEN_TO_DEPOT);
        assertThat(done.completedAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void skippingAheadOrGoingBackIsRefusedNamingWhatIsAllowed() {
        assertThatThrownBy(() -> scheduled().moveTo(VisitStatus.COMPLETED, NOW))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("allowed: [EN_ROUTE, ON_SITE]");
        Visit onSite = scheduled().moveTo(VisitStatus.ON_SITE, NOW);
        assertThatThrownBy(() -> onSite.moveTo(VisitStatus.EN_ROUTE, NOW)).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> onSite.noShow(NOW.plus(Duration.ofHours(2)), WAIT)).isInstanceOf(RuleViolationException.class);
    }

    @Test
    void noShowsAndReschedulesAreCounted() {
        Visit visit = scheduled().noShow(NOW.plus(Duration.ofHours(2)), WAIT)
                .rescheduled(NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1).plusHours(2)));
        assertThat(visit.noShows()).isEqualTo(1);
        assertThat(visit.reschedules()).isEqualTo(1);
        assertThat(visit.status()).isEqualTo(VisitStatus.SCHEDULED);
        // the new window may get its own no-show, once it has started
        Visit again = visit.noShow(NOW.plus(Duration.ofDays(1)).plus(WAIT), WAIT);
        assertThat(again.noShows()).isEqualTo(2);
    }

    @Test
    void aNoShowIsRecordedOncePerWindowAndOnlyOnceTheWindowHasStartedAndTheWaitIsOver() {
        Visit visit = scheduled();
        Instant start = visit.windowStart();
        for (Instant early : new Instant[]{NOW, start.minusSeconds(1), start, start.plus(WAIT).minusSeconds(1)}) {
            assertThatThrownBy(() -> visit.noShow(early, WAIT)).as(early.toString())
                    .isInstanceOf(RuleViolationException.class)
                    .extracting(e -> ((RuleViolationException) e).rule()).isEqualTo(Visit.RULE_NO_SHOW_AFTER_WINDOW_START);
        }
        Visit absent = visit.noShow(start.plus(WAIT), WAIT);
        assertThat(absent.noShows()).isEqualTo(1);
        assertThat(absent.noShowInWindow()).isTrue();
        assertThatThrownBy(() -> absent.noShow(start.plus(Duration.ofMinutes(40)), WAIT))
                .isInstanceOf(RuleViolationException.class)
                .extracting(e -> ((RuleViolationException) e).rule()).isEqualTo(Visit.RULE_NO_SHOW_ONCE);
        // without a wait, from the first moment of the window
        assertThat(visit.noShow(start, Duration.ZERO).noShows()).isEqualTo(1);
    }

    @Test
    void appointmentWindowsMustBeOrderedAndNotOver() {
        assertThatThrownBy(() -> Visit.requireValidWindow(NOW.plusSeconds(7200), NOW.plusSeconds(3600), NOW))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("must end after it starts");
        assertThatThrownBy(() -> Visit.requireValidWindow(NOW.minusSeconds(7200), NOW.minusSeconds(3600), NOW))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("in the past");
        Visit.requireValidWindow(NOW.minusSeconds(600), NOW.plusSeconds(3600), NOW);
    }
}
