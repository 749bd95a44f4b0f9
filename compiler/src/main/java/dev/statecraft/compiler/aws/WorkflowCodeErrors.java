package dev.statecraft.compiler.aws;

import dev.statecraft.compiler.ir.ErrorName;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The exceptions Java throws in workflow code itself ({@code list.get} out of range, a method
 * called on {@code null}), as the AWS back end raises them: JSONata's {@code $error} with the
 * exception's class and message, which fails the state with {@code States.QueryEvaluationError} and
 * ends its cause. This class finds which classes an expression can throw, decides which {@code
 * catch} clause Java would run for each (by the JDK's own class hierarchy), and reads the class and
 * message back from a caught error's cause.
 */
final class WorkflowCodeErrors {
  /** {@code $error('java.lang.IndexOutOfBoundsException: ...} and the like. */
  private static final Pattern RAISED =
      Pattern.compile("\\$error\\(\\s*['\"]([A-Za-z_][\\w$]*(?:\\.[A-Za-z_][\\w$]*)+): ");

  private WorkflowCodeErrors() {}

  /** The error names the expression's {@code $error} calls raise, in order. */
  static Set<String> thrown(String jsonata) {
    Set<String> names = new TreeSet<>();
    Matcher m = RAISED.matcher(jsonata);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /**
   * Whether a clause catching {@code errors} catches the exception {@code thrown} in Java: {@code
   * catch (Exception e)} catches every JDK exception, and a class's names include the JDK
   * exceptions below it ({@code ErrorNames}). Names that are not JDK classes (the compiler's own
   * run-time limits) are caught by no clause, only seen by {@code finally}.
   */
  static boolean catches(List<ErrorName> errors, String thrown) {
    for (ErrorName e : errors) {
      if (e instanceof ErrorName.Any && thrown.startsWith("java.")) {
        return true;
      }
      if (e instanceof ErrorName.ExceptionClass c && c.qualifiedNames().contains(thrown)) {
        return true;
      }
    }
    return false;
  }

  /** The caught error's Java class, read from its cause; the error's own name otherwise. */
  static String errorOf(Collection<String> classes) {
    return read(classes, 0, "$states.errorOutput.Error");
  }

  /** The caught error's Java message, read from its cause; the cause itself otherwise. */
  static String causeOf(Collection<String> classes) {
    return read(classes, 1, "$states.errorOutput.Cause");
  }

  /** {@code classes} as a JSONata array of strings. */
  static String list(Collection<String> classes) {
    return classes.stream()
        .map(JsonataRenderer::string)
        .collect(Collectors.joining(", ", "[", "]"));
  }

  /**
   * Group {@code group} of the last {@code "<class>: <message>"} that ends the cause: the cause of
   * a failed expression starts with the state and the expression itself, which holds the same text,
   * so the match is anchored at the end.
   */
  private static String read(Collection<String> classes, int group, String otherwise) {
    if (classes.isEmpty()) {
      return otherwise;
    }
    String alternatives =
        classes.stream()
            .map(c -> c.replace(".", "\\.").replace("$", "\\$"))
            .collect(Collectors.joining("|"));
    return "($__c := $states.errorOutput.Cause; $__m := $type($__c) = 'string' ? $match($__c,"
        + " /^(?:[\\s\\S]*: )?("
        + alternatives
        + "): ([\\s\\S]*)$/); $exists($__m) ? $__m.groups["
        + group
        + "] : "
        + otherwise
        + ")";
  }
}
