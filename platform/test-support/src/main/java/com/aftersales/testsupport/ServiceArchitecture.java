package com.aftersales.testsupport;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules every service's architecture holds, written once; a service's ArchitectureTest includes them with
 * {@code @ArchTest static final ArchTests platform = ArchTests.in(ServiceArchitecture.class)} and adds its own (which of
 * its classes are plain-Java domain rules). The analysed classes are the service's own ({@code com.aftersales.<service>}).
 */
public final class ServiceArchitecture {

    /** Features ({@code com.aftersales.<service>.<feature>}) depend on each other without cycles. */
    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("com.aftersales.*.(*)..").should().beFreeOfCycles();

    /** A feature's SQL (its @Repository classes) is package-private; other features use the feature's interface. */
    @ArchTest
    static final ArchRule persistenceStaysInItsFeature = FeatureBoundaries.persistenceStaysInItsFeature();

    /** Kafka listeners hand events on; the SQL is in the feature's repository. */
    @ArchTest
    static final ArchRule listenersHoldNoSql = FeatureBoundaries.listenersHoldNoSql();

    /** One name for persistence: {@code ...Repository}. */
    @ArchTest
    static final ArchRule persistenceIsNamedRepository = FeatureBoundaries.persistenceIsNamedRepository();

    private ServiceArchitecture() {
    }
}
