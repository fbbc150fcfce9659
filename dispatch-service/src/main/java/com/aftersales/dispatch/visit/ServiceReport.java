package com.aftersales.dispatch.visit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One version of a visit's service report (服务单). Once signed it never changes; a correction is a new version.
 *
 * @param dataBackupDone the customer's data was backed up before work (where relevant)
 * @param causeExplained the technician explained the cause and how to prevent it
 * @param photos         references to stored photos
 */
public record ServiceReport(UUID id, UUID visitId, int version, String cause, String fix, String faultCategory,
                            String faultCode, String fixCode, List<PartUse> parts, int labourMinutes,
                            boolean dataBackupDone, boolean causeExplained, List<String> photos, SignOff signOff,
                            Instant createdAt) {

    public record PartUse(String partNumber, int quantity) {
    }

    /** The customer's sign-off: who, when and a reference to the signature image. */
    public record SignOff(String signerName, String signatureRef, Instant signedAt) {
    }

    public boolean signed() {
        return signOff != null;
    }
}
