package com.aftersales.feedback.customer;

import java.util.Optional;
import java.util.UUID;

/**
 * The customers' contact profiles as ticket-service published them, for surveys and notices: the feature's interface
 * to the other features of the service; the SQL behind it ({@code CustomerProfileRepository}) is package-private
 * (checked by the service's ArchitectureTest).
 */
public interface CustomerProfiles {

    Optional<CustomerProfile> find(UUID customerId);
}
