package com.aftersales.testsupport.boundaries;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** Stands for Spring's {@code @Repository} in the fixture features (test-support does not depend on Spring's stereotypes). */
@Retention(RetentionPolicy.RUNTIME)
public @interface FixtureRepository {
}
