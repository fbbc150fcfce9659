package com.aftersales.testsupport;

import com.aftersales.testsupport.boundaries.FixtureRepository;
import com.aftersales.testsupport.boundaries.stock.StockLevels;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The feature rule fails on a deliberate violation (fixtures under {@code boundaries}) and names what broke it. */
class FeatureBoundariesTest {

    private final JavaClasses fixtures = new ClassFileImporter().importPackages("com.aftersales.testsupport.boundaries");

    @Test
    void aPublicRepositoryUsedByAnotherFeatureFailsTheRule() {
        EvaluationResult result = FeatureBoundaries.persistenceStaysInItsFeature(FixtureRepository.class.getName())
                .evaluate(fixtures);

        assertThat(result.hasViolation()).isTrue();
        String report = String.join("\n", result.getFailureReport().getDetails());
        assertThat(report).contains("StockRepository> has modifier PUBLIC");
        assertThat(report).contains("OrderService.canShip(java.lang.String)> calls method <" + "com.aftersales.testsupport.boundaries.stock.StockRepository.onHand");
        // The feature's own interface using its repository is allowed, and so is another feature using that interface.
        assertThat(result.getFailureReport().getDetails())
                .noneMatch(line -> line.contains("<" + StockLevels.class.getName()))
                .noneMatch(line -> line.contains("OrderService") && line.contains(StockLevels.class.getSimpleName()));
    }
}
