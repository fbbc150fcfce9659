package com.aftersales.returns.product;

import java.util.Optional;
import java.util.UUID;

/**
 * The registered units as ticket-service published them (ProductRegistered/Updated), for the policy and the depots:
 * the feature's interface to the other features of the service; the SQL behind it ({@code ProductReplicaRepository})
 * is package-private (checked by the service's ArchitectureTest).
 */
public interface ProductReplica {

    /** The unit with this serial; if a serial was registered twice, the most recently reported one. */
    Optional<ProductSnapshot> bySerial(String serialNumber);

    Optional<ProductSnapshot> byId(UUID productId);
}
