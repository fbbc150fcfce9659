/**
 * The gateway as an OAuth 2.0 resource server: token verification (issuer, audience, RS256 against a JWK set or,
 * in development, a PEM key), the production guard against the development issuer, the contract's roles as
 * authorities, 401/403 problems, CORS and security headers. The Authorization header is relayed to the services,
 * which verify it again.
 */
package com.aftersales.gateway.security;
