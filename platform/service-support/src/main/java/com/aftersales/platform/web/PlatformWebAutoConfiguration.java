package com.aftersales.platform.web;

import com.aftersales.platform.web.input.StorableArguments;
import com.aftersales.platform.web.input.StorableInputModule;
import com.aftersales.platform.web.input.StorableInputProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * The HTTP edge every service shares: correlation ids, every error as a problem (also the container's
 * {@code /error}), and input PostgreSQL cannot store refused as a field error before a controller sees it.
 */
@AutoConfiguration(
        // Its error controller replaces Boot's (conditional on no other ErrorController); its Jackson module must be
        // a bean before Boot builds the JsonMapper.
        beforeName = {"org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration",
                "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(StorableInputProperties.class)
public class PlatformWebAutoConfiguration {

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice(ObjectProvider<ProblemMapper> mappers, StorableInputProperties input) {
        return new ProblemDetailsAdvice(mappers.orderedStream().toList(), input.rule());
    }

    @Bean
    ProblemErrorController problemErrorController(ProblemDetailsAdvice advice) {
        return new ProblemErrorController(advice);
    }

    /** Request bodies: Boot registers every Jackson module bean with the application's JsonMapper. */
    @Bean
    StorableInputModule storableInputModule(StorableInputProperties input) {
        return new StorableInputModule(input.rule());
    }

    /** Query, path and header parameters, after conversion. Static: a post-processor comes before other beans. */
    @Bean
    static StorableArguments storableArguments(ObjectProvider<StorableInputProperties> input) {
        return new StorableArguments(() -> input.getObject().rule());
    }
}
