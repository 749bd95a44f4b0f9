package dev.statecraft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code statecraft run} of the refund example, in its own JVM, is killed with SIGKILL while it
 * waits for a reviewer; the callback URL it had handed to the activity (baked into the definition
 * the execution started with) must answer the wait once the run is resumed.
 */
class CallbackCrashResumeTest {
  private static final Path REFUND = Cli.root().resolve("examples/refund-approval");
  private static final Pattern CURL = Pattern.compile("curl -X POST '([^']+)'");

  @Test
  void theUrlHandedOutBeforeTheCrashAnswersTheResumedWait(@TempDir Path dir) throws Exception {
    String handedOut = crashWhileWaiting(dir);

    // Resumed as the README says: the same name, nothing else; the default port is not the old one.
    RunCallbackTest.Background resumed = RunCallbackTest.Background.start(resume(dir));
    awaitResumedWait(resumed);
    HttpResponse<String> answer =
        RunCallbackTest.post(
            handedOut, "{\"approved\": true, \"reviewer\": \"ana\", \"note\": \"after a crash\"}");
    assertEquals(200, answer.statusCode(), answer::body);
    assertEquals(Main.OK, resumed.exit().get(60, TimeUnit.SECONDS), resumed::toString);
    assertEquals(
        "refunded",
        RunCallbackTest.lastJson(resumed.out()).get("status").asText(),
        resumed::toString);
  }

  @Test
  void whenTheOldPortIsTakenTheResumeSaysSoAndPrintsAUrlThatAnswers(@TempDir Path dir)
      throws Exception {
    int port = URI.create(crashWhileWaiting(dir)).getPort();
    try (ServerSocket taken = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      RunCallbackTest.Background resumed = RunCallbackTest.Background.start(resume(dir));
      String url = awaitResumedWait(resumed);
      assertTrue(
          resumed
              .err()
              .toString()
              .contains(
                  "statecraft: port "
                      + port
                      + " is in use, so the callback URLs handed out on it before do not answer;"
                      + " free it and run again"),
          resumed::toString);
      assertTrue(URI.create(url).getPort() != port, url);
      HttpResponse<String> answer =
          RunCallbackTest.post(
              url, "{\"approved\": false, \"reviewer\": \"bo\", \"note\": \"port was taken\"}");
      assertEquals(200, answer.statusCode(), answer::body);
      assertEquals(Main.OK, resumed.exit().get(60, TimeUnit.SECONDS), resumed::toString);
      assertEquals(
          "declined",
          RunCallbackTest.lastJson(resumed.out()).get("status").asText(),
          resumed::toString);
    }
  }

  /**
   * Starts the refund run in its own JVM on a free callback port, kills it once the activity has
   * been handed its callback URL, and returns that URL.
   */
  private static String crashWhileWaiting(Path dir) throws Exception {
    List<String> command =
        List.of(
            CrashResumeTest.javaBinary(),
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "run",
            "--source",
            REFUND.toString(),
            "--input",
            REFUND.resolve("refund.json").toString(),
            "--execution-name",
            "refund-crash",
            "--callback-port",
            "0",
            "--state-dir",
            dir.resolve("state").toString());
    Path out = dir.resolve("first.out");
    Process first = CrashResumeTest.start(command, Map.of(), out);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    Matcher url = CURL.matcher("");
    while (!url.find()) {
      if (!first.isAlive() || System.nanoTime() > deadline) {
        first.destroyForcibly();
        throw new AssertionError("no callback URL printed:\n" + read(out));
      }
      Thread.sleep(50);
      url = CURL.matcher(read(out));
    }
    first.destroyForcibly();
    assertTrue(first.waitFor(30, TimeUnit.SECONDS));
    return url.group(1);
  }

  private static String[] resume(Path dir) {
    return new String[] {
      "run",
      "--source",
      REFUND.toString(),
      "--execution-name",
      "refund-crash",
      "--state-dir",
      dir.resolve("state").toString()
    };
  }

  /** The URL the resumed run prints for the wait it found, once it serves callbacks. */
  private static String awaitResumedWait(RunCallbackTest.Background resumed) throws Exception {
    String url = resumed.callbackUrl();
    assertTrue(
        resumed.out().toString().contains("resuming execution 'refund-crash'"), resumed::toString);
    return url;
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file) : "";
  }
}
