package com.aftersales.platform.security;

import com.aftersales.testsupport.EndpointMatrix;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role × endpoint table of a service: enforced for every endpoint, complete, and the same as the README's.
 * Each service runs it as its {@code EndpointAccessIT} (a {@code @SpringBootTest} on a random port with real
 * infrastructure); shipped in service-support's test jar.
 */
public abstract class EndpointAccessContract {

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
    public Stream<DynamicTest> everyEndpointAdmitsItsRolesAndRefusesTheOthers() {
        return EndpointMatrix.tests(port, rules().stream().map(rule -> new EndpointMatrix.Row(rule.method().name(),
                rule.pattern(), List.of(rule.roleNames()), rule.refusedRole() == null ? null : rule.refusedRole().name(), rule.withoutToken()))
                .toList());
    }

    @Test
    public void everyMappedEndpointIsInTheTableAndNothingElse() {
        assertThat(EndpointCoverage.tableEndpoints(rules())).isEqualTo(EndpointCoverage.mappedEndpoints(mappings));
    }

    @Test
    public void theReadmeTableIsTheCodesTable() {
        EndpointMatrix.assertReadmeSection(Path.of("README.md"), "roles-endpoints", EndpointAccessRules.markdown(rules()));
    }
}
