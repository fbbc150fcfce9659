package com.aftersales.dispatch.technician;

import com.aftersales.contracts.EventType;
import com.aftersales.platform.partner.PartnerDeliveries;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Publishes the events that give a technician work (assigned, unassigned, visit scheduled). When the technician
 * belongs to a partner depot, the same CloudEvent also goes to that depot's partner topic, so the partner learns of
 * its technicians' work without reading the platform's topics; in-house technicians' events stay internal.
 */
@Component
public class TechnicianWorkEvents {

    private final PartnerDeliveries deliveries;
    private final TechnicianRepository technicians;

    TechnicianWorkEvents(PartnerDeliveries deliveries, TechnicianRepository technicians) {
        this.deliveries = deliveries;
        this.technicians = technicians;
    }

    /**
     * As {@link #publish(EventType, String, Object, UUID)} for a technician the caller has just read in its transaction:
     * his partner depot is taken from it instead of being read again.
     */
    public <T> UUID publish(EventType<T> type, String key, T data, Technician technician) {
        return deliveries.publish(type, key, data, technician.partnerDepot());
    }

    /** In the caller's transaction, like {@code EventPublisher#publish}; returns the event id. */
    public <T> UUID publish(EventType<T> type, String key, T data, UUID technicianId) {
        return deliveries.publish(type, key, data, technicians.partnerDepotOf(technicianId).orElse(null));
    }
}
