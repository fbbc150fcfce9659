package com.aftersales.returns.policy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/returns/policy", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Returns policy", description = "The returns, exchanges and repairs policy (三包), explained")
class PolicyController {

    private final PolicyEvaluator evaluator;

    PolicyController(PolicyEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    @PostMapping(path = "/evaluate", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "What remedy the policy gives a case, and why",
            description = "Side-effect free: nothing is stored or published. Answers NO_REASON_RETURN, REFUND, EXCHANGE, "
                    + "FREE_REPAIR, PAID_REPAIR or REJECTED with every rule that fired or blocked, the dates compared and the "
                    + "window boundaries, and the policy version. A request after the last window is a REJECTED decision (200).")
    @ApiResponse(responseCode = "200", description = "The decision",
            content = @Content(schema = @Schema(implementation = PolicyDecisionView.class)))
    @ApiResponse(responseCode = "400", description = "Invalid fields (also a request date before the purchase date)",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "No registered product with this serial number",
            content = @Content(mediaType = "application/problem+json"))
    PolicyDecisionView evaluate(@Valid @RequestBody EvaluatePolicyRequest request) {
        return evaluator.evaluate(request).view().inRequestLanguage();
    }
}
