package com.aftersales.platform.web;

import java.util.Optional;

/**
 * Lets a service map its own domain exceptions to problems without its domain classes knowing
 * about HTTP: declare a bean, and {@link ProblemDetailsAdvice} asks it before treating an exception
 * as unexpected.
 */
@FunctionalInterface
public interface ProblemMapper {

    Optional<ProblemException> toProblem(Throwable exception);
}
