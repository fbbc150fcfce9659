package com.aftersales.dispatch.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.aftersales.testsupport.ServiceArchitecture;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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

    /** Feature cycles, feature-private persistence, listeners without SQL, one persistence name: the platform's rules. */
    @ArchTest
    static final ArchTests platformRules = ArchTests.in(ServiceArchitecture.class);
}
