package com.aftersales.dispatch.technician;

import java.util.UUID;

/** In-process notice, published in the status change's transaction: the technician's open jobs need someone else. */
public record TechnicianWentOffDuty(UUID technicianId) {
}
