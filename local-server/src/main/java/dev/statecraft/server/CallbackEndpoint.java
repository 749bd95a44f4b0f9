package dev.statecraft.server;

import com.sun.net.httpserver.HttpServer;
import dev.statecraft.local.LocalEngine;
import dev.statecraft.manifest.DeploymentManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Only the callback endpoint of a {@link StepFunctionsServer}, over an engine you already run: what
 * {@code statecraft run} serves while its execution waits for a human's answer.
 *
 * <p>{@code POST /callbacks?token=TOKEN} with a JSON body completes the waiting task with that
 * body; {@code &error=NAME&cause=TEXT} fails it. Answers are committed before the response, so a
 * 200 means the answer is durable. A token the engine does not know gets a 400 and changes nothing.
 *
 * <pre>{@code
 * try (LocalEngine engine = LocalEngine.open(EngineOptions.durable(db));
 *     CallbackEndpoint callbacks = CallbackEndpoint.open(engine, "localhost", 0)) {
 *   String definition = asl.replace("${StatecraftCallbackUrl}", callbacks.url().toString());
 *   ...
 * }
 * }</pre>
 */
public final class CallbackEndpoint implements AutoCloseable {
  private final HttpServer http;
  private final ExecutorService threads;
  private final AtomicInteger inFlight;
  private final URI url;

  private CallbackEndpoint(
      HttpServer http, ExecutorService threads, AtomicInteger inFlight, URI url) {
    this.http = http;
    this.threads = threads;
    this.inFlight = inFlight;
    this.url = url;
  }

  /**
   * Binds {@code host:port} (port 0: any free one) and serves callbacks to {@code engine} at once.
   *
   * @throws UncheckedIOException when the port cannot be bound, e.g. because it is in use
   */
  public static CallbackEndpoint open(LocalEngine engine, String host, int port) {
    return open(engine, host, port, null, null);
  }

  /**
   * Like {@link #open(LocalEngine, String, int)}, also serving a compiled project's typed callback
   * routes ({@code /callbacks/WORKFLOW/WAIT?token=}), as {@link StepFunctionsServer#serveProject}
   * does.
   */
  public static CallbackEndpoint open(
      LocalEngine engine, String host, int port, DeploymentManifest manifest, ClassLoader classes) {
    HttpServer http;
    try {
      http = HttpServer.create(new InetSocketAddress(host, port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot serve callbacks on " + host + ":" + port + ": " + e.getMessage(), e);
    }
    ExecutorService threads = StepFunctionsServer.daemonThreads();
    http.setExecutor(threads);
    AtomicInteger inFlight = new AtomicInteger();
    TaskOperations tasks = new TaskOperations(engine);
    CallbackHandler callbacks = new CallbackHandler(tasks);
    if (manifest != null) {
      callbacks.serve(ProjectRoutes.callbacks(manifest, classes, tasks));
    }
    http.createContext(
        CallbackHandler.PATH,
        exchange -> {
          inFlight.incrementAndGet();
          try {
            callbacks.handle(exchange);
          } finally {
            inFlight.decrementAndGet();
          }
        });
    http.start();
    URI base = StepFunctionsServer.baseUrl(http, host);
    return new CallbackEndpoint(http, threads, inFlight, URI.create(base + CallbackHandler.PATH));
  }

  /**
   * The endpoint, {@code http://localhost:PORT/callbacks}: the URL to substitute for a compiled
   * workflow's {@code ${StatecraftCallbackUrl}}.
   */
  public URI url() {
    return url;
  }

  /**
   * Stops serving, once the answers being handled got their response (the answer that ended the
   * execution usually is one), waiting at most five seconds; the engine stays open.
   */
  @Override
  public void close() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    http.stop(0);
    threads.shutdownNow();
  }
}
