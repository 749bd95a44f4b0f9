package dev.statecraft.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.Map;

/**
 * What the API records about a state machine that the engine has no use for: its type, role,
 * logging and tracing configuration and revision, as {@code DescribeStateMachine} reports them.
 * Kept in one small JSON file next to the engine's database, rewritten whole on each change.
 */
final class StateMachineSettings {
  /** One state machine's settings; {@code revisionId} is null until it is updated. */
  record Settings(
      String type, String roleArn, JsonNode logging, JsonNode tracing, String revisionId) {}

  private final Path file;
  private final ObjectNode all;

  StateMachineSettings(Path file) {
    this.file = file;
    try {
      all =
          Files.exists(file)
              ? (ObjectNode) ApiJson.MAPPER.readTree(file.toFile())
              : ApiJson.object();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** The settings of {@code name}; those of a state machine created through the engine alone. */
  synchronized Settings get(String name) {
    JsonNode node = all.get(name);
    if (node == null) {
      return defaults();
    }
    return new Settings(
        node.path("type").asText("STANDARD"),
        node.path("roleArn").asText(defaults().roleArn()),
        node.hasNonNull("loggingConfiguration")
            ? node.get("loggingConfiguration")
            : defaults().logging(),
        node.hasNonNull("tracingConfiguration")
            ? node.get("tracingConfiguration")
            : defaults().tracing(),
        node.hasNonNull("revisionId") ? node.get("revisionId").asText() : null);
  }

  synchronized void put(String name, Settings settings) {
    ObjectNode node = all.putObject(name);
    node.put("type", settings.type());
    node.put("roleArn", settings.roleArn());
    node.set("loggingConfiguration", settings.logging());
    node.set("tracingConfiguration", settings.tracing());
    if (settings.revisionId() != null) {
      node.put("revisionId", settings.revisionId());
    }
    save();
  }

  synchronized void remove(String name) {
    if (all.remove(name) != null) {
      save();
    }
  }

  static Settings defaults() {
    ObjectNode logging = ApiJson.object();
    logging.put("level", "OFF");
    logging.put("includeExecutionData", false);
    ObjectNode tracing = ApiJson.object();
    tracing.put("enabled", false);
    return new Settings(
        "STANDARD", "arn:aws:iam::000000000000:role/statecraft-local", logging, tracing, null);
  }

  /** Fills the members of {@code given} that are missing from {@code fallback}. */
  static JsonNode merged(JsonNode given, JsonNode fallback) {
    if (given == null || given.isNull()) {
      return fallback;
    }
    ObjectNode merged = fallback.deepCopy();
    for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      merged.set(field.getKey(), field.getValue());
    }
    return merged;
  }

  private void save() {
    try {
      Path temp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(temp, ApiJson.write(all));
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
