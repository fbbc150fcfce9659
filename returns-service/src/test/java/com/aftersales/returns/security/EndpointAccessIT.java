package com.aftersales.returns.security;

import com.aftersales.platform.security.EndpointAccessContract;
import com.aftersales.testsupport.WithRealInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;

/** This service's role × endpoint table, checked by the platform's contract (see {@link EndpointAccessContract}). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
class EndpointAccessIT extends EndpointAccessContract {
}
