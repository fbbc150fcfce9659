/**
 * The embedded launcher: the whole platform on one machine with only a JDK. {@link
 * com.aftersales.launcher.EmbeddedPlatform} is the entry point for tests, {@link com.aftersales.launcher.Main}
 * for {@code ./aftersales}; {@link com.aftersales.launcher.PostgresServer}, {@link
 * com.aftersales.launcher.KafkaBroker} and {@link com.aftersales.launcher.ServiceProcess} are the real server
 * processes it runs, {@link com.aftersales.launcher.DeadLetterReplay} the documented DLT replay.
 */
package com.aftersales.launcher;
