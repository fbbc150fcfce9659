package com.aftersales.authserver.client;

import com.aftersales.authserver.AuthorizationServerProperties;
import com.aftersales.authserver.directory.DirectoryClient;
import com.aftersales.authserver.directory.DirectoryFile;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

import java.time.Duration;

/**
 * The registered clients: the browser's public PKCE client from configuration, and the client-credentials clients
 * of the directory (partner depots, scripts), read again when the directory changes. A client's id is its
 * registration id. Registration at runtime is not offered.
 */
public final class PlatformClients implements RegisteredClientRepository {

    /** Secrets in the directory are stored as they are printed (a demo directory); Spring's encoder needs the tag. */
    static final String PLAIN_SECRET = "{noop}";

    private final DirectoryFile directory;
    private final Duration defaultTimeToLive;
    private final RegisteredClient browser;

    public PlatformClients(DirectoryFile directory, AuthorizationServerProperties properties, RedirectUriRule redirects,
                           RedirectUriRule postLogoutRedirects) {
        this.directory = directory;
        this.defaultTimeToLive = properties.clientCredentials().timeToLive();
        this.browser = browser(properties.browser(), redirects, postLogoutRedirects);
    }

    public RegisteredClient browser() {
        return browser;
    }

    /**
     * Ignored: clients come from configuration and the directory file. Spring calls this after a successful client
     * authentication to re-encode a plain secret; the directory keeps the secret as the launcher printed it.
     */
    @Override
    public void save(RegisteredClient registeredClient) {
        // Nothing is stored here (see above).
    }

    @Override
    public RegisteredClient findById(String id) {
        return findByClientId(id);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        if (browser.getClientId().equals(clientId)) {
            return browser;
        }
        return directory.current().client(clientId).map(this::machine).orElse(null);
    }

    private RegisteredClient machine(DirectoryClient client) {
        return RegisteredClient.withId(client.clientId())
                .clientId(client.clientId())
                .clientName(client.name())
                .clientSecret(PLAIN_SECRET + client.secret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(client.timeToLive() != null ? client.timeToLive() : defaultTimeToLive)
                        .idTokenSignatureAlgorithm(SignatureAlgorithm.RS256)
                        .build())
                .build();
    }

    private static RegisteredClient browser(AuthorizationServerProperties.Browser settings, RedirectUriRule redirects,
                                            RedirectUriRule postLogoutRedirects) {
        return RegisteredClient.withId(settings.clientId())
                .clientId(settings.clientId())
                .clientName("After-sales desk, ops console and Swagger UI")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> uris.addAll(redirects.registered()))
                .postLogoutRedirectUris(uris -> uris.addAll(postLogoutRedirects.registered()))
                .scopes(scopes -> scopes.addAll(settings.scopes()))
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(settings.accessTokenTimeToLive())
                        .refreshTokenTimeToLive(settings.refreshTokenTimeToLive())
                        .reuseRefreshTokens(false)
                        .idTokenSignatureAlgorithm(SignatureAlgorithm.RS256)
                        .build())
                .build();
    }
}
