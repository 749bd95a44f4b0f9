package dev.statecraft.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code statecraft} command.
 *
 * <pre>
 * statecraft compile --source DIR [--target aws|gcp|azure|all] [--out DIR]
 * statecraft run --source DIR [--workflow NAME] --input FILE_OR_JSON [--output FILE]
 * statecraft serve [--port N] [--source DIR] [--lambda NAME=URL]... [--state-dir DIR]
 * </pre>
 *
 * <p>Every outcome has its own exit code ({@link #OK}, {@link #FAILED}, {@link #USAGE}, {@link
 * #STILL_RUNNING}, {@link #CANNOT_RESUME}, {@link #INTERNAL}) and one line on standard error that
 * says what to do; a stack trace only with {@code STATECRAFT_DEBUG=1}.
 */
@Command(
    name = "statecraft",
    mixinStandardHelpOptions = true,
    version = "statecraft 0.1.0",
    description =
        "Compiles annotated Java workflows into durable cloud state machines and runs them locally.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:the execution failed, timed out or was stopped (error and cause printed)",
      "2:bad usage, bad input or a compile error",
      "3:run: still running when --timeout expired (the hint says how to resume)",
      "4:run: cannot resume (the execution exists with another --input, or there is none)",
      "5:internal error: a bug in Statecraft (STATECRAFT_DEBUG=1 prints the stack trace)"
    },
    subcommands = {
      CompileCommand.class,
      RunCommand.class,
      ServeCommand.class,
      SynthCommand.class,
      DeployCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  /** Success. */
  public static final int OK = 0;

  /** The execution failed, timed out or was stopped. */
  public static final int FAILED = 1;

  /** Bad usage, bad input or a compile error. */
  public static final int USAGE = 2;

  /** {@code run}: the execution was still running when {@code --timeout} expired. */
  public static final int STILL_RUNNING = 3;

  /** {@code run}: the named execution cannot be resumed as asked. */
  public static final int CANNOT_RESUME = 4;

  /** A bug in Statecraft (the compiler, the engine or the command line itself). */
  public static final int INTERNAL = 5;

  /** Set to {@code 1} to print the stack trace of an internal error. */
  static final String DEBUG_VARIABLE = "STATECRAFT_DEBUG";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, out, err));
  }

  /** Runs the command line with the given writers and returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    String debug = System.getenv(DEBUG_VARIABLE);
    boolean stackTraces = debug != null && !debug.isEmpty() && !debug.equals("0");
    return execute(
        configure(new CommandLine(new Main()), out, err, stackTraces), stackTraces, args);
  }

  /**
   * {@code cli} (with all its subcommands added) writing to these writers and reporting failures as
   * {@link #execute} does; {@code debug} adds stack traces to internal errors.
   */
  static CommandLine configure(CommandLine cli, PrintWriter out, PrintWriter err, boolean debug) {
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> report(e, commandLine.getErr(), debug));
    return cli;
  }

  /** Runs {@code cli}; whatever escapes it is an internal error, never a bare stack trace. */
  static int execute(CommandLine cli, boolean debug, String... args) {
    int code;
    try {
      code = cli.execute(args);
    } catch (RuntimeException | Error e) {
      code = report(e, cli.getErr(), debug);
    }
    cli.getOut().flush();
    cli.getErr().flush();
    return code;
  }

  private static int report(Throwable e, PrintWriter err, boolean debug) {
    if (e instanceof UserError user) {
      err.println("statecraft: " + user.getMessage());
      return user.exitCode();
    }
    String message = e.getMessage() == null ? "" : ": " + firstLine(e.getMessage());
    err.println(
        "statecraft: internal error: "
            + e.getClass().getName()
            + message
            + " (a bug in Statecraft; "
            + (debug ? "stack trace below)" : DEBUG_VARIABLE + "=1 prints the stack trace)"));
    if (debug) {
      e.printStackTrace(err);
    }
    return INTERNAL;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
    throw new UsageException("choose a command: compile, run, serve, synth or deploy");
  }

  /** A problem the user can fix: reported as its message, after {@code statecraft: }. */
  static class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    UserError(int exitCode, String message) {
      super(message);
      this.exitCode = exitCode;
    }

    int exitCode() {
      return exitCode;
    }
  }

  /** Bad usage: reported as one line, exit code 2. */
  static final class UsageException extends UserError {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(USAGE, message);
    }
  }
}
