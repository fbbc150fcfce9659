package com.aftersales.dispatch.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The dependency rules of the service: framework-free domain rules, features that do not form cycles. */
@AnalyzeClasses(packages = "com.aftersales.dispatch", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The rules unit tests run without Spring: scoring, charges, calendars and areas, visit lifecycle, planning. */
    static final String DOMAIN = "com\\.aftersales\\.dispatch\\.("
            + "assignment\\.(AssignmentEngine|AssignmentPolicy|Candidate|Proposal)"
            + "|charge\\.(ChargeCalculator|RateTable)"
            + "|technician\\.(Technician|Skill|ServiceArea|WorkingCalendar|FixRecord|TechnicianStatus)"
            + "|visit\\.(Visit|VisitStatus|ServiceReport)"
            + "|job\\.(DispatchJob|DispatchJobStatus|VisitRequirement|JobIntakeRules)"
            + "|planning\\.(DayPlan|DayPlanner|DayPlanConstraints|PlanTechnician|PlanVisit|Route)"
            + "|shared\\.(GeoPoint|TravelModel|InvalidRequestException|RuleViolationException|ForbiddenActorException)"
            + ")(\\$.*)?";

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses()
            .that().haveNameMatching(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "com.aftersales.platform..")
            .because("domain rules run in unit tests and the benchmark without Spring");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("com.aftersales.dispatch.(*)..").should().beFreeOfCycles();

    /** A feature's SQL (its @Repository classes) is package-private; other features use the feature's interface. */
    @ArchTest
    static final ArchRule persistenceStaysInItsFeature = com.aftersales.testsupport.FeatureBoundaries.persistenceStaysInItsFeature();

    /** Kafka listeners hand events on; the SQL is in the feature's repository. */
    @ArchTest
    static final ArchRule listenersHoldNoSql = com.aftersales.testsupport.FeatureBoundaries.listenersHoldNoSql();

    @ArchTest
    static final ArchRule persistenceIsNamedRepository = com.aftersales.testsupport.FeatureBoundaries.persistenceIsNamedRepository();
}
