package com.aftersales.gateway.ops;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.webjars.WebJarVersionLocator;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

/**
 * {@code /ops} (the page, from {@code static/ops/}), {@code /ops/bootstrap} (labels in the browser's language and
 * the refresh interval) and {@code /ops/lib/chart.js} (Chart.js from its webjar, whatever its version).
 */
@Configuration(proxyBeanMethods = false)
class OpsConsoleRoutes {

    @Bean
    RouterFunction<ServerResponse> opsConsole(OpsConsoleProperties properties) {
        OpsLabels labels = new OpsLabels(properties.languages());
        Resource index = new ClassPathResource("static/ops/index.html");
        Resource chartLibrary = chartLibrary(properties.chartLibrary());
        return RouterFunctions.route()
                .GET("/ops", request -> ServerResponse.permanentRedirect(URI.create("/ops/")).build())
                .GET("/ops/", request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML)
                        .cacheControl(CacheControl.noCache()).bodyValue(index))
                .GET("/ops/bootstrap", request -> bootstrap(request, labels, properties))
                .GET("/ops/lib/chart.js", request -> ServerResponse.ok()
                        .contentType(MediaType.valueOf("text/javascript"))
                        .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1))).bodyValue(chartLibrary))
                .build();
    }

    private static Mono<ServerResponse> bootstrap(ServerRequest request, OpsLabels labels, OpsConsoleProperties properties) {
        String language = labels.languageFor(request.headers().acceptLanguage());
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_LANGUAGE, language)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .bodyValue(Map.of("language", language, "refreshSeconds", properties.refreshInterval().toSeconds(),
                        "messages", labels.messages(Locale.forLanguageTag(language))));
    }

    private static Resource chartLibrary(String file) {
        int slash = file.indexOf('/');
        String path = new WebJarVersionLocator().fullPath(file.substring(0, slash), file.substring(slash + 1));
        if (path == null) {
            throw new IllegalStateException("Webjar file not on the classpath: " + file);
        }
        return new ClassPathResource(path);
    }
}
