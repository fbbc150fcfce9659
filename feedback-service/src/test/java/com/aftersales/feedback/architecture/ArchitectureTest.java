package com.aftersales.feedback.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The dependency rules of the service: a framework-free domain, features that do not form cycles. */
@AnalyzeClasses(packages = "com.aftersales.feedback", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The domain model: the detector, the workflow and the rules that unit tests run without Spring. */
    static final String DOMAIN_MODEL = "com\\.aftersales\\.feedback\\.("
            + "quality\\.(ClusterDetector|Binomial|CellKey|CellTest|DetectionReport|DetectionSettings|QualityObservations)"
            + "|complaint\\.(Complaint|ComplaintStatus|ComplaintStep|Severity|AboutType|ComplaintChannel|IllegalComplaintTransitionException)"
            + "|survey\\.(LowScoreRule|SurveyTokens)"
            + "|notification\\.(DeliveryPolicy|NoticeTemplates|NoticeType|ChannelKind)"
            + "|kpi\\.(KpiContribution|KpiFormulas|Measure|Measures|Dimension|TicketFacts))(\\$.*)?";

    @ArchTest
    static final ArchRule domainModelIsPlainJava = noClasses()
            .that().haveNameMatching(DOMAIN_MODEL)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "com.aftersales.platform..")
            .because("domain rules run in unit tests without Spring and outlive the adapters");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("com.aftersales.feedback.(*)..").should().beFreeOfCycles();

    /** A feature's SQL (its @Repository classes) is package-private; other features use the feature's interface. */
    @ArchTest
    static final ArchRule persistenceStaysInItsFeature = com.aftersales.testsupport.FeatureBoundaries.persistenceStaysInItsFeature();

    /** Kafka listeners hand events on; the SQL is in the feature's repository. */
    @ArchTest
    static final ArchRule listenersHoldNoSql = com.aftersales.testsupport.FeatureBoundaries.listenersHoldNoSql();

    @ArchTest
    static final ArchRule persistenceIsNamedRepository = com.aftersales.testsupport.FeatureBoundaries.persistenceIsNamedRepository();
}
