package com.aftersales.ticket.product;

import com.aftersales.ticket.shared.TicketMetrics;
import com.aftersales.contracts.product.ProductRegistered;
import com.aftersales.contracts.product.ProductUpdated;
import com.aftersales.contracts.ticket.TicketEvents;
import com.aftersales.contracts.warranty.WarrantyTerms;
import com.aftersales.platform.outbox.EventPublisher;
import com.aftersales.platform.web.ProblemException;
import com.aftersales.calendar.BusinessCalendar;
import com.aftersales.ticket.customer.AddressRequest;
import com.aftersales.ticket.customer.CustomerService;
import com.aftersales.domain.error.InvalidFieldException;
import com.aftersales.ticket.shared.Versions;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Use cases on registered products; each runs in one transaction with the events it publishes. */
@Service
public class ProductService {

    static final int HISTORY_LIMIT = 50;

    private final ProductRepository products;
    private final CustomerService customers;
    private final EventPublisher events;
    private final Clock clock;
    private final BusinessCalendar calendar;
    private final MeterRegistry meters;
    private final WarrantyTerms warrantyTerms;
    private final ProductProperties properties;

    ProductService(ProductRepository products, CustomerService customers, EventPublisher events, Clock clock,
                   BusinessCalendar calendar, MeterRegistry meters, WarrantyTerms warrantyTerms, ProductProperties properties) {
        this.properties = properties;
        this.warrantyTerms = warrantyTerms;
        this.products = products;
        this.customers = customers;
        this.events = events;
        this.clock = clock;
        this.calendar = calendar;
        this.meters = meters;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public RegisteredProduct register(UUID customerId, RegisterProductRequest request) {
        customers.require(customerId);
        checkPurchaseDate(request.purchaseDate());
        checkInstallationDate(request.installationDate(), request.purchaseDate());
        Instant now = now();
        RegisteredProduct product = new RegisteredProduct(UUID.randomUUID(), customerId, request.serialNumber(),
                request.model(), warrantyTerms.canonical(request.category()), request.batchNumber(), request.purchaseDate(), request.storeCode(),
                request.receiptNumber(), request.priceType(), Boolean.TRUE.equals(request.customMade()),
                Boolean.TRUE.equals(request.warrantyCardPresent()), !Boolean.FALSE.equals(request.soldByUs()),
                request.installAddress() == null ? null : request.installAddress().toAddress(), request.installationDate(),
                now, now, 0, sale(request.salespersonCode(), request.salePrice()));
        if (!products.insertIfSerialFree(product)) {
            RegisteredProduct existing = products.findByModelAndSerial(request.model(), request.serialNumber()).orElseThrow();
            throw new SerialAlreadyRegisteredException(request.model(), request.serialNumber(), existing.id(),
                    existing.customerId().equals(customerId));
        }
        events.publish(TicketEvents.PRODUCT_REGISTERED, product.id().toString(),
                new ProductRegistered(product.facts(), product.registeredAt()));
        meters.counter(TicketMetrics.PRODUCTS_REGISTERED, "priceType", product.priceType().name()).increment();
        return product;
    }

    private RegisteredProduct.Sale sale(String salespersonCode, java.math.BigDecimal price) {
        String salesperson = salespersonCode == null || salespersonCode.isBlank() ? null : salespersonCode;
        return salesperson == null && price == null ? null : new RegisteredProduct.Sale(salesperson, price, properties.saleCurrency());
    }

    @Transactional
    public RegisteredProduct update(UUID customerId, UUID productId, UpdateProductRequest request, String ifMatch) {
        RegisteredProduct current = products.find(productId).filter(p -> p.customerId().equals(customerId))
                .orElseThrow(() -> ProblemException.notFound("product", productId));
        Versions.checkIfMatch(ifMatch, current.version(), "product " + productId);
        if (request.purchaseDate() != null) {
            checkPurchaseDate(request.purchaseDate());
        }
        AddressRequest address = request.installAddress();
        RegisteredProduct changed = new RegisteredProduct(current.id(), current.customerId(), current.serialNumber(),
                current.model(),
                request.category() != null ? warrantyTerms.canonical(request.category()) : current.category(),
                request.batchNumber() != null ? request.batchNumber() : current.batchNumber(),
                request.purchaseDate() != null ? request.purchaseDate() : current.purchaseDate(),
                request.storeCode() != null ? request.storeCode() : current.storeCode(),
                request.receiptNumber() != null ? request.receiptNumber() : current.receiptNumber(),
                request.priceType() != null ? request.priceType() : current.priceType(),
                request.customMade() != null ? request.customMade() : current.customMade(),
                request.warrantyCardPresent() != null ? request.warrantyCardPresent() : current.warrantyCardPresent(),
                request.soldByUs() != null ? request.soldByUs() : current.soldByUs(),
                address != null ? address.toAddress() : current.installAddress(),
                request.installationDate() != null ? request.installationDate() : current.installationDate(),
                current.registeredAt(), now(), current.version() + 1,
                sale(request.salespersonCode() != null ? request.salespersonCode()
                                : current.sale() == null ? null : current.sale().salespersonCode(),
                        request.salePrice() != null ? request.salePrice() : current.sale() == null ? null : current.sale().price()));
        checkInstallationDate(changed.installationDate(), changed.purchaseDate());
        List<String> changedFields = changed.changedFieldsSince(current);
        if (changedFields.isEmpty()) {
            return current;
        }
        products.update(changed, current.version());
        events.publish(TicketEvents.PRODUCT_UPDATED, changed.id().toString(),
                new ProductUpdated(changed.facts(), changedFields, changed.updatedAt()));
        return changed;
    }

    @Transactional(readOnly = true)
    public Optional<RegisteredProduct> findByModelAndSerial(String model, String serial) {
        return products.findByModelAndSerial(model, serial);
    }

    @Transactional(readOnly = true)
    public List<RegisteredProduct> ofCustomer(UUID customerId) {
        customers.require(customerId);
        return products.findByCustomer(customerId);
    }

    /** Units with this serial (one per model) and their service history. */
    @Transactional(readOnly = true)
    public List<ProductView> lookup(String serial, String model) {
        List<RegisteredProduct> found = model == null
                ? products.findBySerial(serial)
                : products.findByModelAndSerial(model, serial).map(List::of).orElse(List.of());
        if (found.isEmpty()) {
            throw ProblemException.notFound("product", serial);
        }
        return found.stream().map(p -> ProductView.of(p, warranty(p), products.serviceHistory(p.id(), HISTORY_LIMIT))).toList();
    }

    /** The unit as the API shows it, with its warranty cover today. */
    public ProductView view(RegisteredProduct product) {
        return ProductView.of(product, warranty(product), List.of());
    }

    private ProductView.WarrantyView warranty(RegisteredProduct p) {
        return ProductView.WarrantyView.of(warrantyTerms.check(p.category(), p.purchaseDate(), p.installationDate(),
                LocalDate.ofInstant(clock.instant(), calendar.zone())));
    }

    /** An installation happens after the sale and not in the future. */
    private void checkInstallationDate(LocalDate installationDate, LocalDate purchaseDate) {
        if (installationDate == null) {
            return;
        }
        if (installationDate.isBefore(purchaseDate)) {
            throw new InvalidFieldException("installationDate", "must not be before the purchase date " + purchaseDate);
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), calendar.zone());
        if (installationDate.isAfter(today)) {
            throw new InvalidFieldException("installationDate", "must not be in the future (today is " + today + " in " + calendar.zone() + ")");
        }
    }

    /** A purchase cannot lie in the future of the business time zone (a store's "today" is a Shanghai date). */
    private void checkPurchaseDate(LocalDate purchaseDate) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), calendar.zone());
        if (purchaseDate.isAfter(today)) {
            throw new InvalidFieldException("purchaseDate", "must not be in the future (today is " + today + " in " + calendar.zone() + ")");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
