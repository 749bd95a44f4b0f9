package dev.statecraft.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.statecraft.adapters.ActivityEntryPoint;
import dev.statecraft.adapters.ActivityInput;
import dev.statecraft.adapters.ActivityJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The Lambda handler behind one activity method. Reads the payload (an object of arguments keyed by
 * parameter name), calls {@link #invoke}, and writes the result as JSON.
 *
 * <p>An exception from the implementation is rethrown unchanged, checked or not, so Lambda's Java
 * runtime reports it with {@code errorType} set to the exception's fully-qualified class name; Step
 * Functions then fails the Task with that error name, which is what {@code @Retry(retryOn = ...)}
 * and {@code catch} clauses match.
 *
 * <pre>{@code
 * public final class TriageActivitiesClassifyHandler extends LambdaActivityHandler {
 *   private final TriageActivities activities = new TriageActivitiesImpl();
 *
 *   protected Object invoke(ActivityInput input) throws Exception {
 *     return activities.classify(input.get("ticket", Ticket.class));
 *   }
 * }
 * }</pre>
 */
public abstract class LambdaActivityHandler implements RequestStreamHandler, ActivityEntryPoint {

  @Override
  public final void handleRequest(InputStream in, OutputStream out, Context context)
      throws IOException {
    ActivityInput input = ActivityInput.read(in);
    Object result;
    try {
      result = invoke(input);
    } catch (Exception e) {
      throw LambdaActivityHandler.<RuntimeException>rethrow(e);
    }
    ActivityJson.write(out, result);
  }

  @SuppressWarnings("unchecked")
  private static <E extends Exception> E rethrow(Exception e) throws E {
    throw (E) e;
  }
}
