package dev.statecraft.cdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statecraft.cdk.Fixtures.Synthesized;
import dev.statecraft.manifest.DeploymentManifest;
import dev.statecraft.manifest.DeploymentManifest.Route;
import dev.statecraft.manifest.FunctionSpec;
import dev.statecraft.manifest.WorkflowSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.assertions.Match;

/** What each fixture's template holds, checked against the fixture's manifest. */
class StatecraftBackendTest {
  /** The only actions that may be granted on every resource: they have no resource level. */
  private static final Set<String> ACTIONS_WITHOUT_RESOURCES =
      Set.of(
          "xray:PutTraceSegments",
          "xray:PutTelemetryRecords",
          "xray:GetSamplingRules",
          "xray:GetSamplingTargets",
          "logs:CreateLogDelivery",
          "logs:GetLogDelivery",
          "logs:UpdateLogDelivery",
          "logs:DeleteLogDelivery",
          "logs:ListLogDeliveries",
          "logs:PutResourcePolicy",
          "logs:DescribeResourcePolicies",
          "logs:DescribeLogGroups");

  @ParameterizedTest
  @MethodSource("dev.statecraft.cdk.Fixtures#names")
  void oneFunctionPerActivityPlusOnePerReceiver(String fixture) {
    Synthesized s = Fixtures.synth(fixture);
    DeploymentManifest m = s.manifest();
    int receivers = (m.routes().isEmpty() ? 0 : 1) + (callbackWorkflows(m).isEmpty() ? 0 : 1);
    s.template().resourceCountIs("AWS::Lambda::Function", m.functions().size() + receivers);
    s.template().resourceCountIs("AWS::Lambda::Alias", m.functions().size() + receivers);
    s.template()
        .allResourcesProperties(
            "AWS::Lambda::Function",
            Map.of(
                "Runtime", "java21",
                "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
                "TracingConfig", Map.of("Mode", "Active"),
                "LoggingConfig", Map.of("LogGroup", Match.anyValue())));
    s.template()
        .allResourcesProperties(
            "AWS::Lambda::Alias",
            Map.of("Name", "live", "FunctionVersion", Map.of("Fn::GetAtt", Match.anyValue())));
  }

  @ParameterizedTest
  @MethodSource("dev.statecraft.cdk.Fixtures#names")
  void eachFunctionHasItsActivitysSettingsAndEnvironment(String fixture) {
    Synthesized s = Fixtures.synth(fixture);
    for (FunctionSpec f : s.manifest().functions()) {
      Map<String, Object> props = functionProperties(s, f.awsHandler());
      assertEquals(f.memoryMb(), number(props.get("MemorySize")), f.key() + " memory");
      assertEquals(
          Math.min(f.timeoutSeconds() + 10, 900),
          number(props.get("Timeout")),
          f.key() + " timeout");
      Map<String, Object> env = variables(props);
      f.environment().forEach((k, v) -> assertEquals(v, env.get(k), f.key() + " " + k));
      assertEquals(
          "-XX:+TieredCompilation -XX:TieredStopAtLevel=1", env.get("JAVA_TOOL_OPTIONS"), f.key());
      assertEquals("statecraft", env.get("POWERTOOLS_SERVICE_NAME"), f.key());
      for (String secret : f.secrets()) {
        assertEquals(
            Map.of("Ref", s.logicalId(s.backend().secret(secret))),
            env.get("STATECRAFT_SECRET_" + secret),
            f.key() + " is told where " + secret + " is");
      }
      long secretVariables =
          env.keySet().stream().filter(k -> k.startsWith("STATECRAFT_SECRET_")).count();
      assertEquals(f.secrets().size(), secretVariables, f.key() + " knows only its own secrets");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.statecraft.cdk.Fixtures#names")
  void secretsAreCreatedWithoutAnyValue(String fixture) {
    Synthesized s = Fixtures.synth(fixture);
    s.template().resourceCountIs("AWS::SecretsManager::Secret", s.manifest().secrets().size());
    String prefix = s.backend().getNamePrefix();
    for (String name : s.manifest().secrets()) {
      s.template()
          .hasResourceProperties(
              "AWS::SecretsManager::Secret",
              Map.of(
                  "Name",
                  prefix + "/" + name,
                  "Description",
                  Match.stringLikeRegexp(".*put-secret-value.*")));
    }
    for (Map<String, Object> secret : resourcesOfType(s, "AWS::SecretsManager::Secret")) {
      Map<String, Object> props = properties(secret);
      assertFalse(props.containsKey("SecretString"), "a secret value: " + props);
      assertFalse(props.containsKey("GenerateSecretString"), "a generated value: " + props);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.statecraft.cdk.Fixtures#names")
  void onlyTheFunctionsDeclaringASecretMayReadIt(String fixture) {
    Synthesized s = Fixtures.synth(fixture);
    Map<String, Set<String>> readers = secretReaders(s);
    for (String name : s.manifest().secrets()) {
      Set<String> expected = new TreeSet<>();
      s.manifest().functions().stream()
          .filter(f -> f.secrets().contains(name))
          .forEach(f -> expected.add(s.logicalId(s.backend().function(f.key()).getRole())));
      if (s.manifest().routes().stream().anyMatch(r -> r.webhook().secret().equals(name))) {
        expected.add(
            s.logicalId(
                s.backend().getApi().orElseThrow().getWebhookReceiver().orElseThrow().getRole()));
      }
      assertEquals(
          expected, readers.getOrDefault(s.logicalId(s.backend().secret(name)), Set.of()), name);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.statecraft.cdk.Fixtures#names")
  void stateMachinesRunTheirDefinitionsWithEveryPlaceholderFilled(String fixture) {
    Synthesized s = Fixtures.synth(fixture);
    s.template()
        .resourceCountIs("AWS::StepFunctions::StateMachine", s.manifest().workflows().size());
    for (WorkflowSpec w : s.manifest().workflows()) {
      Map<String, Object> props =
          properties(
              s.resources().get(s.logicalId(s.backend().workflow(w.name()).getStateMachine())));
      assertEquals(s.backend().getNamePrefix() + "-" + w.name(), props.get("StateMachineName"));
      assertEquals(w.type(), props.get("StateMachineType"));
      @SuppressWarnings("unchecked")
      Map<String, Object> substitutions =
          (Map<String, Object>) props.get("DefinitionSubstitutions");
      assertEquals(
          Fixtures.placeholders(fixture, w.name()),
          new ArrayList<>(new TreeSet<>(substitutions.keySet())),
          w.name() + " fills every placeholder of its ASL");
      assertEquals(Map.of("Enabled", true), props.get("TracingConfiguration"), w.name());
      @SuppressWarnings("unchecked")
      Map<String, Object> logging = (Map<String, Object>) props.get("LoggingConfiguration");
      assertEquals("ALL", logging.get("Level"), w.name());
      assertEquals(false, logging.get("IncludeExecutionData"), w.name() + " logs no task tokens");
      assertNotNull(logging.get("Destinations"), w.name());
    }
  }

  @ParameterizedTest
  @MethodSource("dev.statecraft.cdk.Fixtures#names")
  void stateMachinesInvokeExactlyTheirFunctionsAliases(String fixture) {
    Synthesized s = Fixtures.synth(fixture);
    for (WorkflowSpec w : s.manifest().workflows()) {
      StatecraftWorkflow workflow = s.backend().workflow(w.name());
      Set<Object> expected = new LinkedHashSet<>();
      w.functions()
          .forEach(
              k -> expected.add(Map.of("Ref", s.logicalId(s.backend().function(k).getAlias()))));
      assertEquals(
          expected,
          resourcesGranted(
              s, s.logicalId(workflow.getStateMachine().getRole()), "lambda:InvokeFunction"),
          w.name());
      Map<String, Object> props =
          properties(s.resources().get(s.logicalId(workflow.getStateMachine())));
      @SuppressWarnings("unchecked")
      Map<String, Object> substitutions =
          (Map<String, Object>) props.get("DefinitionSubstitutions");
      for (String k : w.functions()) {
        assertEquals(
            Map.of("Ref", s.logicalId(s.backend().function(k).getAlias())),
            substitutions.get(k),
            w.name() + " calls the alias of " + k);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("dev.statecraft.cdk.Fixtures#names")
  void parentsMayRunExactlyTheirChildren(String fixture) {
    Synthesized s = Fixtures.synth(fixture);
    for (WorkflowSpec w : s.manifest().workflows()) {
      String role = s.logicalId(s.backend().workflow(w.name()).getStateMachine().getRole());
      Set<Object> expected = new LinkedHashSet<>();
      w.children()
          .forEach(
              c ->
                  expected.add(
                      Map.of("Ref", s.logicalId(s.backend().workflow(c).getStateMachine()))));
      assertEquals(expected, resourcesGranted(s, role, "states:StartExecution"), w.name());
      String describe = resourcesGranted(s, role, "states:DescribeExecution").toString();
      String stop = resourcesGranted(s, role, "states:StopExecution").toString();
      String rules = resourcesGranted(s, role, "events:PutRule").toString();
      for (String child : w.children()) {
        String executions =
            ":execution:" + s.backend().workflow(child).getStateMachineName() + ":*";
        assertTrue(
            describe.contains(executions), w.name() + " describes " + child + ": " + describe);
        assertTrue(stop.contains(executions), w.name() + " stops " + child + ": " + stop);
        assertTrue(rules.contains("StepFunctionsGetEventsForStepFunctionsExecutionRule"), rules);
      }
      if (w.children().isEmpty()) {
        assertEquals(
            List.of("[]", "[]", "[]"),
            List.of(describe, stop, rules),
            w.name() + " starts nothing");
      }
      if (!w.children().isEmpty()) {
        Map<String, Object> props =
            properties(
                s.resources().get(s.logicalId(s.backend().workflow(w.name()).getStateMachine())));
        assertTrue(
            props
                .get("DefinitionSubstitutions")
                .toString()
                .contains(s.logicalId(s.backend().workflow(w.children().get(0)).getStateMachine())),
            w.name() + " names its child's state machine");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("dev.statecraft.cdk.Fixtures#names")
  void wildcardsOnlyOnActionsWithoutResourceLevelPermissions(String fixture) {
    Synthesized s = Fixtures.synth(fixture);
    for (Map<String, Object> statement : statements(s).stream().map(Grant::statement).toList()) {
      if (resources(statement).contains("*")) {
        for (String action : actions(statement)) {
          assertTrue(ACTIONS_WITHOUT_RESOURCES.contains(action), action + " on '*': " + statement);
        }
      }
      if (actions(statement).contains("states:StartExecution")) {
        assertFalse(statement.toString().contains("stateMachine:*"), statement.toString());
      }
    }
    for (Map<String, Object> role : resourcesOfType(s, "AWS::IAM::Role")) {
      assertFalse(properties(role).containsKey("ManagedPolicyArns"), "a managed policy: " + role);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.statecraft.cdk.Fixtures#names")
  void theApiServesEachWebhookAndTheCallbackRoute(String fixture) {
    Synthesized s = Fixtures.synth(fixture);
    DeploymentManifest m = s.manifest();
    Set<String> expected = new TreeSet<>();
    m.routes().forEach(r -> expected.add("POST /webhooks/" + r.webhook().path()));
    if (!callbackWorkflows(m).isEmpty()) {
      expected.add("POST /callbacks/{workflow}/{wait}");
    }
    if (expected.isEmpty()) {
      s.template().resourceCountIs("AWS::ApiGateway::RestApi", 0);
      assertTrue(s.backend().getApi().isEmpty());
      return;
    }
    s.template().resourceCountIs("AWS::ApiGateway::RestApi", 1);
    assertEquals(expected, methods(s), "the API's methods");
    if (!callbackWorkflows(m).isEmpty()) {
      s.template()
          .hasResourceProperties(
              "AWS::ApiGateway::Method",
              Map.of(
                  "RequestParameters", Map.of("method.request.querystring.token", true),
                  "RequestValidatorId", Match.anyValue()));
    }
    s.template()
        .hasResourceProperties(
            "AWS::ApiGateway::RequestValidator",
            Map.of("ValidateRequestBody", true, "ValidateRequestParameters", true));
  }

  @ParameterizedTest
  @MethodSource("dev.statecraft.cdk.Fixtures#names")
  void accessLogsNeverHoldTheQueryString(String fixture) {
    Synthesized s = Fixtures.synth(fixture);
    for (Map<String, Object> stage : resourcesOfType(s, "AWS::ApiGateway::Stage")) {
      Map<String, Object> props = properties(stage);
      @SuppressWarnings("unchecked")
      Map<String, Object> logs = (Map<String, Object>) props.get("AccessLogSetting");
      String format = (String) logs.get("Format");
      assertNotNull(logs.get("DestinationArn"));
      for (String leak : List.of("querystring", "requestoverride", "$input", "$method.request")) {
        assertFalse(format.toLowerCase().contains(leak.toLowerCase()), leak + " in " + format);
      }
      assertNotEquals(
          true, props.get("TracingEnabled"), "X-Ray segments would record callback tokens");
      assertTrue(
          props.get("MethodSettings").toString().contains("ThrottlingRateLimit"), props.toString());
    }
  }

  @ParameterizedTest
  @MethodSource("dev.statecraft.cdk.Fixtures#names")
  void theWebhookReceiverStartsOnlyWorkflowsWithWebhooks(String fixture) {
    Synthesized s = Fixtures.synth(fixture);
    List<Route> routes = s.manifest().routes();
    if (routes.isEmpty()) {
      assertTrue(s.backend().getApi().flatMap(StatecraftApi::getWebhookReceiver).isEmpty());
      return;
    }
    StatecraftFunction receiver =
        s.backend().getApi().orElseThrow().getWebhookReceiver().orElseThrow();
    Map<String, Object> env = variables(functionProperties(s, StatecraftApi.WEBHOOK_HANDLER));
    Set<String> expected = new TreeSet<>();
    for (Route r : routes) {
      String variable =
          "STATECRAFT_STATE_MACHINE_" + r.workflow().name().toUpperCase().replace('-', '_');
      expected.add(variable);
      assertTrue(
          env.get(variable)
              .toString()
              .contains(
                  ":stateMachine:"
                      + s.backend().workflow(r.workflow().name()).getStateMachineName()),
          variable + " = " + env.get(variable));
      assertNotNull(env.get("STATECRAFT_SECRET_" + r.webhook().secret()), r.webhook().secret());
    }
    assertEquals(
        expected,
        env.keySet().stream()
            .filter(k -> k.startsWith("STATECRAFT_STATE_MACHINE_"))
            .collect(Collectors.toCollection(TreeSet::new)));
    String started =
        resourcesGranted(s, s.logicalId(receiver.getRole()), "states:StartExecution").toString();
    for (Route r : routes) {
      assertTrue(
          started.contains(
              ":stateMachine:" + s.backend().workflow(r.workflow().name()).getStateMachineName()),
          started);
    }
    assertEquals(
        routes.stream().map(r -> r.workflow().name()).distinct().count(),
        resourcesGranted(s, s.logicalId(receiver.getRole()), "states:StartExecution").size());
  }

  @ParameterizedTest
  @MethodSource("dev.statecraft.cdk.Fixtures#names")
  void theCallbackReceiverAnswersOnlyWorkflowsThatWait(String fixture) {
    Synthesized s = Fixtures.synth(fixture);
    List<String> waiting = callbackWorkflows(s.manifest());
    if (waiting.isEmpty()) {
      assertTrue(s.backend().getApi().flatMap(StatecraftApi::getCallbackReceiver).isEmpty());
      return;
    }
    String role =
        s.logicalId(
            s.backend().getApi().orElseThrow().getCallbackReceiver().orElseThrow().getRole());
    for (String action :
        List.of("states:SendTaskSuccess", "states:SendTaskFailure", "states:SendTaskHeartbeat")) {
      Set<Object> granted = resourcesGranted(s, role, action);
      assertEquals(waiting.size(), granted.size(), action + ": " + granted);
      for (String w : waiting) {
        assertTrue(
            granted
                .toString()
                .contains(":stateMachine:" + s.backend().workflow(w).getStateMachineName()),
            action + ": " + granted);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("dev.statecraft.cdk.Fixtures#names")
  void outputsTellWhereToPostAndWhichSecretsToSet(String fixture) {
    Synthesized s = Fixtures.synth(fixture);
    String outputs = s.template().toJSON().getOrDefault("Outputs", Map.of()).toString();
    for (String secret : s.manifest().secrets()) {
      assertTrue(
          outputs.contains("--secret-id " + s.backend().secret(secret).getSecretName()), secret);
    }
    for (Route r : s.manifest().routes()) {
      assertTrue(outputs.contains("/webhooks/" + r.webhook().path()), r.webhook().path());
    }
    assertEquals(
        !callbackWorkflows(s.manifest()).isEmpty(), outputs.contains("/callbacks"), outputs);
    assertEquals(
        s.backend().getApi().isPresent(), outputs.contains("The base URL of the Statecraft API"));
  }

  // ---- reading the template

  private static List<String> callbackWorkflows(DeploymentManifest m) {
    return m.workflows().stream()
        .filter(w -> w.awaitsCallbacks() || !w.callbacks().isEmpty())
        .map(WorkflowSpec::name)
        .toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> properties(Map<String, Object> resource) {
    return (Map<String, Object>) resource.get("Properties");
  }

  private static List<Map<String, Object>> resourcesOfType(Synthesized s, String type) {
    return s.resources().values().stream().filter(r -> type.equals(r.get("Type"))).toList();
  }

  private static Map<String, Object> functionProperties(Synthesized s, String handler) {
    List<Map<String, Object>> matches =
        resourcesOfType(s, "AWS::Lambda::Function").stream()
            .map(StatecraftBackendTest::properties)
            .filter(p -> handler.equals(p.get("Handler")))
            .toList();
    assertEquals(1, matches.size(), "functions running " + handler);
    return matches.get(0);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> variables(Map<String, Object> functionProperties) {
    return (Map<String, Object>)
        ((Map<String, Object>) functionProperties.get("Environment")).get("Variables");
  }

  private static long number(Object o) {
    return ((Number) o).longValue();
  }

  /** A policy statement and the roles it is attached to. */
  record Grant(Map<String, Object> statement, Set<String> roles) {}

  @SuppressWarnings("unchecked")
  private static List<Grant> statements(Synthesized s) {
    List<Grant> grants = new ArrayList<>();
    for (Map<String, Object> policy : resourcesOfType(s, "AWS::IAM::Policy")) {
      Map<String, Object> props = properties(policy);
      Set<String> roles = new TreeSet<>();
      ((List<Map<String, Object>>) props.get("Roles"))
          .forEach(r -> roles.add((String) r.get("Ref")));
      Map<String, Object> document = (Map<String, Object>) props.get("PolicyDocument");
      ((List<Map<String, Object>>) document.get("Statement"))
          .forEach(st -> grants.add(new Grant(st, roles)));
    }
    for (Map.Entry<String, Map<String, Object>> e : s.resources().entrySet()) {
      if ("AWS::IAM::Role".equals(e.getValue().get("Type"))) {
        Object inline = properties(e.getValue()).get("Policies");
        if (inline != null) {
          for (Map<String, Object> p : (List<Map<String, Object>>) inline) {
            Map<String, Object> document = (Map<String, Object>) p.get("PolicyDocument");
            ((List<Map<String, Object>>) document.get("Statement"))
                .forEach(st -> grants.add(new Grant(st, Set.of(e.getKey()))));
          }
        }
      }
    }
    return grants;
  }

  @SuppressWarnings("unchecked")
  private static List<String> actions(Map<String, Object> statement) {
    Object a = statement.get("Action");
    return a instanceof List<?> list ? (List<String>) list : List.of((String) a);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> resources(Map<String, Object> statement) {
    Object r = statement.get("Resource");
    return r instanceof List<?> list ? (List<Object>) list : List.of(r);
  }

  /** Every resource that {@code role} is allowed {@code action} on. */
  private static Set<Object> resourcesGranted(Synthesized s, String role, String action) {
    Set<Object> granted = new LinkedHashSet<>();
    for (Grant g : statements(s)) {
      if (g.roles().contains(role) && actions(g.statement()).contains(action)) {
        granted.addAll(resources(g.statement()));
      }
    }
    return granted;
  }

  /** The roles that may read each secret, by the secret's logical id. */
  @SuppressWarnings("unchecked")
  private static Map<String, Set<String>> secretReaders(Synthesized s) {
    Map<String, Set<String>> readers = new HashMap<>();
    for (Grant g : statements(s)) {
      if (actions(g.statement()).contains("secretsmanager:GetSecretValue")) {
        for (Object r : resources(g.statement())) {
          assertTrue(r instanceof Map<?, ?>, "a secret named by reference, not " + r);
          String secret = (String) ((Map<String, Object>) r).get("Ref");
          readers.computeIfAbsent(secret, k -> new TreeSet<>()).addAll(g.roles());
        }
      }
    }
    return readers;
  }

  /** {@code POST /a/b} for every method of the API. */
  @SuppressWarnings("unchecked")
  private static Set<String> methods(Synthesized s) {
    Map<String, String> paths = new HashMap<>();
    Map<String, Map<String, Object>> resources = s.resources();
    for (String id : resources.keySet()) {
      if ("AWS::ApiGateway::Resource".equals(resources.get(id).get("Type"))) {
        paths.put(id, path(resources, id));
      }
    }
    Set<String> methods = new TreeSet<>();
    for (Map<String, Object> method : resourcesOfType(s, "AWS::ApiGateway::Method")) {
      Map<String, Object> props = properties(method);
      Object resourceId = props.get("ResourceId");
      String path =
          resourceId instanceof Map<?, ?> ref && ref.containsKey("Ref")
              ? paths.get(((Map<String, Object>) ref).get("Ref"))
              : "/";
      methods.add(props.get("HttpMethod") + " " + path);
    }
    return methods;
  }

  @SuppressWarnings("unchecked")
  private static String path(Map<String, Map<String, Object>> resources, String id) {
    Map<String, Object> props = properties(resources.get(id));
    Object parent = props.get("ParentId");
    String prefix =
        parent instanceof Map<?, ?> ref && ref.containsKey("Ref")
            ? path(resources, (String) ((Map<String, Object>) ref).get("Ref"))
            : "";
    return prefix + "/" + props.get("PathPart");
  }
}
