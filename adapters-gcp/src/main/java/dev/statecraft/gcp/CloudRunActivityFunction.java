package dev.statecraft.gcp;

import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import dev.statecraft.adapters.ActivityEntryPoint;
import dev.statecraft.adapters.ActivityError;
import dev.statecraft.adapters.ActivityInfo;
import dev.statecraft.adapters.ActivityInput;
import dev.statecraft.adapters.ActivityInvocation;
import dev.statecraft.adapters.ActivityJson;
import dev.statecraft.api.spi.SecretStore;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The HTTP function behind one activity method. A {@code POST} body is the arguments object; the
 * response is the result as JSON with status 200, or an {@link ActivityError} with status 500 when
 * the implementation throws, which Cloud Workflows raises as an {@code HttpError} whose {@code
 * body} carries the error's {@code errorType}.
 *
 * <pre>{@code
 * public final class TriageActivitiesClassifyFunction extends CloudRunActivityFunction {
 *   private final TriageActivities activities = new TriageActivitiesImpl();
 *
 *   protected Object invoke(ActivityInput input) throws Exception {
 *     return activities.classify(input.get("ticket", Ticket.class));
 *   }
 * }
 * }</pre>
 */
public abstract class CloudRunActivityFunction implements HttpFunction, ActivityEntryPoint {
  private static final String JSON = "application/json";

  /** Which activity this function runs, and the secrets it may read (from its environment). */
  protected abstract ActivityInfo info();

  @Override
  public final void service(HttpRequest request, HttpResponse response) throws IOException {
    response.setContentType(JSON);
    if (!"POST".equalsIgnoreCase(request.getMethod())) {
      response.setStatusCode(405, "Method Not Allowed");
      write(
          response,
          new ActivityError(
              "MethodNotAllowed", "activities accept POST only", java.util.List.of()));
      return;
    }
    ActivityInput input;
    try {
      input = ActivityInput.read(request.getInputStream());
    } catch (IOException | IllegalArgumentException e) {
      response.setStatusCode(400, "Bad Request");
      write(response, ActivityError.of(e));
      return;
    }
    try {
      Object result = ActivityInvocation.run(info(), this, input, SecretStore.environment());
      response.setStatusCode(200);
      write(response, result);
    } catch (Exception e) {
      response.setStatusCode(500, "Activity Failed");
      write(response, ActivityError.of(e));
    }
  }

  private static void write(HttpResponse response, Object body) throws IOException {
    try (OutputStream out = response.getOutputStream()) {
      ActivityJson.write(out, body);
    }
  }
}
