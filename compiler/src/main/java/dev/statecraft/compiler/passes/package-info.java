/**
 * Passes over the IR, run in order by {@link dev.statecraft.compiler.StatecraftCompiler}. Passes
 * that only report are named {@code Check*}; passes that rewrite the IR are named for what they do.
 */
package dev.statecraft.compiler.passes;
