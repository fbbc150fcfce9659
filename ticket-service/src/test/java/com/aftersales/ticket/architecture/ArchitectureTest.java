package com.aftersales.ticket.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The dependency rules of the service: a framework-free domain, features that do not form cycles. */
@AnalyzeClasses(packages = "com.aftersales.ticket", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The domain model: lifecycle, entitlement, SLA and customer rules that unit tests run without Spring. */
    static final String DOMAIN_MODEL = "com\\.aftersales\\.ticket\\.("
            + "ticket\\.(Ticket|TicketStatus|TicketType|Channel|Priority|TimelineEntry|IllegalTransitionException"
            + "|TicketRuleViolation|Entitlement|WarrantyPolicy|LifecycleRules|TicketSubject|Attachment|EscalationTarget)"
            + "|sla\\.(SlaClock|SlaPolicy|SlaTargets|SlaClockType)"
            + "|customer\\.(Customer|PhoneNumbers|Address|CustomerTier)"
            + "|product\\.(RegisteredProduct|PriceType)"
            + "|knowledge\\.(KnowledgeArticle|ArticleStatus))(\\$.*)?";

    @ArchTest
    static final ArchRule domainModelIsPlainJava = noClasses()
            .that().haveNameMatching(DOMAIN_MODEL)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "com.aftersales.platform..")
            .because("domain rules run in unit tests without Spring and outlive the adapters");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("com.aftersales.ticket.(*)..").should().beFreeOfCycles();

    /** A feature's SQL (its @Repository classes) is package-private; other features use the feature's interface. */
    @ArchTest
    static final ArchRule persistenceStaysInItsFeature = com.aftersales.testsupport.FeatureBoundaries.persistenceStaysInItsFeature();

    /** Kafka listeners hand events on; the SQL is in the feature's repository. */
    @ArchTest
    static final ArchRule listenersHoldNoSql = com.aftersales.testsupport.FeatureBoundaries.listenersHoldNoSql();

    @ArchTest
    static final ArchRule persistenceIsNamedRepository = com.aftersales.testsupport.FeatureBoundaries.persistenceIsNamedRepository();
}
