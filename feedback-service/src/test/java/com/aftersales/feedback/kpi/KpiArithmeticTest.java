package com.aftersales.feedback.kpi;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class KpiArithmeticTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant OPENED = Instant.parse("2026-10-08T01:00:00Z");

    static TicketFacts ticket() {
        TicketFacts f = new TicketFacts(UUID.randomUUID());
        f.openedAt = OPENED;
        f.ticketType = "REPAIR";
        f.model = "KFR-35GW";
        f.regionCode = "310104";
        f.technicianId = "tech-1";
        return f;
    }

    @Test
    void aTicketCountsOnItsOpeningDayInTheConfiguredZone() {
        TicketFacts f = ticket();
        f.openedAt = Instant.parse("2026-10-07T17:30:00Z");
        assertThat(KpiContribution.day(f, SHANGHAI)).isEqualTo(LocalDate.parse("2026-10-08"));
        assertThat(KpiContribution.day(new TicketFacts(UUID.randomUUID()), SHANGHAI)).isNull();
        assertThat(KpiContribution.measures(new TicketFacts(UUID.randomUUID())).isZero()).isTrue();
    }

    @Test
    void durationsSlaAndPromiseAreMeasuredFromOpening() {
        TicketFacts f = ticket();
        f.firstResponseAt = OPENED.plusSeconds(600);
        f.assignedAt = OPENED.plusSeconds(1800);
        f.onSiteAt = OPENED.plusSeconds(5 * 3600);
        f.onSiteTargetAt = OPENED.plusSeconds(6 * 3600);
        f.onSiteDueAt = OPENED.plusSeconds(24 * 3600);
        f.resolvedAt = OPENED.plusSeconds(8 * 3600);
        f.resolutionDueAt = OPENED.plusSeconds(7 * 3600);
        Map<String, Double> k = KpiFormulas.kpis(KpiContribution.measures(f));
        assertThat(k.get("firstResponseMinutes")).isEqualTo(10.0);
        assertThat(k.get("timeToAssignMinutes")).isEqualTo(30.0);
        assertThat(k.get("timeToOnSiteHours")).isEqualTo(5.0);
        assertThat(k.get("timeToResolveHours")).isEqualTo(8.0);
        assertThat(k.get("slaOnSiteMetRate")).isEqualTo(1.0);
        assertThat(k.get("beatThePromiseRate")).isEqualTo(1.0);
        assertThat(k.get("slaResolutionMetRate")).isEqualTo(0.0);
        assertThat(k.get("repeatRepairRate")).isEqualTo(0.0);
        assertThat(k.get("csat")).isNull();
    }

    @Test
    void aReportedBreachCountsAsAMissEvenWithoutAVisit() {
        TicketFacts neverVisited = ticket();
        neverVisited.onSiteBreached = true;
        Measures m = KpiContribution.measures(neverVisited);
        assertThat(m.get(Measure.SLA_ON_SITE_N)).isEqualTo(1);
        assertThat(m.get(Measure.SLA_ON_SITE_MET)).isZero();
        assertThat(m.get(Measure.ON_SITE_N)).isZero();
        TicketFacts undecided = ticket();
        undecided.onSiteDueAt = OPENED.plusSeconds(3600);
        assertThat(KpiContribution.measures(undecided).get(Measure.SLA_ON_SITE_N)).isZero();
    }

    @Test
    void ratiosAddUpOverTickets() {
        TicketFacts a = ticket();
        a.firstTimeFix = true;
        a.costMinor = 12_050L;
        a.csat = 5;
        a.nps = 10;
        TicketFacts b = ticket();
        b.firstTimeFix = false;
        b.costMinor = 7_950L;
        b.csat = 2;
        b.nps = 3;
        b.complaints = 1;
        TicketFacts c = ticket();
        c.nps = 8;
        a.revenueMinor = 8_000L;
        a.labourS = 5_400;
        a.visits = 2;
        b.revenueMinor = 2_000L;
        b.labourS = 1_800;
        b.visits = 1;
        Measures sum = KpiContribution.measures(a).plus(KpiContribution.measures(b)).plus(KpiContribution.measures(c));
        Map<String, Double> k = KpiFormulas.kpis(sum);
        assertThat(k.get("firstTimeFixRate")).isEqualTo(0.5);
        assertThat(k.get("serviceCostPerTicket")).isCloseTo(100.0, within(1e-9));
        // cost 200.00 against 100.00 charged; 2 h of labour over 3 visits; 3 visits for the 2 tickets with visits
        assertThat(k.get("serviceCostToRevenue")).isCloseTo(2.0, within(1e-9));
        assertThat(k.get("labourHoursPerVisit")).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(k.get("visitsPerTicket")).isCloseTo(1.5, within(1e-9));
        assertThat(k.get("csat")).isEqualTo(3.5);
        // one promoter, one detractor, one passive
        assertThat(k.get("nps")).isCloseTo(0.0, within(1e-9));
        assertThat(k.get("complaintRate")).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(k.get("returnRate")).isNull();
    }

    @Test
    void aDeltaIsTheNewContributionMinusTheOld() {
        TicketFacts before = ticket();
        TicketFacts after = before.copy();
        after.csat = 4;
        Measures delta = KpiContribution.measures(after).minus(KpiContribution.measures(before));
        assertThat(delta.get(Measure.CSAT_N)).isEqualTo(1);
        assertThat(delta.get(Measure.CSAT_SUM)).isEqualTo(4);
        assertThat(delta.get(Measure.TICKETS)).isZero();
        assertThat(KpiContribution.measures(before).plus(delta)).isEqualTo(KpiContribution.measures(after));
    }

    @Test
    void theLatestAssignmentNamesTheTechnicianWhateverTheOrder() {
        TicketFacts inOrder = ticket();
        inOrder.technician("t-1", OPENED.plusSeconds(10));
        inOrder.technician("t-2", OPENED.plusSeconds(20));
        TicketFacts reversed = ticket();
        reversed.technician("t-2", OPENED.plusSeconds(20));
        reversed.technician("t-1", OPENED.plusSeconds(10));
        assertThat(inOrder.technicianId).isEqualTo("t-2").isEqualTo(reversed.technicianId);
    }
}
