/**
 * Assignment quality: greedy nearest-qualified baseline, the immediate assignment engine, the
 * Timefold day plan and (on small instances) the exact optimum, on the same seeded instances,
 * scored with the same route model; plus the engine's proposal latency at 200 technicians.
 */
package com.aftersales.bench.dispatch;
