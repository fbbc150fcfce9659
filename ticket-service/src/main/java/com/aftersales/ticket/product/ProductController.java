package com.aftersales.ticket.product;

import com.aftersales.platform.idempotency.IdempotentRequests;
import com.aftersales.platform.web.ProblemException;
import com.aftersales.platform.web.ProblemType;
import com.aftersales.ticket.security.StoreScope;
import com.aftersales.ticket.shared.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@RestController
@Validated
@Tag(name = "Products", description = "Registered units (sold products) and their service history")
class ProductController {

    private final ProductService products;
    private final IdempotentRequests idempotency;
    private final StoreScope scope;

    ProductController(ProductService products, IdempotentRequests idempotency, StoreScope scope) {
        this.scope = scope;
        this.products = products;
        this.idempotency = idempotency;
    }

    @PostMapping(path = "/api/customers/{customerId}/products", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register a sold unit to a customer",
            description = "Stores call this at sale, the call centre at first contact. The serial number is unique per "
                    + "model. Publishes aftersales.product.registered.v1 in the same transaction.")
    @ApiResponse(responseCode = "201", description = "Registered", content = @Content(schema = @Schema(implementation = ProductView.class)))
    @ApiResponse(responseCode = "400", description = "Invalid fields (e.g. purchase date in the future)", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "No such customer", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "Serial number already registered", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<Object> register(@PathVariable UUID customerId,
                                    @Parameter(description = "Client-chosen key that makes the request safe to retry")
                                    @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
                                    @Valid @RequestBody RegisterProductRequest request) {
        scope.requireNewSale(customerId, request.storeCode());
        return idempotency.create("POST /api/customers/" + customerId + "/products", idempotencyKey, request, () -> {
            RegisteredProduct product = products.register(customerId, request);
            return new IdempotentRequests.Created(URI.create("/api/customers/" + customerId + "/products/" + product.id()),
                    products.view(product));
        });
    }

    @GetMapping(path = "/api/customers/{customerId}/products", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A customer's registered units")
    @ApiResponse(responseCode = "404", description = "No such customer", content = @Content(mediaType = "application/problem+json"))
    List<ProductView> ofCustomer(@PathVariable UUID customerId) {
        scope.requireCustomer(customerId);
        return products.ofCustomer(customerId).stream().filter(p -> scope.storeVisible(p.storeCode()))
                .map(p -> products.view(p)).toList();
    }

    @PatchMapping(path = "/api/customers/{customerId}/products/{productId}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Correct a unit's facts", description = "Absent fields stay as they are. Publishes "
            + "aftersales.product.updated.v1 with the changed field names when anything changed. If-Match guards against "
            + "overwriting someone else's change (409).")
    @ApiResponse(responseCode = "404", description = "No such product for this customer", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "Changed by someone else", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<ProductView> update(@PathVariable UUID customerId, @PathVariable UUID productId,
                                       @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                       @Valid @RequestBody UpdateProductRequest request) {
        if (scope.store().isPresent()) {
            // A store corrects only its own sales, and cannot hand a unit to another store.
            boolean own = products.ofCustomer(customerId).stream()
                    .anyMatch(p -> p.id().equals(productId) && scope.storeVisible(p.storeCode()));
            if (!own) {
                throw ProblemException.notFound("product", productId);
            }
            if (request.storeCode() != null && !scope.storeVisible(request.storeCode())) {
                throw new ProblemException(ProblemType.FORBIDDEN, "A store cannot move a unit to another store");
            }
        }
        RegisteredProduct product = products.update(customerId, productId, request, ifMatch);
        return ResponseEntity.ok().eTag(Versions.etag(product.version())).body(products.view(product));
    }

    @GetMapping(path = "/api/products/{serial}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Find a unit by serial number, with its service history",
            description = "Serial numbers are unique per model: give the model when two models share a serial. Answers "
                    + "every matching unit.")
    @ApiResponse(responseCode = "404", description = "No unit with this serial", content = @Content(mediaType = "application/problem+json"))
    List<ProductView> lookup(@PathVariable @Size(max = 64) String serial,
                             @RequestParam(required = false) @Size(max = 64) String model) {
        List<ProductView> found = products.lookup(serial, model).stream()
                .filter(p -> scope.storeVisible(p.storeCode())).toList();
        if (found.isEmpty()) {
            throw ProblemException.notFound("product", serial);
        }
        return found;
    }
}
