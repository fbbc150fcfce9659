package com.aftersales.returns.depot;

import com.aftersales.platform.web.ProblemException;
import com.aftersales.platform.web.ProblemMapper;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** Problem types of depot repair: another depot's order is a 403, a status out of order a 409. */
@Component
class DepotProblems implements ProblemMapper {

    static final URI FORBIDDEN = URI.create("urn:aftersales:problem:forbidden");
    static final URI NO_DEPOT = URI.create("urn:aftersales:problem:no-depot-for-category");

    @Override
    public Optional<ProblemException> toProblem(Throwable exception) {
        if (exception instanceof DepotAccessDeniedException denied) {
            return Optional.of(new ProblemException(FORBIDDEN, HttpStatus.FORBIDDEN, "Forbidden", denied.getMessage(), Map.of()));
        }
        if (exception instanceof NoDepotForCategoryException none) {
            return Optional.of(new ProblemException(NO_DEPOT, HttpStatus.CONFLICT, "No depot for this category",
                    none.getMessage(), Map.of()));
        }
        return Optional.empty();
    }
}
