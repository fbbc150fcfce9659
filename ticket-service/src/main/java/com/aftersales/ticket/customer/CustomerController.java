package com.aftersales.ticket.customer;

import com.aftersales.platform.idempotency.IdempotentRequests;
import com.aftersales.platform.web.paging.KeysetPage;
import com.aftersales.platform.web.paging.PageLinks;
import com.aftersales.platform.web.paging.PageToken;
import com.aftersales.platform.web.paging.PagingProperties;
import com.aftersales.ticket.security.StoreScope;
import com.aftersales.ticket.shared.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@RestController
@Validated
@RequestMapping(path = "/api/customers", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Customers", description = "Customer profiles (客户档案)")
class CustomerController {

    static final String REGISTER_SCOPE = "POST /api/customers";
    static final String LIST = "customers";

    private final CustomerService customers;
    private final IdempotentRequests idempotency;
    private final StoreScope scope;
    private final PagingProperties paging;

    CustomerController(CustomerService customers, IdempotentRequests idempotency, StoreScope scope,
                       PagingProperties paging) {
        this.customers = customers;
        this.idempotency = idempotency;
        this.scope = scope;
        this.paging = paging;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register a customer",
            description = "Phones are normalised to E.164 where possible; names are stored exactly as given. Publishes "
                    + "aftersales.customer.registered.v1 in the same transaction. Idempotency-Key makes retries safe.")
    @ApiResponse(responseCode = "201", description = "Registered", content = @Content(schema = @Schema(implementation = CustomerView.class)))
    @ApiResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "Idempotency-Key reused with a different body", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<Object> register(
            @Parameter(description = "Client-chosen key that makes the request safe to retry")
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody RegisterCustomerRequest request) {
        return idempotency.create(REGISTER_SCOPE, idempotencyKey, request, () -> {
            Customer customer = customers.register(request);
            return new IdempotentRequests.Created(URI.create("/api/customers/" + customer.id()), CustomerView.of(customer));
        });
    }

    @GetMapping("/{id}")
    @Operation(summary = "A customer profile", description = "The ETag carries the version for If-Match on PATCH.")
    @ApiResponse(responseCode = "404", description = "No such customer", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<CustomerView> get(@PathVariable UUID id) {
        scope.requireCustomer(id);
        Customer customer = customers.require(id);
        return ResponseEntity.ok().eTag(Versions.etag(customer.version())).body(CustomerView.of(customer));
    }

    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a customer profile", description = "Absent fields stay as they are. Send If-Match with "
            + "the ETag you read: if someone changed the profile since, the answer is a 409 concurrent-modification problem.")
    @ApiResponse(responseCode = "404", description = "No such customer", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "Changed by someone else", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<CustomerView> update(@PathVariable UUID id,
                                        @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                        @Valid @RequestBody UpdateCustomerRequest request) {
        scope.requireCustomer(id);
        Customer customer = customers.update(id, request, ifMatch);
        return ResponseEntity.ok().eTag(Versions.etag(customer.version())).body(CustomerView.of(customer));
    }

    @GetMapping
    @Operation(summary = "Find customers by phone, name or serial number",
            description = "Every given criterion must match. A phone is compared in E.164 form, a name by substring "
                    + "(case-insensitive), a serial number against the customer's registered products. Newest first "
                    + "(registered, then id); paged as every list (docs/paging.md): pageSize and pageToken, the next "
                    + "page in the Link rel=\"next\" header. A store clerk finds only customers with a unit sold "
                    + "through his store.")
    ResponseEntity<List<CustomerView>> search(
            @RequestParam(required = false) @Size(max = 32) String phone,
            @RequestParam(required = false) @Size(max = 200) String name,
            @RequestParam(required = false) @Size(max = 64) String serial,
            @Parameter(description = "Customers per page (default and maximum: aftersales.paging.lists.customers)")
            @RequestParam(required = false) @Min(1) @Max(PagingProperties.HARD_MAX_PAGE_SIZE) Integer pageSize,
            @Parameter(description = "The pageToken of the Link rel=\"next\" header of the page before")
            @RequestParam(required = false) @Size(max = PageToken.MAX_LENGTH) String pageToken,
            @Parameter(deprecated = true, description = "Deprecated name of pageSize")
            @RequestParam(required = false) @Min(1) @Max(PagingProperties.HARD_MAX_PAGE_SIZE) Integer limit) {
        int size = paging.pageSize(LIST, pageSize, limit);
        PageToken after = PageToken.parse(pageToken, 2);
        // A store clerk's scope is a condition of the query, before the limit: he gets full pages of his customers.
        List<Customer> found = customers.search(phone, name, serial, scope.store().orElse(null),
                after == null ? null : after.instant(0), after == null ? null : after.uuid(1), size + 1);
        return PageLinks.ok(KeysetPage.of(found, size, c -> PageToken.of(c.registeredAt(), c.id())).map(CustomerView::of));
    }
}
