package dev.statecraft.aws;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;

/**
 * moto's server on 127.0.0.1: a local AWS API (here Secrets Manager) that the real AWS SDK talks
 * to. {@code tools/install-moto.sh} installs it during the build; where it could not, tests using
 * it are skipped with that reason.
 */
final class MotoServer implements AutoCloseable {
  private final Process process;
  private final URI endpoint;

  private MotoServer(Process process, URI endpoint) {
    this.process = process;
    this.endpoint = endpoint;
  }

  static MotoServer start() throws IOException, InterruptedException {
    Path moto = root().resolve("tools/.venv-moto/bin/moto_server");
    Assumptions.assumeTrue(
        Files.isExecutable(moto),
        "moto[server] is not installed at "
            + moto
            + " (tools/install-moto.sh could not install it: no python3 or no PyPI here)");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Process p =
        new ProcessBuilder(moto.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    URI endpoint = URI.create("http://127.0.0.1:" + port);
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        http.send(
            HttpRequest.newBuilder(endpoint.resolve("/moto-api/")).build(),
            HttpResponse.BodyHandlers.discarding());
        return new MotoServer(p, endpoint);
      } catch (IOException notYet) {
        if (!p.isAlive()) {
          throw new IllegalStateException("moto_server exited with " + p.exitValue());
        }
        Thread.sleep(100);
      }
    }
    p.destroyForcibly();
    throw new IllegalStateException("moto_server did not answer within 30 s");
  }

  URI endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    process.destroy();
  }

  private static Path root() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("tools"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("no tools/ folder above " + Path.of("").toAbsolutePath());
    }
    return p;
  }
}
