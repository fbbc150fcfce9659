package com.aftersales.authserver;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code aftersales.authorization-server.*}.
 *
 * @param issuer      the {@code iss} of every token and the base of every endpoint the browser sees
 *                    ({@code http://localhost:9000}); the services are started with the same value
 * @param audience    the {@code aud} of every access token (the services accept only this)
 * @param dataDir     where the directory of users and clients ({@value com.aftersales.authserver.directory.DirectoryFile#FILE_NAME},
 *                    written by the launcher) and the signing keys ({@value com.aftersales.authserver.token.SigningKeys#FILE_NAME},
 *                    created here on first start) live
 * @param browser     the public PKCE client of the desk, the ops console and Swagger UI
 * @param clientCredentials defaults of the client-credentials clients of the directory
 */
@Validated
@ConfigurationProperties("aftersales.authorization-server")
public record AuthorizationServerProperties(@NotBlank String issuer, @NotBlank String audience, @NotNull Path dataDir,
                                            @NotNull Browser browser, @NotNull ClientCredentials clientCredentials) {

    /**
     * @param clientId                the public client's id ({@code aftersales-desk})
     * @param origins                 origins of the gateway as browsers reach it ({@code http://localhost:8080}, ...):
     *                                redirect URIs must be on one of them, and CORS allows them on the token endpoint
     * @param redirectPaths           paths under an origin a login may return to: one ending in {@code /} accepts any
     *                                path below it, any other only itself
     * @param postLogoutRedirectPaths the same for RP-initiated logout
     * @param accessTokenTimeToLive   lifetime of the browser's access and ID tokens
     * @param refreshTokenTimeToLive  lifetime of its refresh tokens (rotated on every use)
     * @param scopes                  scopes the browser may ask for
     */
    public record Browser(@NotBlank String clientId, @NotEmpty List<String> origins, @NotEmpty List<String> redirectPaths,
                          @NotEmpty List<String> postLogoutRedirectPaths, @NotNull Duration accessTokenTimeToLive,
                          @NotNull Duration refreshTokenTimeToLive, @NotEmpty List<String> scopes) {
    }

    /** @param timeToLive lifetime of a client-credentials token when the directory entry names none */
    public record ClientCredentials(@NotNull Duration timeToLive) {
    }
}
