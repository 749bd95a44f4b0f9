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
 */
@Command(
    name = "statecraft",
    mixinStandardHelpOptions = true,
    version = "statecraft 0.1.0",
    description =
        "Compiles annotated Java workflows into durable cloud state machines and runs them locally.",
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

  /** The execution failed. */
  public static final int FAILED = 1;

  /** Bad usage or a compile error. */
  public static final int USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, out, err));
  }

  /** Runs the command line with the given writers and returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof UsageException) {
            commandLine.getErr().println("statecraft: " + e.getMessage());
            return USAGE;
          }
          commandLine.getErr().println("statecraft: internal error: " + e);
          e.printStackTrace(commandLine.getErr());
          return FAILED;
        });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
    throw new UsageException("choose a command: compile, run, serve, synth or deploy");
  }

  /** Bad usage: reported as one line, exit code 2. */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
