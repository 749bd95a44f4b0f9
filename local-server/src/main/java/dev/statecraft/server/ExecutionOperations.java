package dev.statecraft.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.local.ExecutionDescription;
import dev.statecraft.local.ExecutionDoesNotExistException;
import dev.statecraft.local.ExecutionStatus;
import dev.statecraft.local.HistoryEvent;
import dev.statecraft.local.LocalEngine;
import dev.statecraft.local.StateMachineDescription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;

/**
 * {@code StartExecution}, {@code StartSyncExecution}, {@code DescribeExecution}, {@code
 * ListExecutions}, {@code GetExecutionHistory} and {@code StopExecution}.
 */
final class ExecutionOperations {
  private static final Set<String> STATUSES =
      Set.of("RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED", "PENDING_REDRIVE");

  private final LocalEngine engine;
  private final StateMachineOperations stateMachines;
  private final Duration syncTimeout;

  /** Why an input does not fit a state machine, by its name; empty when it fits. */
  private volatile BiFunction<String, String, Optional<String>> inputCheck =
      (stateMachine, input) -> Optional.empty();

  ExecutionOperations(
      LocalEngine engine, StateMachineOperations stateMachines, Duration syncTimeout) {
    this.engine = engine;
    this.stateMachines = stateMachines;
    this.syncTimeout = syncTimeout;
  }

  /**
   * Checks every started execution's input with {@code check} (state machine name, input JSON) from
   * now on: a misfit is answered {@code InvalidExecutionInput} with its reason.
   */
  void checkInputs(BiFunction<String, String, Optional<String>> check) {
    this.inputCheck = check;
  }

  /**
   * Idempotent by name as AWS: the same name and input as a <em>running</em> execution answers with
   * that execution's ARN and start date; a different input, or any input once it has finished, is
   * {@code ExecutionAlreadyExists}.
   */
  ObjectNode start(Request request) {
    ExecutionDescription execution = startExecution(request, true);
    ObjectNode response = ApiJson.object();
    response.put("executionArn", execution.executionArn());
    response.put("startDate", ApiJson.timestamp(execution.startDate()));
    return response;
  }

  /** Starts an execution and answers once it has finished (any type of state machine). */
  ObjectNode startSync(Request request) {
    ExecutionDescription started = startExecution(request, false);
    try {
      engine.awaitResult(started.executionArn(), syncTimeout);
    } catch (TimeoutException e) {
      throw new ApiError(
          "ExecutionLimitExceeded",
          "The execution is still running after " + syncTimeout + ": " + started.executionArn());
    }
    ExecutionDescription done = engine.describeExecution(started.executionArn()).orElseThrow();
    ObjectNode response = ApiJson.object();
    response.put("executionArn", done.executionArn());
    response.put("stateMachineArn", done.stateMachineArn());
    response.put("name", done.name());
    response.put("startDate", ApiJson.timestamp(done.startDate()));
    response.put("stopDate", ApiJson.timestamp(done.stopDate()));
    response.put("status", syncStatus(done.status()));
    putFailure(response, done);
    putData(response, done, true);
    long millis = Duration.between(done.startDate(), done.stopDate()).toMillis();
    ObjectNode billing = response.putObject("billingDetails");
    billing.put("billedMemoryUsedInMB", 64);
    billing.put("billedDurationInMilliseconds", Math.max(100, (millis + 99) / 100 * 100));
    return response;
  }

  private ExecutionDescription startExecution(Request request, boolean idempotent) {
    StateMachineDescription machine = stateMachines.existing(request.required("stateMachineArn"));
    String name = request.optional("name");
    name = name == null ? UUID.randomUUID().toString() : Request.checkName(name);
    String input = request.optional("input");
    input = input == null ? "{}" : input;
    String problem = ApiJson.problem(input);
    if (problem != null) {
      throw new ApiError(
          "InvalidExecutionInput", "Invalid State Machine Execution Input: '" + problem + "'");
    }
    Optional<String> misfit = inputCheck.apply(machine.name(), input);
    if (misfit.isPresent()) {
      throw new ApiError(
          "InvalidExecutionInput", "Invalid State Machine Execution Input: '" + misfit.get() + "'");
    }
    String arn = LocalEngine.executionArn(machine.name(), name);
    synchronized (this) {
      ExecutionDescription existing = engine.describeExecution(arn).orElse(null);
      if (existing != null) {
        boolean same =
            idempotent
                && existing.status() == ExecutionStatus.RUNNING
                && ApiJson.parseOrNull(existing.inputJson()).equals(ApiJson.parseOrNull(input));
        if (!same) {
          throw new ApiError("ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'");
        }
        return existing;
      }
      engine.startExecution(machine.name(), name, input);
    }
    return engine.describeExecution(arn).orElseThrow();
  }

  ObjectNode describe(Request request) {
    ExecutionDescription execution = existing(request.required("executionArn"));
    ObjectNode response = ApiJson.object();
    response.put("executionArn", execution.executionArn());
    response.put("stateMachineArn", execution.stateMachineArn());
    response.put("name", execution.name());
    response.put("status", execution.status().name());
    response.put("startDate", ApiJson.timestamp(execution.startDate()));
    if (execution.stopDate() != null) {
      response.put("stopDate", ApiJson.timestamp(execution.stopDate()));
    }
    putData(response, execution, !"METADATA_ONLY".equals(request.optional("includedData")));
    putFailure(response, execution);
    response.put("redriveCount", 0);
    response.put("redriveStatus", "NOT_REDRIVABLE");
    response.put(
        "redriveStatusReason",
        "Execution is " + execution.status().name() + " and cannot be redriven");
    return response;
  }

  /** Most recently started first, as AWS lists them. */
  ObjectNode list(Request request) {
    String arn = request.optional("stateMachineArn");
    if (arn == null) {
      if (request.optional("mapRunArn") != null) {
        throw ApiError.validation("Value at 'mapRunArn' is not supported by the local engine");
      }
      throw ApiError.validation(
          "Value null at 'stateMachineArn' failed to satisfy constraint: Member must not be null");
    }
    StateMachineDescription machine = stateMachines.existing(arn);
    String status = request.optional("statusFilter");
    if (status != null && !STATUSES.contains(status)) {
      throw ApiError.validation(
          "Value '"
              + status
              + "' at 'statusFilter' failed to satisfy constraint: Member must satisfy enum value"
              + " set: "
              + STATUSES);
    }
    int size = request.pageSize();
    String list = "ListExecutions " + machine.arn() + " " + status;
    String after = PageToken.decode(request.optional("nextToken"), list);
    List<ExecutionDescription> all = new ArrayList<>();
    for (ExecutionDescription e : engine.listExecutions(machine.name())) {
      if (status == null || e.status().name().equals(status)) {
        all.add(e);
      }
    }
    int start = after == null ? 0 : indexOf(all, after) + 1;
    int end = Math.min(all.size(), start + size);
    ObjectNode response = ApiJson.object();
    ArrayNode items = response.putArray("executions");
    for (ExecutionDescription e : all.subList(start, end)) {
      ObjectNode item = items.addObject();
      item.put("executionArn", e.executionArn());
      item.put("stateMachineArn", e.stateMachineArn());
      item.put("name", e.name());
      item.put("status", e.status().name());
      item.put("startDate", ApiJson.timestamp(e.startDate()));
      if (e.stopDate() != null) {
        item.put("stopDate", ApiJson.timestamp(e.stopDate()));
      }
      item.put("redriveCount", 0);
    }
    if (end < all.size()) {
      response.put("nextToken", PageToken.encode(list, all.get(end - 1).executionArn()));
    }
    return response;
  }

  private static int indexOf(List<ExecutionDescription> all, String arn) {
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).executionArn().equals(arn)) {
        return i;
      }
    }
    throw PageToken.invalid();
  }

  /** Oldest first, or newest first with {@code reverseOrder}; pages continue by event id. */
  ObjectNode history(Request request) {
    ExecutionDescription execution = existing(request.required("executionArn"));
    boolean reverse = request.flag("reverseOrder", false);
    boolean includeData = request.flag("includeExecutionData", true);
    int size = request.pageSize();
    String list = "GetExecutionHistory " + execution.executionArn() + " " + reverse;
    String position = PageToken.decode(request.optional("nextToken"), list);
    long next;
    try {
      next = position == null ? (reverse ? Long.MAX_VALUE : 1) : Long.parseLong(position);
    } catch (NumberFormatException e) {
      throw PageToken.invalid();
    }
    List<HistoryEvent> events = new ArrayList<>(engine.history(execution.executionArn()));
    if (reverse) {
      Collections.reverse(events);
    }
    ObjectNode response = ApiJson.object();
    ArrayNode items = response.putArray("events");
    int count = 0;
    for (int i = 0; i < events.size(); i++) {
      HistoryEvent event = events.get(i);
      boolean inPage = reverse ? event.id() <= next : event.id() >= next;
      if (!inPage) {
        continue;
      }
      if (count == size) {
        response.put("nextToken", PageToken.encode(list, Long.toString(event.id())));
        break;
      }
      items.add(HistoryEvents.toJson(event, includeData));
      count++;
    }
    return response;
  }

  ObjectNode stop(Request request) {
    String arn = request.required("executionArn");
    Request.executionNames(arn);
    String error = request.optional("error", 256);
    String cause = request.optional("cause", 32768);
    try {
      engine.stopExecution(arn, error, cause);
    } catch (ExecutionDoesNotExistException e) {
      throw new ApiError("ExecutionDoesNotExist", e.getMessage());
    }
    ExecutionDescription stopped = existing(arn);
    ObjectNode response = ApiJson.object();
    response.put("stopDate", ApiJson.timestamp(stopped.stopDate()));
    return response;
  }

  private ExecutionDescription existing(String arn) {
    Request.executionNames(arn);
    return engine
        .describeExecution(arn)
        .orElseThrow(
            () -> new ApiError("ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "'"));
  }

  private static void putData(ObjectNode response, ExecutionDescription e, boolean included) {
    if (included) {
      response.put("input", e.inputJson());
    }
    response.putObject("inputDetails").put("included", included);
    if (e.status() == ExecutionStatus.SUCCEEDED) {
      if (included) {
        response.put("output", e.outputJson());
      }
      response.putObject("outputDetails").put("included", included);
    }
  }

  private static void putFailure(ObjectNode response, ExecutionDescription e) {
    if (e.error() != null) {
      response.put("error", e.error());
    }
    if (e.cause() != null) {
      response.put("cause", e.cause());
    }
  }

  private static String syncStatus(ExecutionStatus status) {
    return status == ExecutionStatus.ABORTED ? "FAILED" : status.name();
  }
}
