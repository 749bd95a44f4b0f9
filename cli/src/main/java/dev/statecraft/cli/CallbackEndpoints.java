package dev.statecraft.cli;

import dev.statecraft.local.LocalEngine;
import dev.statecraft.manifest.DeploymentManifest;
import dev.statecraft.server.CallbackEndpoint;
import dev.statecraft.server.StepFunctionsServer;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The callback endpoints of one {@code run}: the first answers the URL this run's definition hands
 * out; the others answer the URLs that unfinished executions of the same state folder were handed
 * by earlier runs (see {@link CallbackPorts}), so that a URL handed to an activity still answers
 * after a crash and a resume.
 */
final class CallbackEndpoints implements AutoCloseable {
  private final List<CallbackEndpoint> endpoints;

  private CallbackEndpoints(List<CallbackEndpoint> endpoints) {
    this.endpoints = List.copyOf(endpoints);
  }

  /**
   * Binds the endpoints and remembers their ports in {@code home}.
   *
   * <p>Without {@code --callback-port} (or with 0) a resuming run reuses the port its unfinished
   * executions were handed, so one URL answers old and new waits; else it uses the default port, or
   * a free one when that is taken. With {@code --callback-port N} it binds N as well as the old
   * ports. An old port that is taken now is named in one line on {@code err}; its waits can still
   * be answered at this run's URL, which the resume prints.
   *
   * @param requested {@code --callback-port}, or null
   * @param unfinished whether the state folder holds executions that will resume
   * @throws Main.UsageException when {@code requested} cannot be bound
   */
  static CallbackEndpoints open(
      LocalEngine engine,
      DeploymentManifest manifest,
      ClassLoader classes,
      Path home,
      Integer requested,
      boolean unfinished,
      PrintWriter err) {
    List<Integer> remembered = unfinished ? CallbackPorts.read(home) : List.of();
    List<CallbackEndpoint> bound = new ArrayList<>();
    List<Integer> lost = new ArrayList<>();
    try {
      for (int port : remembered) {
        if (requested == null || requested != port) {
          try {
            bound.add(CallbackEndpoint.open(engine, "localhost", port, manifest, classes));
          } catch (UncheckedIOException e) {
            lost.add(port);
          }
        }
      }
      bound.add(0, primary(engine, manifest, classes, requested, bound, err));
    } catch (RuntimeException e) {
      bound.forEach(CallbackEndpoint::close);
      throw e;
    }
    for (int port : lost) {
      err.printf(
          "statecraft: port %d is in use, so the callback URLs handed out on it before do not"
              + " answer; free it and run again to answer them there, or answer at the URLs"
              + " printed below%n",
          port);
    }
    Set<Integer> ports = new LinkedHashSet<>(remembered);
    ports.add(bound.get(0).url().getPort());
    CallbackPorts.write(home, ports);
    return new CallbackEndpoints(bound);
  }

  /** The endpoint whose URL this run's definition hands out. */
  private static CallbackEndpoint primary(
      LocalEngine engine,
      DeploymentManifest manifest,
      ClassLoader classes,
      Integer requested,
      List<CallbackEndpoint> bound,
      PrintWriter err) {
    if (requested != null && requested != 0) {
      try {
        return CallbackEndpoint.open(engine, "localhost", requested, manifest, classes);
      } catch (UncheckedIOException e) {
        throw new Main.UsageException(e.getMessage() + "; choose another --callback-port");
      }
    }
    if (!bound.isEmpty()) {
      return bound.remove(0);
    }
    if (requested != null) {
      return CallbackEndpoint.open(engine, "localhost", 0, manifest, classes);
    }
    int port = StepFunctionsServer.Options.DEFAULT_PORT;
    try {
      return CallbackEndpoint.open(engine, "localhost", port, manifest, classes);
    } catch (UncheckedIOException e) {
      CallbackEndpoint any = CallbackEndpoint.open(engine, "localhost", 0, manifest, classes);
      err.printf("statecraft: port %d is taken; callbacks are answered at %s%n", port, any.url());
      return any;
    }
  }

  /** This run's callback URL, {@code http://localhost:PORT/callbacks}. */
  URI url() {
    return endpoints.get(0).url();
  }

  /**
   * The URL that answers the callback URL {@code handedOut} now: itself when its port is served,
   * else the same path and query on this run's port.
   */
  String answering(String handedOut) {
    URI url;
    try {
      url = URI.create(handedOut);
    } catch (IllegalArgumentException e) {
      return handedOut;
    }
    if (endpoints.stream().anyMatch(e -> e.url().getPort() == url.getPort())) {
      return handedOut;
    }
    URI base = url();
    return base.getScheme()
        + "://"
        + base.getRawAuthority()
        + url.getRawPath()
        + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
  }

  @Override
  public void close() {
    endpoints.forEach(CallbackEndpoint::close);
  }
}
