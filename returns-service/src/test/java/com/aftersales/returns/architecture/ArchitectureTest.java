package com.aftersales.returns.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("com.aftersales.returns.(*)..").should().beFreeOfCycles();

    /** A feature's SQL (its @Repository classes) is package-private; other features use the feature's interface. */
    @ArchTest
    static final ArchRule persistenceStaysInItsFeature = com.aftersales.testsupport.FeatureBoundaries.persistenceStaysInItsFeature();

    /** Kafka listeners hand events on; the SQL is in the feature's repository. */
    @ArchTest
    static final ArchRule listenersHoldNoSql = com.aftersales.testsupport.FeatureBoundaries.listenersHoldNoSql();

    @ArchTest
    static final ArchRule persistenceIsNamedRepository = com.aftersales.testsupport.FeatureBoundaries.persistenceIsNamedRepository();
}
