package dev.statecraft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** How the command line ends: one line and an exit code per outcome, documented in --help. */
class MainTest {
  /** A command with a bug in it. */
  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new IllegalStateException("the compiler lost a state\nsecond line");
    }
  }

  @Test
  void aBugIsOneLineAndItsOwnExitCodeWithoutAStackTrace() {
    StringWriter err = new StringWriter();
    int code = run(err, false);
    assertEquals(Main.INTERNAL, code);
    assertEquals(
        "statecraft: internal error: java.lang.IllegalStateException: the compiler lost a state"
            + " (a bug in Statecraft; STATECRAFT_DEBUG=1 prints the stack trace)\n",
        err.toString().replace(System.lineSeparator(), "\n"));
  }

  @Test
  void theStackTraceIsPrintedOnlyWhenDebugging() {
    StringWriter err = new StringWriter();
    assertEquals(Main.INTERNAL, run(err, true));
    assertTrue(err.toString().contains("at dev.statecraft.cli.MainTest$Boom.call"), err::toString);
  }

  @Test
  void helpListsTheExitCodes() {
    for (String[] args : new String[][] {{"--help"}, {"run", "--help"}}) {
      Cli r = Cli.run(args);
      assertEquals(Main.OK, r.exitCode(), r::toString);
      assertTrue(r.out().contains("Exit codes:"), r::toString);
      for (String code : new String[] {"0", "1", "2", "3", "4", "5"}) {
        assertTrue(r.out().matches("(?s).*\\n\\s+" + code + "\\s+\\S.*"), () -> code + "\n" + r);
      }
    }
  }

  private static int run(StringWriter err, boolean debug) {
    PrintWriter errWriter = new PrintWriter(err, true);
    CommandLine cli = new CommandLine(new Main()).addSubcommand(new Boom());
    Main.configure(cli, new PrintWriter(new StringWriter()), errWriter, debug);
    return Main.execute(cli, debug, "boom");
  }
}
