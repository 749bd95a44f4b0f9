/**
 * The {@code statecraft} command line: {@code compile} writes every artifact of every workflow;
 * {@code run} compiles a project in-process and runs one workflow on the embedded engine. {@link
 * dev.statecraft.cli.Main#run} takes its writers as arguments and returns the exit code (0 success,
 * 1 failed execution, 2 bad usage or compile error, 3 still running at {@code --timeout}, 4 cannot
 * resume, 5 internal error) so tests can drive it.
 */
package dev.statecraft.cli;
