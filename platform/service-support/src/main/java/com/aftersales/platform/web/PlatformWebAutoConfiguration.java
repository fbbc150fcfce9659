package com.aftersales.platform.web;

import com.aftersales.platform.web.input.StorableArguments;
import com.aftersales.platform.web.input.StorableInputModule;
import com.aftersales.platform.web.input.StorableInputProperties;
import com.aftersales.platform.web.paging.PagingProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.HandlerExceptionResolver;
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
@EnableConfigurationProperties({StorableInputProperties.class, RequestSizeProperties.class, PagingProperties.class})
public class PlatformWebAutoConfiguration {

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Right after the correlation id, before security: a body too large never reaches token checks or handlers. */
    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
            RequestSizeProperties sizes,
            @Qualifier("handlerExceptionResolver") ObjectProvider<HandlerExceptionResolver> resolver) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestSizeLimitFilter(sizes, new LazyResolver(resolver)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    private record LazyResolver(ObjectProvider<HandlerExceptionResolver> resolver) implements HandlerExceptionResolver {
        @Override
        public org.springframework.web.servlet.ModelAndView resolveException(jakarta.servlet.http.HttpServletRequest request,
                                                                             jakarta.servlet.http.HttpServletResponse response,
                                                                             Object handler, Exception ex) {
            return resolver.getObject().resolveException(request, response, handler, ex);
        }
    }

    /** The shared domain failures (not found, invalid field, illegal transition) as problems, for every service. */
    @Bean
    DomainProblems domainProblems() {
        return new DomainProblems();
    }

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice(ObjectProvider<ProblemMapper> mappers, StorableInputProperties input) {
        return new ProblemDetailsAdvice(mappers.orderedStream().toList(), input.rule());
    }

    /** Tomcat's own refusals (before any servlet) as problems too, in place of its HTML error report. */
    @Bean
    @ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
    TomcatContextCustomizer problemErrorReportValve() {
        return context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                // Boot adds a plain ErrorReportValve of its own (server.error.include-stacktrace=never): only ours stays.
                host.addLifecycleListener(event -> {
                    if (org.apache.catalina.Lifecycle.AFTER_START_EVENT.equals(event.getType())) {
                        for (org.apache.catalina.Valve valve : host.getPipeline().getValves()) {
                            if (valve instanceof org.apache.catalina.valves.ErrorReportValve
                                    && !(valve instanceof ProblemErrorReportValve)) {
                                host.getPipeline().removeValve(valve);
                            }
                        }
                    }
                });
            }
        };
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
