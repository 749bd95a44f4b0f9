package dev.statecraft.compiler.frontend;

import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import dev.statecraft.compiler.diagnostic.DiagnosticCode;
import dev.statecraft.compiler.ir.ErrorName;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Exception types, as written in {@code catch} clauses and {@code retryOn}, mapped to the errors a
 * workflow can see: an activity's exception class (with its subclasses in the sources, since clouds
 * match names exactly), {@code ActivityTimeout}, {@code CallbackTimeout}, {@code WorkflowFailure},
 * or any error for {@code Exception}, {@code RuntimeException} and {@code Throwable}.
 */
final class ErrorNames {
  private final SourceContext context;
  private final ParsedUnit unit;

  ErrorNames(SourceContext context, ParsedUnit unit) {
    this.context = context;
    this.unit = unit;
  }

  Optional<ErrorName> of(Type type) {
    Optional<String> name =
        type instanceof ClassOrInterfaceType t
            ? context.types().resolve(t, unit)
            : Optional.empty();
    if (name.isEmpty()) {
      context.error(
          unit,
          type,
          DiagnosticCode.UNKNOWN_NAME,
          "cannot find exception class '" + type + "'",
          "import the exception class, or declare it in the sources");
      return Optional.empty();
    }
    return Optional.of(
        switch (name.get()) {
          case SourceContext.API + "ActivityTimeout" -> new ErrorName.ActivityTimeout();
          case SourceContext.API + "CallbackTimeout" -> new ErrorName.CallbackTimeout();
          case SourceContext.API + "WorkflowFailure" -> new ErrorName.WorkflowFailure();
          case "java.lang.Exception", "java.lang.Throwable", "java.lang.RuntimeException" ->
              new ErrorName.Any();
          default -> new ErrorName.ExceptionClass(withSubclasses(name.get()));
        });
  }

  /**
   * The exceptions workflow code itself can throw, which the back ends raise by name: a {@code
   * catch (IndexOutOfBoundsException e)} must also catch {@code ArrayIndexOutOfBoundsException}.
   */
  private static final List<String> RAISED_BY_WORKFLOW_CODE =
      List.of(
          "java.lang.ArithmeticException",
          "java.lang.ArrayIndexOutOfBoundsException",
          "java.lang.IllegalArgumentException",
          "java.lang.IndexOutOfBoundsException",
          "java.lang.MatchException",
          "java.lang.NullPointerException",
          "java.lang.NumberFormatException",
          "java.lang.StringIndexOutOfBoundsException",
          "java.util.NoSuchElementException");

  /** The class, its subclasses in the sources and the JDK exceptions workflow code raises. */
  private List<String> withSubclasses(String name) {
    Set<String> names = new TreeSet<>(context.types().withSubclasses(name));
    Class<?> root = jdkClass(name);
    if (root != null) {
      for (String raised : RAISED_BY_WORKFLOW_CODE) {
        Class<?> c = jdkClass(raised);
        if (c != null && root.isAssignableFrom(c)) {
          names.add(raised);
        }
      }
    }
    return List.copyOf(names);
  }

  private static Class<?> jdkClass(String name) {
    if (!name.startsWith("java.")) {
      return null;
    }
    try {
      return Class.forName(name, false, ClassLoader.getPlatformClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }
}
