package com.aftersales.gateway.desk;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /desk/} (the page), {@code /desk/config.json} (login and polling settings); assets from {@code static/desk/}. */
@Configuration(proxyBeanMethods = false)
class DeskRoutes {

    @Bean
    RouterFunction<ServerResponse> desk(DeskProperties properties) {
        Resource index = new ClassPathResource("static/desk/index.html");
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("issuer", properties.issuer() == null ? "" : properties.issuer().replaceAll("/+$", ""));
        config.put("clientId", properties.clientId());
        config.put("scope", properties.scope());
        config.put("pollSeconds", properties.pollInterval().toSeconds());
        return RouterFunctions.route()
                .GET("/desk", request -> ServerResponse.permanentRedirect(URI.create("/desk/")).build())
                .GET("/desk/", request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML)
                        .cacheControl(CacheControl.noCache()).bodyValue(index))
                .GET("/desk/config.json", request -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                        .cacheControl(CacheControl.noCache()).bodyValue(config))
                .build();
    }
}
