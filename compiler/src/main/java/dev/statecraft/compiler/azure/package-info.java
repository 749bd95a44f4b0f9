/**
 * The Azure back end: one Java class per workflow holding its Durable Functions orchestrator, an
 * HTTP starter and one activity function per activity method ({@link
 * dev.statecraft.compiler.azure.DurableFunctionsEmitter}).
 */
package dev.statecraft.compiler.azure;
