package com.aftersales.ticket.ticket;

import com.aftersales.contracts.warranty.WarrantyTerms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Entitlement on the shared terms, at the anniversary day and the day after, per category. */
class WarrantyPolicyTest {

    private final WarrantyTerms terms = WarrantyTerms.bundled();
    private final WarrantyPolicy policy = new WarrantyPolicy(true);

    private Entitlement decide(String category, LocalDate purchase, LocalDate installed, LocalDate today) {
        return policy.decide(terms.check(category, purchase, installed, today), true, null);
    }

    @ParameterizedTest(name = "{0} bought {1} (installed {2}), called on {3}: {4}")
    @CsvSource(nullValues = "-", textBlock = """
            MOBILE_PHONE,    2025-11-24, -,          2026-11-24, IN_WARRANTY,     within-warranty
            MOBILE_PHONE,    2025-11-24, -,          2026-11-25, OUT_OF_WARRANTY, warranty-expired
            PHONE,           2025-11-24, -,          2026-11-24, IN_WARRANTY,     within-warranty
            WASHING_MACHINE, 2025-11-24, -,          2026-11-24, IN_WARRANTY,     within-warranty
            WASHING_MACHINE, 2025-11-24, -,          2026-11-25, OUT_OF_WARRANTY, warranty-expired
            AIR_CONDITIONER, 2025-11-10, 2025-11-24, 2026-11-24, IN_WARRANTY,     within-warranty
            AIR_CONDITIONER, 2025-11-10, 2025-11-24, 2026-11-25, OUT_OF_WARRANTY, warranty-expired
            AIR_CONDITIONER, 2025-11-10, -,          2026-11-11, OUT_OF_WARRANTY, warranty-expired
            KETTLE,          2026-08-24, -,          2026-11-24, IN_WARRANTY,     within-warranty
            KETTLE,          2026-08-24, -,          2026-11-25, OUT_OF_WARRANTY, warranty-expired
            """)
    void theAnniversaryDayIsStillFreeAndTheDayAfterIsCharged(String category, LocalDate purchase, LocalDate installed,
                                                             LocalDate today, Entitlement.Status status, String rule) {
        Entitlement e = decide(category, purchase, installed, today);

        assertThat(e.status()).isEqualTo(status);
        assertThat(e.rule()).isEqualTo(rule);
        assertThat(e.chargeable()).isEqualTo(status != Entitlement.Status.IN_WARRANTY);
    }

    @Test
    void theReasonSaysFromWhichDateUntilWhichDayInclusive() {
        Entitlement e = decide("AIR_CONDITIONER", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 20), LocalDate.of(2026, 11, 24));

        assertThat(e.reason()).contains("installed 2026-06-20", "P1Y", "until 2027-06-20 inclusive", terms.version());
    }

    @Test
    void anExpiredUnitNamesThePartsStillUnderTheManufacturersCover() {
        Entitlement e = decide("REFRIGERATOR", LocalDate.of(2024, 3, 1), null, LocalDate.of(2026, 11, 24));

        assertThat(e.status()).isEqualTo(Entitlement.Status.OUT_OF_WARRANTY);
        assertThat(e.reason()).contains("ended on 2025-03-01", "COMPRESSOR covered until 2034-03-01");
    }

    @Test
    void withoutCardOrReceiptTheEntitlementIsUnknownAndChargeable() {
        LocalDate today = LocalDate.of(2026, 11, 24);
        Entitlement e = policy.decide(terms.check("TELEVISION", today.minusMonths(1), null, today), false, " ");

        assertThat(e.status()).isEqualTo(Entitlement.Status.UNKNOWN);
        assertThat(e.rule()).isEqualTo("no-proof-of-purchase");
        assertThat(e.chargeable()).isTrue();
        assertThat(policy.decide(terms.check("TELEVISION", today.minusMonths(1), null, today), false, "R-1").status())
                .isEqualTo(Entitlement.Status.IN_WARRANTY);
    }

    @Test
    void proofOfPurchaseCanBeSwitchedOff() {
        LocalDate today = LocalDate.of(2026, 11, 24);
        assertThat(new WarrantyPolicy(false).decide(terms.check("TELEVISION", today.minusMonths(1), null, today), false, null)
                .status()).isEqualTo(Entitlement.Status.IN_WARRANTY);
    }
}
