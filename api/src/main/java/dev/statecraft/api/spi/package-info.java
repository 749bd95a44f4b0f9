/**
 * For implementers of runtimes that run workflow code as plain Java (test harnesses); workflow
 * authors never use it.
 */
package dev.statecraft.api.spi;
