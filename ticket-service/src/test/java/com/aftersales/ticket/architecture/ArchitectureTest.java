package com.aftersales.ticket.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.aftersales.testsupport.ServiceArchitecture;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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

    /** Feature cycles, feature-private persistence, listeners without SQL, one persistence name: the platform's rules. */
    @ArchTest
    static final ArchTests platformRules = ArchTests.in(ServiceArchitecture.class);
}
