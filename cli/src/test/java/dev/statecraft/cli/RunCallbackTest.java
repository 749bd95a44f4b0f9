package dev.statecraft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code statecraft run} on the refund-approval example: while the workflow waits for a reviewer,
 * the command answers callbacks itself, and prints the URL that answers the wait.
 */
class RunCallbackTest {
  private static final Path REFUND = Cli.root().resolve("examples/refund-approval");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CURL = Pattern.compile("curl -X POST '([^']+)'");
  private static final Pattern HINT = Pattern.compile("to go on waiting: (.+)");

  @Test
  void aReviewersAnswerPostedToThePrintedUrlCompletesTheRun(@TempDir Path dir) throws Exception {
    Background run = Background.start(dir, "--callback-port", "0");
    String url = run.callbackUrl();

    HttpResponse<String> bogus = post(url.replaceAll("token=[^&]+", "token=bogus"), "{}");
    assertEquals(400, bogus.statusCode(), bogus::body);
    HttpResponse<String> answer =
        post(url, "{\"approved\": true, \"reviewer\": \"ana\", \"note\": \"loyal customer\"}");
    assertEquals(200, answer.statusCode(), answer::body);

    assertEquals(Main.OK, run.exit.get(60, TimeUnit.SECONDS), run::toString);
    JsonNode result = lastJson(run.out);
    assertEquals("refunded", result.get("status").asText(), run::toString);
    assertEquals("ana", result.get("decidedBy").asText());
    assertEquals("rf_a7731", result.get("refundId").asText());
    assertEquals("medium", result.get("risk").asText());
  }

  @Test
  void aFailureAddedToTheUrlDeclinesTheRefundThroughTheWorkflowsCatch(@TempDir Path dir)
      throws Exception {
    Background run = Background.start(dir, "--callback-port", "0");
    String url = run.callbackUrl();

    HttpResponse<String> answer = post(url + "&error=ReviewerAway&cause=on+leave", "");
    assertEquals(200, answer.statusCode(), answer::body);

    // The workflow catches only CallbackTimeout: any other failure of the wait fails the run.
    assertEquals(Main.FAILED, run.exit.get(60, TimeUnit.SECONDS), run::toString);
    assertTrue(run.err.toString().contains("ReviewerAway: on leave"), run::toString);
  }

  @Test
  void theHintPrintedWhenTheTimeoutExpiresResumesTheWaitingExecutionAsItIsTyped(@TempDir Path dir)
      throws Exception {
    String[] named = {"--execution-name", "refund-r1042", "--callback-port", "0"};
    Background first = Background.start(dir, concat(named, "--timeout", "PT2S"));
    String firstUrl = first.callbackUrl();
    assertEquals(Main.STILL_RUNNING, first.exit.get(60, TimeUnit.SECONDS), first::toString);
    Matcher hint = HINT.matcher(first.err.toString());
    assertTrue(hint.find(), first::toString);
    assertEquals(
        "statecraft run --source " + REFUND + " --execution-name refund-r1042 --state-dir " + dir,
        hint.group(1),
        "the hint names what to type, and no --input: the execution has its own");

    List<String> typed = List.of(hint.group(1).split(" "));
    Background second = Background.start(typed.subList(1, typed.size()).toArray(String[]::new));
    String url = second.callbackUrl();
    String printed = second.out.toString();
    assertTrue(printed.contains("resuming execution 'refund-r1042'"), second::toString);
    assertTrue(printed.contains("still waiting for a callback"), second::toString);
    assertEquals(
        firstUrl, url, "the URL handed to the activity answers the resumed wait, port and all");

    post(url, "{\"approved\": true, \"reviewer\": \"ana\", \"note\": \"later\"}");
    assertEquals(Main.OK, second.exit.get(60, TimeUnit.SECONDS), second::toString);
    assertEquals("refunded", lastJson(second.out).get("status").asText(), second::toString);
    assertTrue(!second.out.toString().contains("> Assess"), "completed steps do not run again");
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  @Test
  void aSecondRunOnTheSameStateIsRefusedInsteadOfRunningTheWaitingExecutionTwice(@TempDir Path dir)
      throws Exception {
    Background run = Background.start(dir, "--callback-port", "0");
    String url = run.callbackUrl();

    Cli second = Cli.run(runRefund(dir, "small-refund.json", "--callback-port", "0"));
    assertEquals(Main.USAGE, second.exitCode(), second::toString);
    assertTrue(second.err().contains("is in use by another engine"), second::toString);
    assertTrue(second.err().contains("--state-dir"), second::toString);

    post(url, "{\"approved\": false, \"reviewer\": \"bo\", \"note\": \"no\"}");
    assertEquals(Main.OK, run.exit.get(60, TimeUnit.SECONDS), run::toString);
    assertEquals("declined", lastJson(run.out).get("status").asText(), run::toString);
  }

  @Test
  void aCallbackPortInUseIsABadUsageNamedInTheError(@TempDir Path dir) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Cli r = Cli.run(runRefund(dir, "refund.json", "--callback-port", taken.getLocalPort() + ""));
      assertEquals(Main.USAGE, r.exitCode(), r::toString);
      assertTrue(r.err().contains("choose another --callback-port"), r::toString);
    }
  }

  /** The arguments of {@code statecraft run} on the refund example with {@code input}. */
  private static String[] runRefund(Path dir, String input, String... extra) {
    String[] base = {
      "run",
      "--source",
      REFUND.toString(),
      "--input",
      REFUND.resolve(input).toString(),
      "--state-dir",
      dir.toString()
    };
    return concat(base, extra);
  }

  /** {@code statecraft run} of the refund example on another thread, its output captured. */
  record Background(StringWriter out, StringWriter err, CompletableFuture<Integer> exit) {
    static Background start(Path dir, String... extra) {
      return start(runRefund(dir, "refund.json", extra));
    }

    /** {@code statecraft} with these arguments. */
    static Background start(String... args) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      return new Background(
          out,
          err,
          CompletableFuture.supplyAsync(
              () -> Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true))));
    }

    /** The URL the step printer shows once the workflow waits for a reviewer. */
    String callbackUrl() throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (System.nanoTime() < deadline && !exit.isDone()) {
        Matcher m = CURL.matcher(out.toString());
        if (m.find()) {
          return m.group(1);
        }
        Thread.sleep(50);
      }
      throw new AssertionError("no callback URL printed\n" + this);
    }

    @Override
    public String toString() {
      return out + "\n" + err;
    }
  }

  /** The output JSON, which {@code run} prints last. */
  static JsonNode lastJson(StringWriter out) throws Exception {
    String printed = out.toString();
    return JSON.readTree(printed.substring(printed.lastIndexOf("\n{") + 1));
  }

  static HttpResponse<String> post(String url, String body) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
