package dev.statecraft.compiler.frontend;

import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import dev.statecraft.compiler.diagnostic.DiagnosticCode;
import dev.statecraft.compiler.ir.ErrorName;
import java.util.Optional;

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
          default -> new ErrorName.ExceptionClass(context.types().withSubclasses(name.get()));
        });
  }
}
