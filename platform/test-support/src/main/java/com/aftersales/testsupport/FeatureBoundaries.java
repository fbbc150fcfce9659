package com.aftersales.testsupport;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Feature boundaries inside a service, derived from the code rather than from lists: a feature is a package, and its
 * persistence (the classes annotated {@code @Repository}, which hold the SQL) is package-private and used only inside
 * that package. Other features go through the feature's public interface (e.g. dispatch's {@code DispatchJobs},
 * {@code Technicians}), so a feature's tables can change without the others noticing. Every service's
 * ArchitectureTest applies {@link #persistenceStaysInItsFeature()} and {@link #listenersHoldNoSql()}.
 */
public final class FeatureBoundaries {

    public static final String SPRING_REPOSITORY = "org.springframework.stereotype.Repository";
    static final String KAFKA_LISTENER = "org.springframework.kafka.annotation.KafkaListener";
    static final String JDBC_CLIENT = "org.springframework.jdbc.core.simple.JdbcClient";
    static final String JDBC_TEMPLATE = "org.springframework.jdbc.core.JdbcTemplate";
    static final String NAMED_JDBC_TEMPLATE = "org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate";

    private FeatureBoundaries() {
    }

    /** Spring's {@code @Repository} classes stay inside their feature. */
    public static ArchRule persistenceStaysInItsFeature() {
        return persistenceStaysInItsFeature(SPRING_REPOSITORY);
    }

    /** Classes annotated with {@code annotation} (a fully qualified name) stay inside their feature. */
    public static ArchRule persistenceStaysInItsFeature(String annotation) {
        return classes().that().areAnnotatedWith(annotation)
                .should().notBePublic()
                .andShould(beUsedOnlyInTheirOwnPackage())
                .because("another feature uses a feature's public interface, never its SQL");
    }

    /** One name for persistence: a {@code @Repository} class is a {@code ...Repository}, whatever it stores. */
    public static ArchRule persistenceIsNamedRepository() {
        return classes().that().areAnnotatedWith(SPRING_REPOSITORY).should().haveSimpleNameEndingWith("Repository")
                .because("Store, Reads, Replica, Profiles and Query named the same thing five ways");
    }

    /**
     * A Kafka listener (a class with a {@code @KafkaListener} method) hands events to a feature's service or repository
     * and holds no SQL itself: all SQL is in {@code @Repository} classes.
     */
    public static ArchRule listenersHoldNoSql() {
        return noClasses().that(haveAMethodAnnotatedWith(KAFKA_LISTENER))
                .should().dependOnClassesThat().haveFullyQualifiedName(JDBC_CLIENT)
                .orShould().dependOnClassesThat().haveFullyQualifiedName(JDBC_TEMPLATE)
                .orShould().dependOnClassesThat().haveFullyQualifiedName(NAMED_JDBC_TEMPLATE)
                .because("SQL lives in the feature's repository, where the rule above keeps it");
    }

    private static DescribedPredicate<JavaClass> haveAMethodAnnotatedWith(String annotation) {
        return DescribedPredicate.describe("have a method annotated @" + annotation.substring(annotation.lastIndexOf('.') + 1),
                javaClass -> javaClass.getMethods().stream().anyMatch(method -> method.isAnnotatedWith(annotation)));
    }

    private static ArchCondition<JavaClass> beUsedOnlyInTheirOwnPackage() {
        return new ArchCondition<>("be used only by classes of their own package") {
            @Override
            public void check(JavaClass persistence, ConditionEvents events) {
                for (Dependency dependency : persistence.getDirectDependenciesToSelf()) {
                    if (!dependency.getOriginClass().getPackageName().equals(persistence.getPackageName())) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
