/**
 * The typed, target-neutral intermediate representation. The front end builds it from Java; the
 * passes rewrite it; every back end reads only it. Everything here is an immutable record or a
 * sealed interface.
 *
 * <p>A {@link dev.statecraft.compiler.ir.WorkflowIr} is a workflow method's body as a {@link
 * dev.statecraft.compiler.ir.Block} of {@link dev.statecraft.compiler.ir.Stmt}s over pure {@link
 * dev.statecraft.compiler.ir.Expr}essions. Durable effects (activity calls, sleeps, callbacks,
 * map/parallel, child workflows) are statements, so a back end sees every state boundary at the
 * statement level; {@code HoistActivityCalls} moves activity calls out of expressions to get there.
 */
package dev.statecraft.compiler.ir;
