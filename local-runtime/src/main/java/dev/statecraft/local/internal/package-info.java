/**
 * The engine behind {@link dev.statecraft.local.LocalEngine}: the ASL model and its parser, the
 * JSONPath and JSONata evaluators, the interpreter, the execution stores and the Lambda invoker.
 * Nothing here is API; it changes without notice.
 */
package dev.statecraft.local.internal;
