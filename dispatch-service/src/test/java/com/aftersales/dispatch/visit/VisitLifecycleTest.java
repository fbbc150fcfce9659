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
        assertThatThrownBy(onSite::noShow).isInstanceOf(RuleViolationException.class);
    }

    @Test
    void noShowsAndReschedulesAreCounted() {
        Visit visit = scheduled().noShow().rescheduled(NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1).plusHours(2)));
        assertThat(visit.noShows()).isEqualTo(1);
        assertThat(visit.reschedules()).isEqualTo(1);
        assertThat(visit.status()).isEqualTo(VisitStatus.SCHEDULED);
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
