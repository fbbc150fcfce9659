package com.aftersales.domain.error;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

class DomainErrorsTest {

    enum Light { RED, AMBER, GREEN }

    @Test
    void aTransitionSaysWhereTheRecordIsAndWhereItMayGoInNameOrder() {
        IllegalTransitionException illegal = new IllegalTransitionException("traffic-light", Light.RED, Light.GREEN,
                EnumSet.of(Light.RED, Light.AMBER), IllegalTransitionException.cannotMove("traffic-light", Light.RED, Light.GREEN));

        assertThat(illegal.getMessage()).isEqualTo("A traffic light in RED cannot move to GREEN");
        assertThat(illegal.record()).isEqualTo("traffic-light");
        assertThat(illegal.currentStatus()).isEqualTo("RED");
        assertThat(illegal.requestedStatus()).isEqualTo("GREEN");
        assertThat(illegal.allowedStatuses()).containsExactly("AMBER", "RED");
    }

    @Test
    void aFieldErrorCarriesEitherEnglishOrABundleKeyWithArguments() {
        InvalidFieldException english = new InvalidFieldException("purchaseDate", "is in the future");
        assertThat(english.key()).isNull();
        assertThat(english.getMessage()).isEqualTo("is in the future");

        InvalidFieldException keyed = InvalidFieldException.withKey("score", "field.score-range", 0, 10);
        assertThat(keyed.field()).isEqualTo("score");
        assertThat(keyed.key()).isEqualTo("field.score-range");
        assertThat(keyed.arguments()).containsExactly(0, 10);
        assertThat(keyed.getMessage()).isEqualTo("score: field.score-range [0, 10]");
    }

    @Test
    void notFoundNamesWhatWasLookedFor() {
        NotFoundException missing = new NotFoundException("depot repair", "R-1");
        assertThat(missing.getMessage()).isEqualTo("No depot repair with id R-1");
        assertThat(missing.resource()).isEqualTo("depot repair");
        assertThat(missing.id()).isEqualTo("R-1");
    }
}
