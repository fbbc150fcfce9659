package com.aftersales.feedback.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.aftersales.testsupport.ServiceArchitecture;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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

    /** Feature cycles, feature-private persistence, listeners without SQL, one persistence name: the platform's rules. */
    @ArchTest
    static final ArchTests platformRules = ArchTests.in(ServiceArchitecture.class);
}
