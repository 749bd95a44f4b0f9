package dev.statecraft.referee.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Durable Task engine process (tools/durabletask-referee): started on free 127.0.0.1 ports, its
 * task hub in a SQLite file of its own that nothing else opens, its billing counts read over HTTP.
 */
final class Sidecar implements AutoCloseable {
  private static final Pattern READY =
      Pattern.compile("listening grpc=127\\.0\\.0\\.1:(\\d+) stats=127\\.0\\.0\\.1:(\\d+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final int grpcPort;
  private final int statsPort;
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<String> log = new ArrayList<>();

  private Sidecar(Process process, int grpcPort, int statsPort) {
    this.process = process;
    this.grpcPort = grpcPort;
    this.statsPort = statsPort;
  }

  static Sidecar start(Path binary, Path taskHub, Duration timerCap) {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.add("-host");
    command.add("127.0.0.1");
    command.add("-db");
    // WAL and NORMAL sync: durable across a crash of the worker (the sidecar keeps running).
    command.add(
        "file:"
            + taskHub.toAbsolutePath()
            + "?_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=busy_timeout(5000)");
    if (!timerCap.isZero()) {
      command.add("-timer-cap");
      command.add(timerCap.toMillis() + "ms");
    }
    // STATECRAFT_DURABLETASK_LOG=FILE: the engine logs everything, with microseconds, to FILE.
    String logFile = System.getenv("STATECRAFT_DURABLETASK_LOG");
    if (logFile != null && !logFile.isBlank()) {
      command.add("-verbose");
    }
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the Durable Task engine " + binary, e);
    }
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    List<String> early = new ArrayList<>();
    try {
      for (String line; (line = out.readLine()) != null; ) {
        Matcher m = READY.matcher(line);
        if (m.find()) {
          Sidecar s = new Sidecar(p, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
          s.log.addAll(early);
          Thread drain =
              new Thread(
                  () -> {
                    try {
                      for (String l; (l = out.readLine()) != null; ) {
                        if (logFile != null && !logFile.isBlank()) {
                          java.nio.file.Files.writeString(
                              Path.of(logFile),
                              l + "\n",
                              java.nio.file.StandardOpenOption.CREATE,
                              java.nio.file.StandardOpenOption.APPEND);
                        }
                        synchronized (s.log) {
                          if (s.log.size() < 2000) {
                            s.log.add(l);
                          }
                        }
                      }
                    } catch (IOException ignored) {
                      // the process ended
                    }
                  },
                  "durabletask-referee-log");
          drain.setDaemon(true);
          drain.start();
          return s;
        }
        early.add(line);
      }
    } catch (IOException e) {
      p.destroyForcibly();
      throw new UncheckedIOException(e);
    }
    p.destroyForcibly();
    throw new IllegalStateException(
        "the Durable Task engine exited before listening:\n" + String.join("\n", early));
  }

  int grpcPort() {
    return grpcPort;
  }

  /** The counts of an instance and its sub-orchestrations, empty when it never ran. */
  Optional<BilledCounts> counts(String instanceId) {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + statsPort + "/stats/" + instanceId))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        return Optional.empty();
      }
      JsonNode n = JSON.readTree(r.body());
      return Optional.of(
          new BilledCounts(
              n.path("orchestratorExecutions").asInt(),
              n.path("orchestratorReplays").asInt(),
              n.path("replayedEvents").asInt(),
              n.path("activityExecutions").asInt(),
              n.path("historyEvents").asInt(),
              n.path("instances").asInt(),
              n.path("orchestratorAbandoned").asInt() + n.path("activityAbandoned").asInt()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  String recentLog() {
    synchronized (log) {
      return String.join("\n", log.subList(Math.max(0, log.size() - 40), log.size()));
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
