package dev.statecraft.referee.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One running Cloud Workflows emulator process ({@code gcw-emulator-patched}, built by {@code
 * tools/build-gcw-emulator.sh}) on a free port of 127.0.0.1, spoken to through the Workflows and
 * Executions REST APIs as {@code gcloud} would.
 *
 * <p>{@code sys.get_env} in a workflow reads the emulator process's own environment, so the
 * variables a workflow reads (its activities' {@code <INTERFACE>_<METHOD>_URL}) are given when the
 * process starts.
 *
 * <p>The emulator logs each step it executes ({@code Executing step: NAME}); executions here run
 * one at a time, so the steps logged between an execution's start and its end are that execution's,
 * with the steps of the child executions it ran.
 */
final class GcwEmulator implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PARENT = "/v1/projects/statecraft/locations/us-central1";
  private static final Pattern STEP = Pattern.compile("Executing step: (.*)$");
  private static final Pattern STARTED = Pattern.compile("Starting execution: (\\S+)$");
  private static final Pattern ENDED = Pattern.compile("Execution (\\S+) (failed|completed)");

  private final Process process;
  private final String base;
  private final HttpClient http = HttpClient.newHttpClient();
  private final Object lock = new Object();
  private final List<String> log = new ArrayList<>();

  // Guarded by lock: the execution whose steps are being counted, its steps, and the ended ones.
  private String counting;
  private List<String> steps = new ArrayList<>();
  private final Map<String, List<String>> ended = new java.util.HashMap<>();

  private GcwEmulator(Process process, String base) {
    this.process = process;
    this.base = base;
  }

  /**
   * Starts {@code binary} with {@code environment} added to its own, and waits until it answers.
   *
   * @param callbackTimeoutCap when positive, the longest a callback wait lasts, in seconds (the
   *     emulator's {@code GCW_EMU_CALLBACK_TIMEOUT_CAP}), so that tests of timeouts are quick
   */
  static GcwEmulator start(Path binary, Map<String, String> environment, int callbackTimeoutCap)
      throws IOException {
    int port = freePort();
    ProcessBuilder pb = new ProcessBuilder(binary.toString());
    pb.environment().putAll(environment);
    pb.environment().put("HOST", "127.0.0.1");
    pb.environment().put("PORT", Integer.toString(port));
    pb.environment().put("GRPC_PORT", Integer.toString(freePort()));
    if (callbackTimeoutCap > 0) {
      pb.environment().put("GCW_EMU_CALLBACK_TIMEOUT_CAP", Integer.toString(callbackTimeoutCap));
    }
    pb.redirectErrorStream(true);
    Process process = pb.start();
    GcwEmulator emulator = new GcwEmulator(process, "http://127.0.0.1:" + port);
    Thread reader = new Thread(emulator::readLog, "gcw-emulator-log");
    reader.setDaemon(true);
    reader.start();
    emulator.awaitReady();
    return emulator;
  }

  /** Deploys {@code source} as the workflow {@code id}. */
  void deploy(String id, String source) throws IOException {
    ObjectNode body = JSON.createObjectNode().put("sourceContents", source);
    JsonNode answer =
        post(
            PARENT + "/workflows?workflowId=" + URLEncoder.encode(id, StandardCharsets.UTF_8),
            body);
    if (answer.has("error")) {
      throw new IllegalStateException(
          "the emulator refused workflow " + id + ": " + answer.path("error").path("message"));
    }
  }

  /** Starts an execution of workflow {@code id} with {@code argument}; returns its name. */
  String start(String id, JsonNode argument) throws IOException {
    ObjectNode body = JSON.createObjectNode().put("argument", JSON.writeValueAsString(argument));
    JsonNode answer = post(PARENT + "/workflows/" + id + "/executions", body);
    if (!answer.hasNonNull("name")) {
      throw new IllegalStateException("the emulator did not start " + id + ": " + answer);
    }
    return answer.get("name").asText();
  }

  /**
   * Polls the execution {@code name} until it has ended (with its result or error) or {@code
   * timeout} passes; returns the Execution resource and the names of the steps it executed, in
   * order.
   */
  Finished await(String name, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonNode execution;
    long sleep = 2;
    while (true) {
      execution = get("/v1/" + name);
      if (ended(execution)) {
        break;
      }
      if (System.nanoTime() > deadline) {
        return new Finished(execution, List.of());
      }
      Thread.sleep(sleep);
      sleep = Math.min(50, sleep * 2);
    }
    synchronized (lock) {
      while (!ended.containsKey(name) && System.nanoTime() < deadline) {
        lock.wait(20);
      }
      List<String> executed = ended.remove(name);
      return new Finished(execution, executed == null ? List.of() : executed);
    }
  }

  /**
   * Whether the execution resource shows an ended execution, with its result or error. The emulator
   * sets an execution's state before its result and error, and answers reads without its lock, so a
   * read can show {@code SUCCEEDED} without the result: such a read is not the end.
   */
  private static boolean ended(JsonNode execution) {
    return switch (execution.path("state").asText()) {
      case "ACTIVE" -> false;
      case "SUCCEEDED" -> execution.has("result");
      case "FAILED" -> execution.has("error");
      default -> true;
    };
  }

  /** POSTs {@code body} (JSON) to {@code url}, as a callback's caller would. */
  int postTo(String url, String body) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** An ended execution: its resource ({@code state}, {@code result}, {@code error}) and steps. */
  record Finished(JsonNode execution, List<String> steps) {}

  /** The last lines the emulator logged, for failure messages. */
  String logTail(int lines) {
    synchronized (lock) {
      return String.join("\n", log.subList(Math.max(0, log.size() - lines), log.size()));
    }
  }

  private void readLog() {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        synchronized (lock) {
          if (log.size() > 2000) {
            log.subList(0, 1000).clear();
          }
          log.add(line);
          Matcher m;
          if ((m = STEP.matcher(line)).find()) {
            steps.add(m.group(1));
          } else if ((m = STARTED.matcher(line)).find()) {
            counting = m.group(1);
            steps = new ArrayList<>();
          } else if ((m = ENDED.matcher(line)).find() && m.group(1).equals(counting)) {
            ended.put(counting, List.copyOf(steps));
            counting = null;
            lock.notifyAll();
          }
        }
      }
    } catch (IOException e) {
      // the process ended
    }
  }

  private void awaitReady() throws IOException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("the Cloud Workflows emulator exited:\n" + logTail(20));
      }
      try {
        get(PARENT + "/workflows");
        return;
      } catch (IOException e) {
        try {
          Thread.sleep(20);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new IOException(ie);
        }
      }
    }
    throw new IOException("the Cloud Workflows emulator did not answer:\n" + logTail(20));
  }

  private JsonNode post(String path, JsonNode body) throws IOException {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .build());
  }

  private JsonNode get(String path) throws IOException {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
  }

  private JsonNode send(HttpRequest request) throws IOException {
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      return JSON.readTree(r.body());
    } catch (IOException e) {
      if (!process.isAlive()) {
        throw new IOException("the Cloud Workflows emulator died:\n" + logTail(40), e);
      }
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** Whether the process still runs (the emulator panics on some invalid calls). */
  boolean alive() {
    return process.isAlive();
  }

  /** Whether {@code file} is there and executable. */
  static boolean usable(Path file) {
    return Files.isRegularFile(file) && Files.isExecutable(file);
  }
}
