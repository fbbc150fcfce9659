package com.aftersales.feedback.quality;

import com.aftersales.platform.metrics.CachedGauges;
import com.aftersales.feedback.shared.FeedbackMetrics;
import com.aftersales.contracts.feedback.FeedbackEvents;
import com.aftersales.contracts.feedback.QualityAlertRaised;
import com.aftersales.platform.outbox.EventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Runs the detector over the projection and raises an alert (row + {@code QualityAlertRaised} in one
 * transaction) for each alerting cell that has none yet.
 */
@Service
class QualityScanService {

    private static final Logger log = LoggerFactory.getLogger(QualityScanService.class);

    private final QualityRepository repository;
    private final ClusterDetector detector;
    private final QualityProperties properties;
    private final EventPublisher events;
    private final Clock clock;
    private final MeterRegistry meters;

    QualityScanService(QualityRepository repository, QualityProperties properties, EventPublisher events, Clock clock,
                       MeterRegistry meters, CachedGauges gauges) {
        this.repository = repository;
        this.detector = new ClusterDetector(properties.detection());
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.meters = meters;
        gauges.register(FeedbackMetrics.QUALITY_ALERTS, "Quality alerts on record", null, repository::alertCount);
    }

    /** What one scan found. */
    record ScanResult(int cellsObserved, int cellsTested, int hypotheses, double bhCutoff, List<QualityAlertRaised> raised,
                      List<String> alreadyAlerted) {
    }

    @Scheduled(initialDelayString = "${aftersales.feedback.quality.scan-interval}",
            fixedDelayString = "${aftersales.feedback.quality.scan-interval}")
    void scheduledScan() {
        ScanResult result = scan();
        log.info("Quality scan: {} cells tested of {} hypotheses, {} alerts raised", result.cellsTested(),
                result.hypotheses(), result.raised().size());
    }

    @Transactional
    public ScanResult scan() {
        DetectionReport report = detector.scan(repository.observations());
        List<QualityAlertRaised> raised = new ArrayList<>();
        List<String> already = new ArrayList<>();
        for (CellTest test : report.alerts()) {
            if (repository.alertExists(test.cell())) {
                already.add(test.cell().toString());
                continue;
            }
            QualityAlertRaised alert = toEvent(test);
            if (repository.insertAlert(alert)) {
                events.publish(FeedbackEvents.QUALITY_ALERT_RAISED, alert.alertId().toString(), alert);
                meters.counter(FeedbackMetrics.QUALITY_ALERTS_RAISED).increment();
                raised.add(alert);
            }
        }
        int hypotheses = report.tested().isEmpty() ? 0 : report.tested().get(0).tests();
        return new ScanResult(report.cellsObserved(), report.tested().size(), hypotheses, report.bhCutoff(), raised, already);
    }

    private QualityAlertRaised toEvent(CellTest t) {
        CellKey c = t.cell();
        return new QualityAlertRaised(UUID.randomUUID(), c.model(), c.batchNumber(), c.regionCode(), c.faultCode(),
                t.failedUnits(), t.units(), t.failureRate(), t.baselineRate(), t.expectedFailures(), t.rateRatio(),
                t.pValue(), t.rank(), t.tests(), t.bhThreshold(), properties.detection().falseDiscoveryRate(),
                ClusterDetector.METHOD, t.rulesFired(), t.explanation(), repository.sources(c),
                repository.countUnitsAtRisk(c), clock.instant());
    }
}
