package com.aftersales.testsupport;

import org.springframework.context.annotation.Import;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Runs a Spring Boot test against the real PostgreSQL and Kafka of {@link TestInfrastructure}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(RealInfrastructureConfiguration.class)
public @interface WithRealInfrastructure {
}
