package com.aftersales.returns.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.aftersales.testsupport.ServiceArchitecture;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The dependency rules of the service: framework-free domain models, features that do not form cycles. */
@AnalyzeClasses(packages = "com.aftersales.returns", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The policy engine and its inputs and outputs: decided in unit tests and benchmarks without Spring. */
    static final String POLICY_DOMAIN = "com\\.aftersales\\.returns\\.policy\\.(ReturnPolicyEngine|CaseFacts|CategoryPolicy|DealerPolicy"
            + "|PolicySettings|PolicyRule|PolicyDecision|PolicyWindow|RuleOutcome|FreightDecision|FreightPayer|DealerTerms|Remedy"
            + "|PriceType|ReturnChannel|StoreTimeZones|InvalidReturnCaseException|UnknownProductException|PolicyDecisionView)(\\$.*)?";
    /** The RMA lifecycle rules. */
    static final String RMA_DOMAIN = "com\\.aftersales\\.returns\\.rma\\.(ReturnOrder|ReturnStatus|InspectionReport|FeeSchedule"
            + "|IllegalReturnTransitionException|RequestDateRule)(\\$.*)?";
    /** Depots, routing and the repair promise. */
    static final String DEPOT_DOMAIN = "com\\.aftersales\\.returns\\.depot\\.(Depot|DepotKind|DepotRepair|DepotRepairStatus|DepotRouter"
            + "|IllegalDepotRepairTransitionException|DepotAccessDeniedException|NoDepotForCategoryException)(\\$.*)?";

    @ArchTest
    static final ArchRule domainModelsArePlainJava = noClasses()
            .that().haveNameMatching(POLICY_DOMAIN).or().haveNameMatching(RMA_DOMAIN).or().haveNameMatching(DEPOT_DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "com.aftersales.platform..",
                    "tools.jackson..", "io.swagger..")
            .because("domain rules run in unit tests and benchmarks without Spring and outlive the adapters");

    /** Feature cycles, feature-private persistence, listeners without SQL, one persistence name: the platform's rules. */
    @ArchTest
    static final ArchTests platformRules = ArchTests.in(ServiceArchitecture.class);
}
