/**
 * Compiler diagnostics: what went wrong, where, and what to write instead, formatted as {@code
 * path:line:col: error: [CODE] message} with the source line and a caret.
 */
package dev.statecraft.compiler.diagnostic;
