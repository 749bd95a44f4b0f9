/**
 * The Statecraft compiler. {@link dev.statecraft.compiler.StatecraftCompiler} is the front door:
 * Java sources in, diagnostics and artifacts out, through a pipeline readable in one screen:
 *
 * <pre>
 * JavaFrontEnd (frontend)  ->  WorkflowIr (ir)  ->  passes  ->  AslEmitter (aws)
 *                                                             CloudWorkflowsEmitter (gcp)
 *                                                             DurableFunctionsEmitter (azure)
 * </pre>
 */
package dev.statecraft.compiler;
