package com.aftersales.returns.policy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The request's JSON form is the Idempotency-Key fingerprint: it must carry the unit's facts, not a validation flag. */
class EvaluatePolicyRequestJsonTest {

    @Test
    void serialisesTheProductFacts() {
        EvaluatePolicyRequest request = new EvaluatePolicyRequest(null, new EvaluatePolicyRequest.UnitFactsInput("KETTLE",
                LocalDate.of(2026, 3, 1), PriceType.GIFT, null, null, null, "S1"), null, null, null, true, null, null, null,
                null, null, null, null, null);

        JsonNode json = JsonMapper.builder().build().valueToTree(request);

        assertThat(json.path("product").path("category").asString()).isEqualTo("KETTLE");
        assertThat(json.path("product").path("priceType").asString()).isEqualTo("GIFT");
    }
}
