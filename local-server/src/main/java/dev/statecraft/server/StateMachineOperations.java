package dev.statecraft.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.local.InvalidDefinitionException;
import dev.statecraft.local.LocalEngine;
import dev.statecraft.local.StateMachineDescription;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * {@code CreateStateMachine}, {@code UpdateStateMachine}, {@code DeleteStateMachine}, {@code
 * DescribeStateMachine} and {@code ListStateMachines}.
 */
final class StateMachineOperations {
  private final LocalEngine engine;
  private final StateMachineSettings settings;

  StateMachineOperations(LocalEngine engine, StateMachineSettings settings) {
    this.engine = engine;
    this.settings = settings;
  }

  /**
   * Idempotent as AWS: creating a state machine that exists with the same definition, role and type
   * answers as the first creation did; anything different is {@code StateMachineAlreadyExists}.
   */
  synchronized ObjectNode create(Request request) {
    String name = Request.checkName(request.required("name"));
    String definition = request.required("definition");
    String roleArn = roleArn(request.optional("roleArn"));
    String type = type(request.optional("type"));
    StateMachineSettings.Settings defaults = StateMachineSettings.defaults();
    StateMachineSettings.Settings wanted =
        new StateMachineSettings.Settings(
            type,
            roleArn == null ? defaults.roleArn() : roleArn,
            StateMachineSettings.merged(
                request.body().get("loggingConfiguration"), defaults.logging()),
            StateMachineSettings.merged(
                request.body().get("tracingConfiguration"), defaults.tracing()),
            null);
    StateMachineDescription existing = engine.describeStateMachine(name).orElse(null);
    if (existing != null) {
      StateMachineSettings.Settings current = settings.get(name);
      boolean same =
          existing.definition().equals(definition)
              && current.type().equals(type)
              && (roleArn == null || current.roleArn().equals(roleArn));
      if (!same) {
        throw new ApiError(
            "StateMachineAlreadyExists", "State Machine Already Exists: '" + existing.arn() + "'");
      }
      return created(existing);
    }
    try {
      engine.createStateMachine(name, definition);
    } catch (InvalidDefinitionException e) {
      throw new ApiError("InvalidDefinition", e.getMessage());
    }
    settings.put(name, wanted);
    return created(engine.describeStateMachine(name).orElseThrow());
  }

  synchronized ObjectNode update(Request request) {
    StateMachineDescription machine = existing(request.required("stateMachineArn"));
    String definition = request.optional("definition");
    String roleArn = roleArn(request.optional("roleArn"));
    JsonNode logging = request.body().get("loggingConfiguration");
    JsonNode tracing = request.body().get("tracingConfiguration");
    if (definition == null && roleArn == null && logging == null && tracing == null) {
      throw new ApiError(
          "MissingRequiredParameter",
          "Either the definition, the role ARN, the LoggingConfiguration, or the"
              + " TracingConfiguration must be specified");
    }
    if (definition != null) {
      try {
        machine = engine.updateStateMachine(machine.name(), definition);
      } catch (InvalidDefinitionException e) {
        throw new ApiError("InvalidDefinition", e.getMessage());
      }
    }
    StateMachineSettings.Settings current = settings.get(machine.name());
    String revision = UUID.randomUUID().toString();
    settings.put(
        machine.name(),
        new StateMachineSettings.Settings(
            current.type(),
            Objects.requireNonNullElse(roleArn, current.roleArn()),
            StateMachineSettings.merged(logging, current.logging()),
            StateMachineSettings.merged(tracing, current.tracing()),
            revision));
    ObjectNode response = ApiJson.object();
    response.put(
        "updateDate", ApiJson.timestamp(definition != null ? machine.updateDate() : Instant.now()));
    response.put("revisionId", revision);
    return response;
  }

  /**
   * ValidateStateMachineDefinition: the engine's checks as diagnostics, {@code OK} or {@code FAIL}.
   */
  ObjectNode validate(Request request) {
    String definition = request.required("definition");
    List<String> problems = engine.validateDefinition(definition);
    int max = request.pageSize();
    ObjectNode response = ApiJson.object();
    response.put("result", problems.isEmpty() ? "OK" : "FAIL");
    ArrayNode diagnostics = response.putArray("diagnostics");
    for (String problem : problems.subList(0, Math.min(max, problems.size()))) {
      int colon = problem.indexOf(": ");
      int at = problem.lastIndexOf(" at /");
      ObjectNode d = diagnostics.addObject();
      d.put("severity", "ERROR");
      d.put("code", colon < 0 ? "SCHEMA_VALIDATION_FAILED" : problem.substring(0, colon));
      d.put(
          "message",
          problem.substring(colon < 0 ? 0 : colon + 2, at > colon ? at : problem.length()));
      if (at > colon) {
        d.put("location", problem.substring(at + 4));
      }
    }
    response.put("truncated", problems.size() > max);
    return response;
  }

  /** DeleteStateMachine: idempotent, as AWS; running executions fail. */
  synchronized ObjectNode delete(Request request) {
    String arn = request.required("stateMachineArn");
    String name = Request.stateMachineName(arn);
    engine.deleteStateMachine(name);
    settings.remove(name);
    return ApiJson.object();
  }

  ObjectNode describe(Request request) {
    StateMachineDescription machine = existing(request.required("stateMachineArn"));
    StateMachineSettings.Settings s = settings.get(machine.name());
    ObjectNode response = ApiJson.object();
    response.put("stateMachineArn", machine.arn());
    response.put("name", machine.name());
    response.put("status", "ACTIVE");
    response.put("definition", machine.definition());
    response.put("roleArn", s.roleArn());
    response.put("type", s.type());
    response.put("creationDate", ApiJson.timestamp(machine.creationDate()));
    response.set("loggingConfiguration", s.logging());
    response.set("tracingConfiguration", s.tracing());
    if (s.revisionId() != null) {
      response.put("revisionId", s.revisionId());
    }
    return response;
  }

  ObjectNode list(Request request) {
    int size = request.pageSize();
    String after = PageToken.decode(request.optional("nextToken"), "ListStateMachines");
    List<StateMachineDescription> all = engine.listStateMachines();
    int start = 0;
    if (after != null) {
      start = indexOf(all, after) + 1;
    }
    ObjectNode response = ApiJson.object();
    ArrayNode items = response.putArray("stateMachines");
    int end = Math.min(all.size(), start + size);
    for (StateMachineDescription machine : all.subList(start, end)) {
      ObjectNode item = items.addObject();
      item.put("stateMachineArn", machine.arn());
      item.put("name", machine.name());
      item.put("type", settings.get(machine.name()).type());
      item.put("creationDate", ApiJson.timestamp(machine.creationDate()));
    }
    if (end < all.size()) {
      response.put("nextToken", PageToken.encode("ListStateMachines", all.get(end - 1).name()));
    }
    return response;
  }

  private static int indexOf(List<StateMachineDescription> all, String name) {
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).name().equals(name)) {
        return i;
      }
    }
    throw PageToken.invalid();
  }

  /** The state machine an ARN names; {@code StateMachineDoesNotExist} when there is none. */
  StateMachineDescription existing(String arn) {
    String name = Request.stateMachineName(arn);
    return engine
        .describeStateMachine(name)
        .filter(machine -> machine.arn().equals(arn))
        .orElseThrow(
            () ->
                new ApiError(
                    "StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'"));
  }

  private static ObjectNode created(StateMachineDescription machine) {
    ObjectNode response = ApiJson.object();
    response.put("stateMachineArn", machine.arn());
    response.put("creationDate", ApiJson.timestamp(machine.creationDate()));
    return response;
  }

  private static String roleArn(String roleArn) {
    if (roleArn != null && !roleArn.startsWith("arn:")) {
      throw new ApiError("InvalidArn", "Invalid Arn: 'Invalid ARN prefix: " + roleArn + "'");
    }
    return roleArn;
  }

  private static String type(String type) {
    if (type == null) {
      return "STANDARD";
    }
    if (!type.equals("STANDARD") && !type.equals("EXPRESS")) {
      throw ApiError.validation(
          "Value '"
              + type
              + "' at 'type' failed to satisfy constraint: Member must satisfy enum value set:"
              + " [STANDARD, EXPRESS]");
    }
    return type;
  }
}
