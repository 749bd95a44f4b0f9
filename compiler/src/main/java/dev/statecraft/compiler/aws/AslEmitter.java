package dev.statecraft.compiler.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.compiler.ir.ActivityMethod;
import dev.statecraft.compiler.ir.ErrorName;
import dev.statecraft.compiler.ir.IrType;
import dev.statecraft.compiler.ir.Liveness;
import dev.statecraft.compiler.ir.Nullness;
import dev.statecraft.compiler.ir.WorkflowIr;
import dev.statecraft.compiler.passes.LowerForEach;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Emits a workflow as an Amazon States Language definition in JSONata mode.
 *
 * <p>Every state transition is billed, so code between durable effects never gets a state of its
 * own: it travels on the {@link Edge}s between states and lands in their {@code Assign} (see {@link
 * PendingCode}). Activity calls become Lambda {@code Task}s, {@code if}, loops and {@code switch}
 * become {@code Choice}s, {@code Durable.map} a {@code Map}, {@code Durable.parallel} a {@code
 * Parallel}, {@code Durable.sleep} a {@code Wait}, {@code awaitCallback} a {@code
 * .waitForTaskToken} Task, a child workflow a {@code startExecution.sync:2} Task, {@code return}
 * the {@code Output} of the last state, and {@code throw new WorkflowFailure} a {@code Fail}. See
 * {@link StateGraph}.
 */
public final class AslEmitter {
  private static final List<String> STATE_FIELD_ORDER =
      List.of(
          "Type",
          "Comment",
          "Resource",
          "Arguments",
          "TimeoutSeconds",
          "HeartbeatSeconds",
          "Choices",
          "Default",
          "Seconds",
          "Items",
          "MaxConcurrency",
          "ItemSelector",
          "ItemProcessor",
          "Branches",
          "Retry",
          "Catch",
          "Assign",
          "Output",
          "Error",
          "Cause",
          "Next",
          "End");

  private AslEmitter() {}

  /**
   * A {@code Durable.awaitCallback} as emitted: the {@code .waitForTaskToken} state that waits, and
   * whose name ends the callback URL's path ({@code ${StatecraftCallbackUrl}/WORKFLOW/STATE}).
   *
   * @param state the waiting state's name
   * @param type the awaited answer's type
   * @param notifier the activity that receives the callback
   */
  public record CallbackWait(String state, IrType type, ActivityMethod notifier) {}

  /**
   * An emitted definition with what deploying it needs to know.
   *
   * @param json the definition
   * @param callbacks its callback waits, in emission order
   */
  public record Definition(String json, List<CallbackWait> callbacks) {
    public Definition {
      callbacks = List.copyOf(callbacks);
    }
  }

  /** The definition as pretty-printed JSON, deterministic byte for byte. */
  public static String emit(WorkflowIr workflow) {
    return compile(workflow).json();
  }

  /**
   * The definition and its callback waits, for a workflow whose activity calls are hoisted ({@link
   * dev.statecraft.compiler.passes.HoistActivityCalls}) and whose for-each loops are lowered
   * ({@link LowerForEach}).
   */
  public static Definition compile(WorkflowIr wf) {
    AslNames names = new AslNames(wf);
    List<CallbackWait> waits = new ArrayList<>();
    JsonataRenderer renderer = new JsonataRenderer(names::variable, Nullness.of(wf.body()));
    StateGraph.Shared shared =
        new StateGraph.Shared(names, renderer, Liveness.of(wf.body()), wf.name(), waits);
    List<Edge.Pending> entry = new ArrayList<>();
    wf.input()
        .ifPresent(
            p ->
                entry.add(
                    new Edge.Pending(
                        names.variable(p.name()),
                        renderer.presentFields(Jsonata.atom("$states.input"), p.type()))));
    StateGraph graph = new StateGraph(shared, entry).emit(wf.body(), Jsonata.atom("null"));
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put(
        "Comment",
        "Workflow '"
            + wf.name()
            + "', compiled by Statecraft from "
            + wf.className()
            + "."
            + wf.methodName()
            + "()");
    root.put("QueryLanguage", "JSONata");
    root.put("StartAt", graph.startAt());
    root.set("States", graph.statesJson());
    return new Definition(write(root), waits);
  }

  /**
   * The key of the definition substitution that stands for the activity's Lambda function ARN, as
   * in {@code "FunctionName": "${TriageActivities_classify}"}.
   */
  public static String functionPlaceholder(ActivityMethod activity) {
    return "${" + activity.functionKey() + "}";
  }

  /** The substitution key of a child workflow's state machine ARN: {@code ${StateMachine_name}}. */
  public static String stateMachinePlaceholder(String workflowName) {
    return "${" + stateMachineKey(workflowName) + "}";
  }

  /** {@code StateMachine_approve_request} for workflow {@code approve-request}. */
  public static String stateMachineKey(String workflowName) {
    return "StateMachine_" + workflowName.replace('-', '_');
  }

  /** The key of the callback endpoint's base URL, as in {@code ${StatecraftCallbackUrl}}. */
  public static String callbackUrlKey() {
    return "StatecraftCallbackUrl";
  }

  /** The ASL error names standing for {@code errors}; empty means every error. */
  static List<String> errorNames(List<ErrorName> errors) {
    if (errors.isEmpty() || errors.stream().anyMatch(e -> e instanceof ErrorName.Any)) {
      return List.of("States.ALL");
    }
    List<String> out = new ArrayList<>();
    for (ErrorName e : errors) {
      if (e instanceof ErrorName.ExceptionClass c) {
        c.qualifiedNames().stream().filter(n -> !out.contains(n)).forEach(out::add);
      } else if (e instanceof ErrorName.ActivityTimeout || e instanceof ErrorName.CallbackTimeout) {
        out.add("States.Timeout");
      } else if (e instanceof ErrorName.WorkflowFailure) {
        out.add("dev.statecraft.api.WorkflowFailure");
      }
    }
    return out.stream().distinct().toList();
  }

  /** {@code state} with its fields in ASL's customary order, the internal name dropped. */
  static ObjectNode ordered(ObjectNode state) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (String key : STATE_FIELD_ORDER) {
      if (state.has(key)) {
        out.set(key, state.get(key));
      }
    }
    state
        .fieldNames()
        .forEachRemaining(
            k -> {
              if (!k.equals("__name") && !out.has(k)) {
                throw new IllegalStateException("unordered ASL field " + k);
              }
            });
    return out;
  }

  /** Jackson's pretty printer with 2-space indents, "key": value spacing and a final newline. */
  static String write(JsonNode root) {
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    try {
      return new ObjectMapper().writer(printer).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
