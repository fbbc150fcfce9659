package com.aftersales.feedback.security;

import com.aftersales.platform.security.EndpointAccessRules;
import com.aftersales.platform.security.EndpointCoverage;
import com.aftersales.platform.security.EndpointRule;
import com.aftersales.platform.security.PlatformSecurityAutoConfiguration;
import com.aftersales.testsupport.EndpointMatrix;
import com.aftersales.testsupport.WithRealInfrastructure;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The role × endpoint table: enforced for every endpoint, complete, and the same as the README's. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
class EndpointAccessIT {

    @LocalServerPort
    int port;
    @Autowired
    EndpointAccessRules access;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Value("${spring.application.name}")
    String service;

    private List<EndpointRule> rules() {
        return PlatformSecurityAutoConfiguration.effectiveRules(service, access);
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAdmitsItsRolesAndRefusesTheOthers() {
        return EndpointMatrix.tests(port, rules().stream().map(rule -> new EndpointMatrix.Row(rule.method().name(),
                rule.pattern(), List.of(rule.roleNames()), rule.refusedRole() == null ? null : rule.refusedRole().name()))
                .toList());
    }

    @Test
    void everyMappedEndpointIsInTheTableAndNothingElse() {
        assertThat(EndpointCoverage.tableEndpoints(rules())).isEqualTo(EndpointCoverage.mappedEndpoints(mappings));
    }

    @Test
    void theReadmeTableIsTheCodesTable() {
        EndpointMatrix.assertReadmeSection(Path.of("README.md"), "roles-endpoints", EndpointAccessRules.markdown(rules()));
    }
}
