package com.aftersales.gateway.desk;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code aftersales.desk.*}: what the desk's browser code needs to know, served as {@code /desk/config.json}.
 *
 * @param issuer       the OIDC issuer the desk logs in with (discovery at {@code <issuer>/.well-known/openid-configuration});
 *                     blank: no login server, a token is handed to the page in its address ({@code #token=}, development)
 * @param clientId     the desk's public client (authorization code + PKCE)
 * @param scope        scopes the desk asks for
 * @param pollInterval how often ticket SLA clocks, timelines and queues refresh (the desk polls)
 */
@ConfigurationProperties("aftersales.desk")
public record DeskProperties(String issuer, @DefaultValue("aftersales-desk") String clientId,
                             @DefaultValue("openid profile") String scope, @DefaultValue("10s") Duration pollInterval) {
}
