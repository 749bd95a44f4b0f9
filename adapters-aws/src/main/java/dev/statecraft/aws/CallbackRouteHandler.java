package dev.statecraft.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.statecraft.adapters.StrictJson;
import dev.statecraft.callbacks.CallbackReceiver;
import dev.statecraft.callbacks.CallbackResponse;
import dev.statecraft.callbacks.TaskCompleter;
import dev.statecraft.manifest.DeploymentManifest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import org.slf4j.Logger;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/**
 * The callback route behind API Gateway: {@code POST /callbacks/{workflow}/{wait}?token=TOKEN}
 * answers a {@code Durable.awaitCallback} wait with {@code SendTaskSuccess} (or, with {@code
 * &error=}, {@code SendTaskFailure}) once the answer fits the awaited type ({@link
 * CallbackReceiver}). Its function needs {@code states:SendTaskSuccess} and {@code
 * states:SendTaskFailure} on the project's state machines; it reads the project's manifest from the
 * deployable jar. The token is never logged.
 */
public final class CallbackRouteHandler implements RequestStreamHandler {
  private static final String PREFIX = "/callbacks/";

  private final CallbackReceiver receiver;

  /** The handler Lambda creates: the jar's manifest, Step Functions in the function's region. */
  public CallbackRouteHandler() {
    this(
        DeploymentManifest.fromClasspath(CallbackRouteHandler.class.getClassLoader()),
        SfnClient.builder().httpClient(UrlConnectionHttpClient.create()).build(),
        CallbackRouteHandler.class.getClassLoader());
  }

  /**
   * A handler over {@code manifest} completing tasks through {@code sfn}, for tests and other
   * hosts.
   *
   * @param classes where the awaited types' classes are
   */
  public CallbackRouteHandler(DeploymentManifest manifest, SfnClient sfn, ClassLoader classes) {
    this.receiver =
        new CallbackReceiver(
            manifest, (type, json) -> StrictJson.mismatch(type, json, classes), new SfnTasks(sfn));
  }

  @Override
  public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
    ApiGatewayProxy request = ApiGatewayProxy.read(in);
    String route = route(request);
    CallbackResponse response =
        LambdaLogs.around(
            context,
            Map.of("route", "/callbacks/" + route),
            () -> {
              CallbackResponse r =
                  receiver.receive(request.method(), route, request.query(), request.text());
              Logger log = LambdaLogs.logger(CallbackRouteHandler.class);
              if (log != null) {
                log.info("callback answered {}", r.status());
              }
              return r;
            });
    ApiGatewayProxy.answer(out, response.status(), response.contentType(), response.body());
  }

  private static String route(ApiGatewayProxy request) {
    String workflow = request.pathParameters().get("workflow");
    String wait = request.pathParameters().get("wait");
    if (workflow != null && wait != null) {
      return workflow + "/" + wait;
    }
    int at = request.path().indexOf(PREFIX);
    return at < 0 ? "" : request.path().substring(at + PREFIX.length());
  }

  /** Step Functions' task tokens. */
  private static final class SfnTasks implements TaskCompleter {
    private final SfnClient sfn;

    SfnTasks(SfnClient sfn) {
      this.sfn = sfn;
    }

    @Override
    public void succeed(String token, String json) throws Refused {
      try {
        sfn.sendTaskSuccess(b -> b.taskToken(token).output(json));
      } catch (SfnException e) {
        throw refused(e);
      }
    }

    @Override
    public void fail(String token, String error, String cause) throws Refused {
      try {
        sfn.sendTaskFailure(b -> b.taskToken(token).error(error).cause(cause));
      } catch (SfnException e) {
        throw refused(e);
      }
    }

    private static Refused refused(SfnException e) {
      if (e instanceof InvalidTokenException) {
        return new Refused(Refusal.INVALID_TOKEN, "InvalidToken");
      }
      if (e instanceof TaskDoesNotExistException || e instanceof TaskTimedOutException) {
        return new Refused(Refusal.TASK_GONE, e.awsErrorDetails().errorCode());
      }
      throw new IllegalStateException(
          "Step Functions refused the answer: " + e.awsErrorDetails().errorCode());
    }
  }
}
