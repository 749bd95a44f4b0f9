package dev.statecraft.compiler;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.statecraft.compiler.aws.AslEmitter;
import dev.statecraft.compiler.aws.LambdaHandlerEmitter;
import dev.statecraft.compiler.diagnostic.DiagnosticCode;
import dev.statecraft.compiler.diagnostic.Diagnostics;
import dev.statecraft.compiler.ir.ActivityMethod;
import dev.statecraft.compiler.ir.IrType;
import dev.statecraft.compiler.ir.WorkflowIr;
import dev.statecraft.compiler.java.JavaTypes;
import dev.statecraft.manifest.CallbackSpec;
import dev.statecraft.manifest.DeploymentManifest;
import dev.statecraft.manifest.FunctionSpec;
import dev.statecraft.manifest.Substitution;
import dev.statecraft.manifest.WebhookSpec;
import dev.statecraft.manifest.WorkflowSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the deployment manifest of a project's compiled workflows: what the AWS definitions'
 * placeholders stand for, each activity's function, and the webhooks, callbacks and secrets.
 */
final class ManifestWriter {
  /** What one compiled workflow contributes. */
  record Entry(WorkflowIr workflow, AslEmitter.Definition aws, Map<String, String> definitions) {}

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");
  private static final long LAMBDA_MAX_SECONDS = 900;

  private ManifestWriter() {}

  static DeploymentManifest write(List<Entry> entries, boolean aws, Diagnostics diagnostics) {
    Map<String, String> stateMachineKeys = new TreeMap<>();
    entries.forEach(
        e ->
            stateMachineKeys.put(
                AslEmitter.stateMachineKey(e.workflow().name()), e.workflow().name()));
    Map<String, FunctionSpec> functions = new TreeMap<>();
    List<WorkflowSpec> workflows = new ArrayList<>();
    for (Entry e : entries) {
      WorkflowIr wf = e.workflow();
      for (ActivityMethod a : wf.activities()) {
        if (!functions.containsKey(a.functionKey())) {
          functions.put(a.functionKey(), function(wf, a, aws, diagnostics));
        }
      }
      workflows.add(workflow(e, stateMachineKeys));
    }
    workflows.sort(java.util.Comparator.comparing(WorkflowSpec::name));
    return DeploymentManifest.of(workflows, List.copyOf(functions.values()));
  }

  private static WorkflowSpec workflow(Entry e, Map<String, String> stateMachineKeys) {
    WorkflowIr wf = e.workflow();
    Set<String> functionKeys = new LinkedHashSet<>();
    wf.activities().forEach(a -> functionKeys.add(a.functionKey()));
    List<Substitution> substitutions = new ArrayList<>();
    List<String> children = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(e.aws().json());
    while (m.find()) {
      String key = m.group(1);
      if (!seen.add(key)) {
        continue;
      }
      if (functionKeys.contains(key)) {
        substitutions.add(new Substitution(key, Substitution.Kind.FUNCTION, key));
      } else if (stateMachineKeys.containsKey(key)) {
        substitutions.add(
            new Substitution(key, Substitution.Kind.STATE_MACHINE, stateMachineKeys.get(key)));
        children.add(stateMachineKeys.get(key));
      } else if (key.equals(AslEmitter.callbackUrlKey())) {
        substitutions.add(new Substitution(key, Substitution.Kind.CALLBACK_URL, ""));
      } else {
        throw new IllegalStateException(
            "the definition of " + wf.name() + " has an unknown placeholder ${" + key + "}");
      }
    }
    List<CallbackSpec> callbacks =
        e.aws().callbacks().stream()
            .map(c -> new CallbackSpec(c.state(), javaType(c.type()), c.notifier().functionKey()))
            .toList();
    List<WebhookSpec> webhooks =
        wf.webhooks().stream()
            .map(h -> new WebhookSpec(h.path(), h.scheme(), h.secretEnv(), h.toleranceSeconds()))
            .toList();
    return new WorkflowSpec(
        wf.name(),
        wf.className(),
        wf.type().name(),
        wf.input().map(p -> javaType(p.type())).orElse(null),
        javaType(wf.output()),
        e.definitions(),
        List.copyOf(functionKeys),
        children.stream().sorted().toList(),
        callbacks,
        webhooks,
        substitutions);
  }

  private static FunctionSpec function(
      WorkflowIr wf, ActivityMethod a, boolean aws, Diagnostics diagnostics) {
    long timeout = (a.timeout().toMillis() + 999) / 1000;
    if (aws && timeout > LAMBDA_MAX_SECONDS) {
      diagnostics.error(
          DiagnosticCode.TARGET_LIMIT,
          wf.position(),
          "activity '"
              + a.ownerSimpleName()
              + "."
              + a.name()
              + "' has a timeout of "
              + a.timeout()
              + "; an AWS Lambda function runs at most 15 minutes",
          "give it a timeout of at most PT15M, or split the work into several activities");
    }
    return new FunctionSpec(
        a.functionKey(),
        a.owner(),
        a.name(),
        wf.implementations().get(a.owner()),
        LambdaHandlerEmitter.handlerClass(a),
        timeout,
        a.settings().memoryMb(),
        a.settings().secrets(),
        a.settings().environment());
  }

  /**
   * {@code t} as Jackson's {@code TypeFactory.constructFromCanonical} reads it: binary class names
   * ({@code com.x.Outer$Inner}), type arguments in angle brackets.
   */
  static String javaType(IrType t) {
    return t.equals(IrType.VOID) ? "void" : canonical(JavaTypes.of(t));
  }

  private static String canonical(TypeName t) {
    if (t instanceof ClassName c) {
      return c.reflectionName();
    }
    if (t instanceof ParameterizedTypeName p) {
      List<String> args = p.typeArguments().stream().map(ManifestWriter::canonical).toList();
      return p.rawType().reflectionName() + "<" + String.join(",", args) + ">";
    }
    return t.toString();
  }
}
