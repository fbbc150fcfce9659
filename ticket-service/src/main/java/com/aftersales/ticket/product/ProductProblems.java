package com.aftersales.ticket.product;

import com.aftersales.platform.web.ProblemException;
import com.aftersales.platform.web.ProblemMapper;
import com.aftersales.platform.web.ProblemType;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** Problem types of product registration. */
@Component
class ProductProblems implements ProblemMapper {

    static final URI SERIAL_REGISTERED = URI.create(ProblemType.PREFIX + "serial-already-registered");

    @Override
    public Optional<ProblemException> toProblem(Throwable exception) {
        if (exception instanceof SerialAlreadyRegisteredException registered) {
            // The other customer's product id is not disclosed: only that the serial is taken.
            return Optional.of(new ProblemException(SERIAL_REGISTERED, HttpStatus.CONFLICT, "Serial number already registered",
                    registered.getMessage(), registered.sameCustomer()
                    ? Map.of("productId", registered.productId().toString(), "sameCustomer", true)
                    : Map.of("sameCustomer", false)));
        }
        return Optional.empty();
    }
}
