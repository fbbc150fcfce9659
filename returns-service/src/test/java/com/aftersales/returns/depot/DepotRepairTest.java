package com.aftersales.returns.depot;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DepotRepairTest {

    private static final Instant NOW = Instant.parse("2026-03-20T02:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 20);
    private static final Map<DepotRepairStatus, Integer> REMAINING = Map.of(DepotRepairStatus.ROUTED, 4,
            DepotRepairStatus.RECEIVED, 3, DepotRepairStatus.DIAGNOSED, 2, DepotRepairStatus.WAITING_PARTS, 3);

    private final Depot own = new Depot("own-1", "Own", DepotKind.OWN, Set.of("TV"), 7, true, NOW);
    private final Depot partnerB = new Depot("partner-b", "B", DepotKind.PARTNER, Set.of("TV", "AC"), 5, true, NOW);
    private final Depot partnerA = new Depot("partner-a", "A", DepotKind.PARTNER, Set.of("AC"), 10, true, NOW);
    private final Depot closed = new Depot("closed", "C", DepotKind.OWN, Set.of("AC"), 7, false, NOW);

    @Test
    void routesToTheRequestedDepotIfItRepairsTheCategoryElseOwnFirstThenPartnersByCode() {
        List<Depot> depots = List.of(partnerB, own, partnerA, closed);
        assertThat(DepotRouter.route(depots, "TV", "partner-b")).isEqualTo(partnerB);
        assertThat(DepotRouter.route(depots, "TV", "partner-a")).isEqualTo(own);
        assertThat(DepotRouter.route(depots, "TV", null)).isEqualTo(own);
        assertThat(DepotRouter.route(depots, "AC", null)).isEqualTo(partnerA);
        assertThatThrownBy(() -> DepotRouter.route(depots, "FRIDGE", null)).isInstanceOf(NoDepotForCategoryException.class);
    }

    @Test
    void theRepairIsPromisedWithinTheDepotsTurnaroundAndReportedInOrderByItsOwnDepotOnly() {
        DepotRepair repair = DepotRepair.route(UUID.randomUUID(), partnerB, UUID.randomUUID(), null, null, "SN", "M", "TV", "x", TODAY, NOW);
        assertThat(repair.promisedBy()).isEqualTo(TODAY.plusDays(5));

        assertThatThrownBy(() -> repair.report("partner-a", DepotRepairStatus.RECEIVED, null, NOW))
                .isInstanceOf(DepotAccessDeniedException.class);
        assertThatThrownBy(() -> repair.report("partner-b", DepotRepairStatus.REPAIRED, null, NOW))
                .isInstanceOf(IllegalDepotRepairTransitionException.class);
        repair.report("partner-b", DepotRepairStatus.RECEIVED, "arrived", NOW);
        assertThat(repair.history()).extracting(DepotRepair.Step::status)
                .containsExactly(DepotRepairStatus.ROUTED, DepotRepairStatus.RECEIVED);
    }

    @Test
    void aRepairIsAtRiskWhenFewerDaysAreLeftThanTheWorkThatUsuallyRemains() {
        DepotRepair repair = DepotRepair.route(UUID.randomUUID(), own, null, UUID.randomUUID(), null, "SN", "M", "TV", "x", TODAY, NOW);

        assertThat(repair.promiseAtRisk(TODAY.plusDays(3), REMAINING)).as("4 days left, 4 usually needed").isFalse();
        assertThat(repair.promiseAtRisk(TODAY.plusDays(4), REMAINING)).as("3 days left, 4 usually needed").isTrue();
        repair.report("own-1", DepotRepairStatus.RECEIVED, null, NOW);
        repair.report("own-1", DepotRepairStatus.DIAGNOSED, null, NOW);
        assertThat(repair.promiseAtRisk(TODAY.plusDays(5), REMAINING)).as("2 days left, 2 needed after diagnosis").isFalse();
        repair.atRiskRaised(NOW);
        assertThat(repair.promiseAtRisk(TODAY.plusDays(6), REMAINING)).as("raised once").isFalse();
        assertThat(repair.eventKey()).isEqualTo(repair.ticketId().toString());
    }
}
