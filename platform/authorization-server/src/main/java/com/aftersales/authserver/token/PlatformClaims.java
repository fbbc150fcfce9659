package com.aftersales.authserver.token;

import com.aftersales.authserver.directory.Directory;
import com.aftersales.authserver.directory.DirectoryClient;
import com.aftersales.authserver.directory.DirectoryFile;
import com.aftersales.authserver.directory.DirectoryUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts the platform's claim shape into every token, the same as Keycloak's realm does: {@code aud} = the platform
 * audience, {@code azp}, {@code preferred_username}, {@code name}, {@code roles} and {@code realm_access.roles},
 * and the scope claims ({@code store}, {@code depot}, {@code technician_id}). People's tokens (authorization code,
 * refresh) take them from the directory user, client-credentials tokens from the directory client. The ID token
 * carries the same identity claims, so the desk can choose its screens without decoding the access token.
 */
public final class PlatformClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    public static final String ROLES = "roles";
    public static final String REALM_ACCESS = "realm_access";

    private final DirectoryFile directory;
    private final String audience;

    public PlatformClaims(DirectoryFile directory, String audience) {
        this.directory = directory;
        this.audience = audience;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!accessToken && !idToken) {
            return;
        }
        Map<String, Object> claims = identity(context);
        context.getClaims().claims(existing -> existing.putAll(claims));
        if (accessToken) {
            context.getClaims().audience(List.of(audience));
            context.getClaims().claim("azp", context.getRegisteredClient().getClientId());
        }
    }

    private Map<String, Object> identity(JwtEncodingContext context) {
        Directory current = directory.current();
        Map<String, Object> claims = new LinkedHashMap<>();
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            String clientId = context.getRegisteredClient().getClientId();
            DirectoryClient client = current.client(clientId).orElse(null);
            claims.put("preferred_username", clientId);
            if (client != null) {
                put(claims, client.name(), client.roles(), client.claims());
            }
            return claims;
        }
        Authentication principal = context.getPrincipal();
        String username = principal.getName();
        claims.put("preferred_username", username);
        current.user(username).ifPresent(user -> put(claims, user));
        return claims;
    }

    private static void put(Map<String, Object> claims, DirectoryUser user) {
        put(claims, user.name(), user.roles(), user.claims());
    }

    private static void put(Map<String, Object> claims, String name, List<String> roles, Map<String, String> scope) {
        claims.put("name", name);
        claims.put(ROLES, roles);
        claims.put(REALM_ACCESS, Map.of(ROLES, roles));
        claims.putAll(scope);
    }
}
