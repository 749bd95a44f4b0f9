package crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Logs each step's start and end to $STATECRAFT_TEST_LOG; step "two" blocks while the file
 * $STATECRAFT_TEST_GATE exists, so a test can kill the process in the middle of it.
 */
public class StepsImpl implements Steps {
  @Override
  public String step(String name) {
    log("start " + name);
    Path gate = Path.of(System.getenv("STATECRAFT_TEST_GATE"));
    while (name.equals("two") && Files.exists(gate)) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    log("end " + name);
    return name.toUpperCase();
  }

  private static void log(String line) {
    try {
      Files.writeString(
          Path.of(System.getenv("STATECRAFT_TEST_LOG")),
          line + "\n",
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND,
          StandardOpenOption.SYNC);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
