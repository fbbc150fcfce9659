package com.aftersales.platform.retention;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code aftersales.retention}: how the platform tables are kept small.
 *
 * @param enabled         whether the job runs (a second instance of a service may run it too: deletes are idempotent)
 * @param interval        pause between runs
 * @param batchSize       rows deleted per statement (each its own transaction)
 * @param maxBatchesPerRun at most this many batches per table and run, so a large backlog is worked off over several
 *                        runs instead of in one long burst
 * @param processedEvents how long a consumer remembers an event it handled ({@code processed_event}). It must exceed
 *                        the longest time an event can still be delivered again: the topics' and dead-letter topics'
 *                        retention (Kafka's default is 7 days) and the age of a backup that may be restored
 *                        (docs/backup.md); an event redelivered after its row is gone would be handled twice
 */
@ConfigurationProperties("aftersales.retention")
public record RetentionProperties(@DefaultValue("true") boolean enabled,
                                  @DefaultValue("10m") Duration interval,
                                  @DefaultValue("1000") int batchSize,
                                  @DefaultValue("100") int maxBatchesPerRun,
                                  @DefaultValue("30d") Duration processedEvents) {

    public RetentionProperties {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("aftersales.retention.interval must be positive");
        }
        if (batchSize < 1 || maxBatchesPerRun < 1) {
            throw new IllegalArgumentException("aftersales.retention.batch-size and max-batches-per-run must be at least 1");
        }
        if (processedEvents == null || processedEvents.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("aftersales.retention.processed-events must be at least 1d (it must outlive "
                    + "every redelivery of an event)");
        }
    }
}
