package com.aftersales.platform.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's identity: the service name and where errors are explained. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OpenAPI serviceOpenApi(@Value("${spring.application.name}") String service,
                           @Value("${aftersales.api.version:v1}") String version) {
        return new OpenAPI().info(new Info()
                .title(service)
                .version(version)
                .description("Part of the after-sales service platform. Errors are RFC 9457 problem details "
                        + "(application/problem+json) with a stable type (urn:aftersales:problem:*) and a correlationId; "
                        + "requests that create things accept an Idempotency-Key header.")
                .license(new License().name("Apache-2.0")));
    }
}
