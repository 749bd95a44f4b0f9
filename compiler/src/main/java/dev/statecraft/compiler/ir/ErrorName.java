package dev.statecraft.compiler.ir;

import java.util.List;

/**
 * An error a workflow can retry or catch, target-neutral: an activity exception class (with the
 * subclasses the compiler found, since clouds match names exactly), an activity timeout, a callback
 * timeout, a {@code WorkflowFailure}, or any error at all.
 */
public sealed interface ErrorName
    permits ErrorName.ExceptionClass,
        ErrorName.ActivityTimeout,
        ErrorName.CallbackTimeout,
        ErrorName.WorkflowFailure,
        ErrorName.Any {

  /**
   * An exception thrown by an activity implementation.
   *
   * @param qualifiedNames the class and every subclass found in the sources, fully qualified
   */
  record ExceptionClass(List<String> qualifiedNames) implements ErrorName {
    public ExceptionClass {
      qualifiedNames = List.copyOf(qualifiedNames);
    }
  }

  /** An activity attempt that ran past its timeout. */
  record ActivityTimeout() implements ErrorName {}

  /** A callback that nobody answered in time. */
  record CallbackTimeout() implements ErrorName {}

  /** A {@code WorkflowFailure} thrown by workflow code (a child workflow's, for instance). */
  record WorkflowFailure() implements ErrorName {}

  /** Every error ({@code catch (Exception e)}). */
  record Any() implements ErrorName {}
}
