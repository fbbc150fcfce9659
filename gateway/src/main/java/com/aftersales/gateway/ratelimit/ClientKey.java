package com.aftersales.gateway.ratelimit;

import java.net.InetSocketAddress;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who a bucket belongs to. A token holder is its client application ({@code azp}, or {@code client_id}) and its
 * subject together: users of one frontend do not share a bucket, and a partner's client-credentials client is its
 * own subject. Without a token, the caller's IP address (behind a load balancer that is the balancer's address
 * unless X-Forwarded-For is trusted: see docs/security.md).
 */
record ClientKey(String value, boolean anonymous) {

    static final String NO_CLIENT = "-";

    static ClientKey of(Object authentication, InetSocketAddress remote) {
        if (authentication instanceof JwtAuthenticationToken token) {
            Jwt jwt = token.getToken();
            String client = jwt.getClaimAsString("azp");
            if (client == null) {
                client = jwt.getClaimAsString("client_id");
            }
            return new ClientKey((client == null ? NO_CLIENT : client) + "/" + jwt.getSubject(), false);
        }
        String address = remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
        return new ClientKey("ip:" + address, true);
    }

}
