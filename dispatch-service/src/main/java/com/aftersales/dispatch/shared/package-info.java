/**
 * What every dispatch feature shares: coordinates and travel estimates, and the plain exceptions
 * the domain throws when a request breaks a named rule ({@link com.aftersales.dispatch.shared.DispatchProblems}
 * maps them to problems).
 */
package com.aftersales.dispatch.shared;
