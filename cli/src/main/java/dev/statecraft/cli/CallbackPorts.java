package dev.statecraft.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The ports of the callback URLs that a state folder's executions were handed, one a line in
 * {@value #FILE_NAME} beside the executions' database.
 *
 * <p>An execution keeps the definition it started with, and with it the callback URL baked into
 * that definition, which its activities hand on (to a reviewer, a Slack message). So a run that
 * resumes unfinished executions binds the ports they were started with again, however busy the
 * default port is now; this file is how it knows them.
 */
final class CallbackPorts {
  static final String FILE_NAME = "callback-ports";

  private CallbackPorts() {}

  /** The remembered ports, oldest first; none when nothing was remembered. */
  static List<Integer> read(Path home) {
    Path file = home.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    Set<Integer> ports = new LinkedHashSet<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.strip().matches("[0-9]{1,5}")) {
          int port = Integer.parseInt(line.strip());
          if (port > 0 && port <= 65535) {
            ports.add(port);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return List.copyOf(ports);
  }

  /** Remembers exactly {@code ports}, replacing what was there. */
  static void write(Path home, Collection<Integer> ports) {
    Path file = home.resolve(FILE_NAME);
    List<String> lines = new ArrayList<>();
    new LinkedHashSet<>(ports).forEach(p -> lines.add(Integer.toString(p)));
    try {
      Files.createDirectories(home);
      Path temporary = home.resolve(FILE_NAME + ".tmp");
      Files.write(temporary, lines, StandardCharsets.UTF_8);
      Files.move(
          temporary,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
