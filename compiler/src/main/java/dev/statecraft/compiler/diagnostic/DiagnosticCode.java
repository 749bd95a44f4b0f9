package dev.statecraft.compiler.diagnostic;

/**
 * Stable diagnostic codes. Each one has an example and a fix in docs/language.md; tests pin the
 * code and the position, so renaming a code is a breaking change.
 */
public enum DiagnosticCode {
  /** The file is not valid Java. */
  JAVA_SYNTAX("the file is not valid Java"),
  /** javac rejects the project's code: Statecraft compiles only what Java compiles. */
  JAVA_COMPILE("the Java compiler rejects the code"),
  /** The source directory contains no {@code @Workflow} class. */
  NO_WORKFLOW("no @Workflow class was found"),
  /** {@code --workflow NAME} names no workflow in the sources. */
  UNKNOWN_WORKFLOW("no workflow has the requested name"),
  /** Two workflows have the same name. */
  DUPLICATE_WORKFLOW_NAME("two workflows have the same name"),
  /** A workflow name is not lower-case kebab-case. */
  INVALID_WORKFLOW_NAME("a workflow name must be lower-case letters, digits and dashes"),
  /** A {@code @Workflow} class has no {@code @WorkflowMethod}. */
  MISSING_WORKFLOW_METHOD("a @Workflow class needs one @WorkflowMethod"),
  /** A {@code @Workflow} class has more than one {@code @WorkflowMethod}. */
  MULTIPLE_WORKFLOW_METHODS("a @Workflow class has exactly one @WorkflowMethod"),
  /** The workflow method has the wrong shape (not public, static, generic, or too many params). */
  INVALID_WORKFLOW_METHOD(
      "the workflow method must be public, non-static, with at most one parameter"),
  /** A field of a workflow class is not an activity stub. */
  INVALID_WORKFLOW_FIELD("workflow fields must be activity stubs"),
  /** A mutable static field in a workflow class. */
  STATIC_MUTABLE_STATE("workflows may not keep static mutable state"),
  /** {@code @Activities} on something other than an interface. */
  ACTIVITIES_NOT_INTERFACE("@Activities goes on an interface"),
  /** Two activity methods of one interface share a name. */
  OVERLOADED_ACTIVITY("activity methods of one interface need distinct names"),
  /** An annotation value that is not a literal. */
  INVALID_ANNOTATION_VALUE("annotation values must be literals"),
  /** No class implements an {@code @Activities} interface. */
  MISSING_ACTIVITY_IMPLEMENTATION("an @Activities interface has no implementation"),
  /** More than one class implements an {@code @Activities} interface. */
  MULTIPLE_ACTIVITY_IMPLEMENTATIONS("an @Activities interface has more than one implementation"),
  /** The implementation has no public no-argument constructor. */
  ACTIVITY_IMPLEMENTATION_CONSTRUCTOR(
      "activity implementations need a public no-argument constructor"),
  /** A duration string is not ISO-8601, or is out of range. */
  INVALID_DURATION("durations are ISO-8601, such as PT30S"),
  /** A retry policy is out of range. */
  INVALID_RETRY("a retry policy is out of range"),
  /** A type the workflow language does not support. */
  UNSUPPORTED_TYPE("a type the workflow language does not support"),
  /** A statement the workflow language does not support. */
  UNSUPPORTED_STATEMENT("a statement the workflow language does not support"),
  /** An expression the workflow language does not support. */
  UNSUPPORTED_EXPRESSION("an expression the workflow language does not support"),
  /** A call to something that is neither an activity, a Durable operation nor a known method. */
  UNSUPPORTED_CALL("workflow code may only call activities, Durable and the supported methods"),
  /** A call that reads the clock, randomness or the environment. */
  NONDETERMINISTIC_CALL("workflow code must be deterministic"),
  /** Input/output in workflow code. */
  IO_IN_WORKFLOW("workflow code may not do I/O"),
  /** Threads, executors or locks in workflow code. */
  THREADS_IN_WORKFLOW("workflow code may not use threads"),
  /** A name that is not a local variable, parameter or activity stub. */
  UNKNOWN_NAME("a name that is not defined"),
  /** Operand or value types do not fit. */
  TYPE_MISMATCH("types do not fit"),
  /** {@code ==} between strings or records compares references in Java. */
  REFERENCE_EQUALITY("== compares references"),
  /** {@code throw} of something other than {@code new WorkflowFailure(...)}. */
  UNSUPPORTED_THROW("workflow code throws only WorkflowFailure"),
  /** A {@code WorkflowFailure} error name reserved by the clouds. */
  RESERVED_ERROR_NAME("error names starting with 'States.' are reserved"),
  /** A non-void workflow method can finish without returning. */
  MISSING_RETURN("the workflow method can finish without returning a value"),
  /** A statement that can never run. */
  UNREACHABLE_CODE("a statement that can never run"),
  /** The result of a {@code void} activity is used. */
  VOID_RESULT("a void activity has no result"),
  /** {@code Durable.activities} used anywhere but a field initializer. */
  MISPLACED_ACTIVITY_STUB("activity stubs are fields"),
  /** A variable is read before it is definitely assigned. */
  UNINITIALIZED_VARIABLE("a variable is read before it is assigned"),
  /** A mutable collection is changed after another name or value shares it. */
  ALIASED_COLLECTION("a mutable collection is changed after it was shared"),
  /**
   * An Express workflow ({@code @Workflow(type = WorkflowType.EXPRESS)}) does what Express cannot:
   * await a callback, sleep past five minutes, wait for a child workflow.
   */
  EXPRESS_UNSUPPORTED("an Express workflow cannot wait on this"),

  /** {@code List.of(..).add(x)}: Java throws {@code UnsupportedOperationException}. */
  IMMUTABLE_COLLECTION("an unmodifiable collection is changed"),
  /** A Durable operation or child workflow call used inside an expression. */
  MISPLACED_DURABLE_CALL("durable operations are statements"),
  /** A lambda passed to Durable.map/parallel/awaitCallback is not of the supported shape. */
  INVALID_LAMBDA("the lambda of a Durable operation has an unsupported shape"),
  /** A switch group falls through into the next one. */
  SWITCH_FALLTHROUGH("switch groups must not fall through"),
  /** A {@code @Webhook} with a bad path, secret name, scheme or tolerance. */
  INVALID_WEBHOOK("a @Webhook's path, secretEnv, scheme or tolerance is malformed"),
  /** Two {@code @Webhook}s of a project serve the same path. */
  DUPLICATE_WEBHOOK_PATH("two webhooks serve the same path"),
  /** {@code Secrets.get} in workflow code, whose state the cloud records. */
  SECRET_IN_WORKFLOW("workflow code may not read secrets"),
  /** A catch that Java enters for an error of workflow code itself, which no cloud can catch. */
  UNCATCHABLE_ERROR("a catch for an error that workflow code itself raises"),
  /** A construct a particular cloud target cannot express. */
  TARGET_LIMIT("a construct the target cloud cannot express");

  private final String summary;

  DiagnosticCode(String summary) {
    this.summary = summary;
  }

  /** One line on what the code means. */
  public String summary() {
    return summary;
  }
}
