package dev.statecraft.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.api.WebhookScheme;
import dev.statecraft.api.spi.SecretStore;
import dev.statecraft.manifest.DeploymentManifest;
import dev.statecraft.manifest.DeploymentManifest.Route;
import dev.statecraft.manifest.WebhookSpec;
import dev.statecraft.manifest.WorkflowSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Answers {@code POST /webhooks/{path}} for every {@code @Webhook} in a deployment manifest: checks
 * the signature, refuses replays, and starts the route's workflow once per delivery. It is the one
 * implementation every host uses; a host only turns its HTTP request into a {@link WebhookRequest}
 * and writes back the {@link WebhookResponse}.
 *
 * <p>A request goes through these steps, and the first that fails answers it. Only the last one
 * calls the {@link ExecutionStarter}:
 *
 * <ol>
 *   <li>no route at {@code path}: 404. A method other than {@code POST}: 405. A body over {@link
 *       WebhookRequest#MAX_BODY_BYTES}: 413;
 *   <li>the route's signing secret ({@link WebhookSpec#secret()}, read from the {@link SecretStore}
 *       on every request) is missing, blank or unusable: 401, saying the receiver is not
 *       configured. The value may hold several secrets separated by whitespace while you rotate
 *       them; each must be usable ({@link WebhookVerifier} says what that means), so that a
 *       passphrase with spaces is refused rather than split into weak keys;
 *   <li>a header is missing, no signature matches, or the signed timestamp is more than {@link
 *       WebhookSpec#toleranceSeconds()} (300 when the manifest has none) before or after the clock:
 *       401;
 *   <li>the body is not JSON (or form data, by its {@code Content-Type}): 400. A Stripe event
 *       without a string {@code id}: 400;
 *   <li>the same request was already accepted: 401, "replayed delivery" (see {@link ReplayGuard});
 *   <li>Slack's {@code url_verification} is answered 200 {@code {"challenge":"..."}} and GitHub's
 *       {@code ping} 200 {@code {"ok":true,"zen":"..."}}, starting nothing;
 *   <li>the {@link InputCheck} finds that the input does not fit the workflow's input type: 400;
 *   <li>the execution is started: 202 {@code {"executionArn":"...","executionName":"...",
 *       "started":true}}, or {@code "started":false} when it already existed (a redelivery). The
 *       starter failing: 502, and the sender may retry the same request.
 * </ol>
 *
 * <p>The execution's name is the delivery id: {@code webhook-id} (Standard Webhooks), the event's
 * {@code id} (Stripe), {@code X-GitHub-Delivery} (GitHub), the event's {@code event_id} (Slack). A
 * Slack request without one (slash commands, interactivity) is named {@code slack-} and the first
 * 40 hex digits of the SHA-256 of {@code <timestamp>:<X-Slack-Signature>}, which is the same for
 * the same signed request. An id that is not a valid Step Functions name (1 to 80 printable ASCII
 * characters without {@code <>{}[]?*"#%\^|~`$&,;:/}) has each offending character replaced by
 * {@code -}, is cut to 67 characters, and gets {@code -} and 12 hex digits of its SHA-256 appended,
 * so distinct ids keep distinct names.
 *
 * <p>The execution's input is the body as sent or, for {@code application/x-www-form-urlencoded},
 * the JSON object of its fields as strings.
 *
 * <p>Response bodies never contain a secret, a signature, the request body or a stack trace.
 *
 * <pre>{@code
 * WebhookReceiver receiver = WebhookReceiver.builder(DeploymentManifest.fromClasspath(loader))
 *     .secrets(SecretStore.environment())
 *     .inputCheck(strictJacksonCheck)
 *     .starter((workflow, name, input) -> stepFunctions.start(workflow, name, input))
 *     .build();
 *
 * WebhookResponse response = receiver.receive("orders", request); // POST /webhooks/orders
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe when the parts they are built from are.
 */
public final class WebhookReceiver {
  private static final int DEFAULT_TOLERANCE_SECONDS = 300;
  private static final int MAX_PROBLEM_LENGTH = 300;
  private static final int SLACK_DERIVED_ID_HEX = 40;

  private final Map<String, Route> routes;
  private final SecretStore secrets;
  private final InputCheck inputCheck;
  private final ExecutionStarter starter;
  private final Clock clock;
  private final ReplayGuard replayGuard;

  private WebhookReceiver(Builder b) {
    TreeMap<String, Route> byPath = new TreeMap<>();
    for (Route route : b.manifest.routes()) {
      if (byPath.put(route.webhook().path(), route) != null) {
        throw new IllegalArgumentException(
            "the manifest has two webhooks at path '" + route.webhook().path() + "'");
      }
    }
    this.routes = byPath;
    this.secrets = Objects.requireNonNull(b.secrets, "secrets: call secrets(...)");
    this.inputCheck = Objects.requireNonNull(b.inputCheck, "inputCheck: call inputCheck(...)");
    this.starter = Objects.requireNonNull(b.starter, "starter: call starter(...)");
    this.clock = b.clock;
    this.replayGuard = b.replayGuard == null ? ReplayGuard.inMemory(clock) : b.replayGuard;
  }

  /** A receiver for every webhook route of {@code manifest}. */
  public static Builder builder(DeploymentManifest manifest) {
    return new Builder(manifest);
  }

  /** The paths served, under {@code /webhooks/}, sorted: {@code ["github/issues", "orders"]}. */
  public List<String> paths() {
    return List.copyOf(routes.keySet());
  }

  /**
   * Answers one request. Never throws for anything a request contains; an unexpected failure inside
   * is answered 500 with a generic message.
   *
   * @param path the route, the part of the URL path after {@code /webhooks/}: {@code "orders"}
   */
  public WebhookResponse receive(String path, WebhookRequest request) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(request, "request");
    try {
      return handle(path, request);
    } catch (Refusal r) {
      return r.response();
    } catch (RuntimeException e) {
      return WebhookResponse.error(500, "the webhook could not be handled; try again later");
    }
  }

  private WebhookResponse handle(String path, WebhookRequest request) throws Refusal {
    Route route = route(path, request);
    WebhookSpec spec = route.webhook();
    long tolerance =
        spec.toleranceSeconds() > 0 ? spec.toleranceSeconds() : DEFAULT_TOLERANCE_SECONDS;
    WebhookVerifier.Verification verification = verifier(spec, tolerance).verify(request);
    if (!verification.verified()) {
      throw new Refusal(401, verification.problem().orElseThrow());
    }
    DeliveryInput input = DeliveryInput.read(request);
    String deliveryId = deliveryId(spec.scheme(), verification, input);
    String fingerprint = fingerprint(spec.scheme(), deliveryId, verification);
    if (!replayGuard.admit(fingerprint, expiry(verification, tolerance))) {
      throw new Refusal(401, "replayed delivery");
    }
    try {
      return admitted(route, request, deliveryId, input);
    } catch (Refusal r) {
      if (r.status() >= 500) {
        replayGuard.release(fingerprint);
      }
      throw r;
    } catch (RuntimeException e) {
      replayGuard.release(fingerprint);
      throw e;
    }
  }

  /** The route at {@code path}, when the request may go there at all. */
  private Route route(String path, WebhookRequest request) throws Refusal {
    Route route = routes.get(path);
    if (route == null) {
      throw new Refusal(404, "no webhook is served at this path");
    }
    if (!"POST".equals(request.method())) {
      throw new Refusal(405, "webhooks accept only POST");
    }
    if (request.bodyLength() > WebhookRequest.MAX_BODY_BYTES) {
      throw new Refusal(413, "the body is over " + WebhookRequest.MAX_BODY_BYTES + " bytes");
    }
    return route;
  }

  private WebhookVerifier verifier(WebhookSpec spec, long tolerance) throws Refusal {
    List<String> values =
        secrets
            .find(spec.secret())
            .map(String::strip)
            .filter(v -> !v.isEmpty())
            .map(v -> Arrays.asList(v.split("\\s+")))
            .orElse(List.of());
    return WebhookVerifier.tryOf(spec.scheme(), values, Duration.ofSeconds(tolerance), clock)
        .orElseThrow(
            () ->
                new Refusal(
                    401,
                    "this webhook receiver is not configured: its signing secret is unset or unusable"));
  }

  private static String deliveryId(
      WebhookScheme scheme, WebhookVerifier.Verification verification, DeliveryInput input)
      throws Refusal {
    return switch (scheme) {
      case STANDARD_WEBHOOKS, GITHUB -> verification.deliveryId().orElseThrow();
      case STRIPE ->
          text(input.json(), "id")
              .orElseThrow(() -> new Refusal(400, "a Stripe event needs a string \"id\""));
      case SLACK ->
          text(input.json(), "event_id")
              .orElseGet(
                  () ->
                      "slack-"
                          + Sha256.hex(
                                  verification.signedAt().getAsLong()
                                      + ":"
                                      + verification.signature())
                              .substring(0, SLACK_DERIVED_ID_HEX));
    };
  }

  private static String fingerprint(
      WebhookScheme scheme, String deliveryId, WebhookVerifier.Verification verification) {
    String signedAt =
        verification.signedAt().isPresent()
            ? Long.toString(verification.signedAt().getAsLong())
            : "-";
    return Sha256.hex(
        scheme + "\n" + deliveryId + "\n" + signedAt + "\n" + verification.signature());
  }

  /**
   * One second after the signed timestamp leaves the window, when the timestamp check takes over;
   * GitHub's requests carry none, so theirs is counted from now.
   */
  private Instant expiry(WebhookVerifier.Verification verification, long tolerance) {
    return verification.signedAt().isPresent()
        ? Instant.ofEpochSecond(verification.signedAt().getAsLong() + tolerance + 1)
        : clock.instant().plusSeconds(tolerance);
  }

  private WebhookResponse admitted(
      Route route, WebhookRequest request, String deliveryId, DeliveryInput input) throws Refusal {
    Optional<WebhookResponse> handshake = handshake(route.webhook().scheme(), request, input);
    if (handshake.isPresent()) {
      return handshake.get();
    }
    WorkflowSpec workflow = route.workflow();
    if (workflow.input().isPresent()) {
      Optional<String> problem = inputCheck.problem(workflow.inputType(), input.text());
      if (problem.isPresent()) {
        throw new Refusal(400, "the body does not fit the workflow's input: " + cut(problem.get()));
      }
    }
    String executionName = ExecutionNames.of(deliveryId);
    StartedExecution execution = start(workflow.name(), executionName, input.text());
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("executionArn", execution.executionArn());
    body.put("executionName", executionName);
    body.put("started", !execution.alreadyExisted());
    return WebhookResponse.json(202, body);
  }

  /** Slack's URL verification and GitHub's ping: answered, never started. */
  private static Optional<WebhookResponse> handshake(
      WebhookScheme scheme, WebhookRequest request, DeliveryInput input) throws Refusal {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    if (scheme == WebhookScheme.SLACK
        && text(input.json(), "type").filter("url_verification"::equals).isPresent()) {
      String challenge =
          text(input.json(), "challenge")
              .orElseThrow(() -> new Refusal(400, "url_verification needs a string \"challenge\""));
      body.put("challenge", challenge);
      return Optional.of(WebhookResponse.json(200, body));
    }
    if (scheme == WebhookScheme.GITHUB
        && request.header(GitHubCheck.EVENT).filter("ping"::equals).isPresent()) {
      body.put("ok", true);
      body.put("zen", cut(text(input.json(), "zen").orElse("")));
      return Optional.of(WebhookResponse.json(200, body));
    }
    return Optional.empty();
  }

  private StartedExecution start(String workflow, String executionName, String input)
      throws Refusal {
    StartedExecution execution;
    try {
      execution = starter.start(workflow, executionName, input);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Refusal(502, "the workflow could not be started; try again later");
    } catch (Exception e) {
      throw new Refusal(502, "the workflow could not be started; try again later");
    }
    if (execution == null) {
      throw new Refusal(502, "the workflow could not be started; try again later");
    }
    return execution;
  }

  /** The non-empty string field {@code name} of a JSON object. */
  private static Optional<String> text(JsonNode json, String name) {
    JsonNode value = json.get(name);
    return value != null && value.isTextual() && !value.asText().isEmpty()
        ? Optional.of(value.asText())
        : Optional.empty();
  }

  private static String cut(String text) {
    return text.length() <= MAX_PROBLEM_LENGTH
        ? text
        : text.substring(0, MAX_PROBLEM_LENGTH) + "...";
  }

  /**
   * Builds a {@link WebhookReceiver}; {@code secrets}, {@code inputCheck} and {@code starter} are
   * required.
   */
  public static final class Builder {
    private final DeploymentManifest manifest;
    private SecretStore secrets;
    private InputCheck inputCheck;
    private ExecutionStarter starter;
    private Clock clock = Clock.systemUTC();
    private ReplayGuard replayGuard;

    private Builder(DeploymentManifest manifest) {
      this.manifest = Objects.requireNonNull(manifest, "manifest");
    }

    /**
     * Where the routes' signing secrets are read, on every request so that rotation needs no
     * restart.
     */
    public Builder secrets(SecretStore secrets) {
      this.secrets = Objects.requireNonNull(secrets, "secrets");
      return this;
    }

    /** Whether a body fits the workflow's input type. */
    public Builder inputCheck(InputCheck inputCheck) {
      this.inputCheck = Objects.requireNonNull(inputCheck, "inputCheck");
      return this;
    }

    /** How executions are started. */
    public Builder starter(ExecutionStarter starter) {
      this.starter = Objects.requireNonNull(starter, "starter");
      return this;
    }

    /** The clock signed timestamps are checked against. Default: {@link Clock#systemUTC()}. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Where accepted deliveries are remembered. Default: {@link ReplayGuard#inMemory} on the clock.
     */
    public Builder replayGuard(ReplayGuard replayGuard) {
      this.replayGuard = Objects.requireNonNull(replayGuard, "replayGuard");
      return this;
    }

    /**
     * The receiver.
     *
     * @throws NullPointerException when {@code secrets}, {@code inputCheck} or {@code starter} is
     *     not set
     * @throws IllegalArgumentException when two webhooks of the manifest share a path
     */
    public WebhookReceiver build() {
      return new WebhookReceiver(this);
    }
  }
}
