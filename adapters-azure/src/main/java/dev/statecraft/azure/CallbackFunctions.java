package dev.statecraft.azure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.durabletask.DurableTaskClient;
import com.microsoft.durabletask.OrchestrationMetadata;
import com.microsoft.durabletask.TaskOrchestrationContext;
import dev.statecraft.adapters.ActivityJson;
import dev.statecraft.api.Callback;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Callbacks of {@code Durable.awaitCallback} on Azure, answered as on AWS: each wait hands its
 * activity an absolute URL, {@code https://HOST/api/callbacks/WORKFLOW?token=TOKEN}; {@code POST}
 * the answer as JSON to complete the wait, or add {@code &error=NAME} (and {@code &cause=TEXT}) to
 * fail it, which the workflow sees as that error.
 *
 * <p>The token names the instance and the wait and is signed (HMAC-SHA256) with the app setting
 * {@value #KEY_SETTING}, so it is an unguessable capability for that one wait; the host is {@code
 * WEBSITE_HOSTNAME}, the host name Azure gives the function app ({@value #BASE_URL_SETTING}
 * overrides the whole base URL). Answers: 200 answered, 400 the body is not JSON, 401 no or a bad
 * token, 410 the instance has ended, 405 not a POST.
 */
public final class CallbackFunctions {
  /** The app setting holding the key that signs callback tokens. */
  public static final String KEY_SETTING = "STATECRAFT_CALLBACK_KEY";

  /** The app setting that overrides the base URL of callback URLs. */
  public static final String BASE_URL_SETTING = "STATECRAFT_CALLBACK_BASE_URL";

  /** The key used where neither Azure nor the key setting are present: a local run. */
  private static final String LOCAL_KEY = "statecraft-local-development-only";

  private CallbackFunctions() {}

  /** The callback of wait {@code sequence} of this instance of {@code workflow}. */
  static Callback create(TaskOrchestrationContext ctx, String workflow, int sequence) {
    String claim = ctx.getInstanceId() + "/callback-" + sequence;
    String token =
        Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(claim.getBytes(StandardCharsets.UTF_8))
            + "."
            + sign(claim);
    return new Callback(token, baseUrl() + "/api/callbacks/" + workflow + "?token=" + token);
  }

  /** The wait's event name, {@code callback-N}, of a valid token of this app; empty otherwise. */
  static Optional<String[]> verify(String token) {
    if (token == null) {
      return Optional.empty();
    }
    int dot = token.indexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    String claim;
    try {
      claim =
          new String(
              Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    byte[] expected = sign(claim).getBytes(StandardCharsets.UTF_8);
    byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.UTF_8);
    int slash = claim.lastIndexOf('/');
    if (!MessageDigest.isEqual(expected, given) || slash < 0) {
      return Optional.empty();
    }
    return Optional.of(new String[] {claim.substring(0, slash), claim.substring(slash + 1)});
  }

  /**
   * The body of every generated callback function: checks the token and raises the wait's event
   * with the answer ({@code {"answer": ...}}) or the failure ({@code {"error": ..., "cause":
   * ...}}).
   */
  public static HttpResponseMessage answer(
      HttpRequestMessage<Optional<String>> request, DurableTaskClient client) {
    if (!"POST".equalsIgnoreCase(String.valueOf(request.getHttpMethod()))) {
      return reply(request, HttpStatus.METHOD_NOT_ALLOWED, "MethodNotAllowed", "POST the answer");
    }
    Optional<String[]> wait = verify(request.getQueryParameters().get("token"));
    if (wait.isEmpty()) {
      return reply(
          request,
          HttpStatus.UNAUTHORIZED,
          "Unauthorized",
          "the callback URL's token is not valid");
    }
    String instance = wait.get()[0];
    OrchestrationMetadata m = client.getInstanceMetadata(instance, false);
    if (!m.isInstanceFound() || m.isCompleted()) {
      return reply(request, HttpStatus.GONE, "Gone", "this wait is over: its run ended");
    }
    ObjectNode event = ActivityJson.mapper().createObjectNode();
    String error = request.getQueryParameters().get("error");
    String body = request.getBody().orElse("");
    if (error != null) {
      event.put("error", error);
      String cause = request.getQueryParameters().get("cause");
      event.put("cause", cause != null ? cause : body);
    } else {
      try {
        JsonNode answer = ActivityJson.mapper().readTree(body.isBlank() ? "null" : body);
        event.set("answer", answer);
      } catch (JsonProcessingException e) {
        return reply(
            request,
            HttpStatus.BAD_REQUEST,
            "InvalidAnswer",
            "the answer is not JSON; the wait goes on");
      }
    }
    client.raiseEvent(instance, wait.get()[1], event);
    ObjectNode ok =
        ActivityJson.mapper()
            .createObjectNode()
            .put("ok", true)
            .put("outcome", error != null ? "failed" : "answered");
    return request
        .createResponseBuilder(HttpStatus.OK)
        .header("Content-Type", "application/json")
        .body(ok.toString())
        .build();
  }

  private static HttpResponseMessage reply(
      HttpRequestMessage<?> request, HttpStatus status, String code, String message) {
    ObjectNode body =
        ActivityJson.mapper().createObjectNode().put("error", code).put("message", message);
    return request
        .createResponseBuilder(status)
        .header("Content-Type", "application/json")
        .body(body.toString())
        .build();
  }

  private static String baseUrl() {
    String base = System.getenv(BASE_URL_SETTING);
    if (base != null && !base.isBlank()) {
      return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
    String host = System.getenv("WEBSITE_HOSTNAME");
    return host == null || host.isBlank() ? "http://localhost:7071" : "https://" + host;
  }

  private static String sign(String claim) {
    String key = System.getenv(KEY_SETTING);
    if (key == null || key.isBlank()) {
      if (System.getenv("WEBSITE_HOSTNAME") != null) {
        throw new IllegalStateException(
            "set the app setting "
                + KEY_SETTING
                + " (a Key Vault reference) to sign callback URLs");
      }
      key = LOCAL_KEY;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(mac.doFinal(claim.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
