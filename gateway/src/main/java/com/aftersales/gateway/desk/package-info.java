/**
 * The service desk at {@code /desk/}: plain ES modules from {@code static/desk/} (public, like the ops console) and
 * {@code /desk/config.json}, which tells the browser where to log in (the OIDC issuer and the desk's public client)
 * and how often its live views poll. Everything else the desk shows comes from the public REST API through this
 * gateway with the user's bearer token.
 */
package com.aftersales.gateway.desk;
