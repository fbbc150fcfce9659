/**
 * Input PostgreSQL cannot store or compare is refused once, at the edge of every service, as a 400 field error:
 * a NUL character or an unpaired surrogate in any string, a date or instant outside the platform's range. Request
 * bodies are checked while Jackson reads them ({@link com.aftersales.platform.web.input.StorableInputModule}), query,
 * path and header parameters once they are converted ({@link com.aftersales.platform.web.input.StorableArguments}).
 * The rule itself is a plain class ({@link com.aftersales.platform.web.input.StorableInput}).
 */
package com.aftersales.platform.web.input;
