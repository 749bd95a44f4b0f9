package dev.statecraft.adapters;

import java.util.List;

/**
 * An activity's failure as every cloud reports it: {@code errorType} is the fully-qualified class
 * name of the exception the implementation threw (what AWS Lambda's Java runtime reports, and what
 * workflows match {@code catch} clauses and retry policies against) and {@code errorMessage} its
 * message.
 *
 * @param errorType the exception's fully-qualified class name
 * @param errorMessage the exception's message, or {@code null}
 * @param stackTrace frames, empty unless a cloud runtime adds them
 */
public record ActivityError(String errorType, String errorMessage, List<String> stackTrace) {
  public ActivityError {
    stackTrace = List.copyOf(stackTrace);
  }

  /** The error an exception thrown by an activity implementation stands for. */
  public static ActivityError of(Throwable t) {
    return new ActivityError(t.getClass().getName(), t.getMessage(), List.of());
  }

  /** This error as JSON, the shape Lambda uses for a function error. */
  public String toJson() {
    return ActivityJson.write(this);
  }
}
