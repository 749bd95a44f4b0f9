package dev.statecraft.compiler.frontend;

import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.statecraft.compiler.diagnostic.DiagnosticCode;
import dev.statecraft.compiler.ir.ActivityMethod;
import dev.statecraft.compiler.ir.ErrorName;
import dev.statecraft.compiler.ir.IrType;
import dev.statecraft.compiler.ir.RetryPolicy;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads every {@code @Activities} interface: its methods with their timeouts and retry policies,
 * and the one class implementing it.
 */
final class ActivityReader {
  private static final String ACTIVITIES = SourceContext.API + "Activities";
  private static final String ACTIVITY = SourceContext.API + "Activity";
  private static final String RETRY = SourceContext.API + "Retry";
  private static final String SECRET = SourceContext.API + "Secret";
  private static final String ENV = SourceContext.API + "Env";
  private static final java.util.regex.Pattern VARIABLE =
      java.util.regex.Pattern.compile("[A-Z][A-Z0-9_]*");
  private static final int MIN_MEMORY_MB = 128;
  private static final int MAX_MEMORY_MB = 10240;
  private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

  /** An {@code @Activities} interface as the workflows see it. */
  record ActivitiesInterface(
      String qualifiedName,
      ClassOrInterfaceDeclaration declaration,
      ParsedUnit unit,
      Map<String, ActivityMethod> methods,
      List<String> implementations) {}

  private final SourceContext context;
  private final TypeMapper types;

  ActivityReader(SourceContext context, TypeMapper types) {
    this.context = context;
    this.types = types;
  }

  /** Every {@code @Activities} interface in the sources, by qualified name. */
  Map<String, ActivitiesInterface> readAll() {
    Map<String, ActivitiesInterface> result = new LinkedHashMap<>();
    for (TypeTable.Declared d : context.types().all()) {
      if (!(d.declaration() instanceof ClassOrInterfaceDeclaration c)) {
        continue;
      }
      Optional<AnnotationExpr> marker = context.annotation(c, ACTIVITIES, d.unit());
      if (marker.isEmpty()) {
        continue;
      }
      if (!c.isInterface()) {
        context.error(
            d.unit(),
            marker.get(),
            DiagnosticCode.ACTIVITIES_NOT_INTERFACE,
            "@Activities is on class '" + c.getNameAsString() + "', not on an interface",
            "declare the activity methods in an interface and implement it in this class");
        continue;
      }
      result.put(
          d.qualifiedName(),
          new ActivitiesInterface(
              d.qualifiedName(),
              c,
              d.unit(),
              methods(d.qualifiedName(), c, d.unit(), settings(c, d.unit())),
              implementations(d.qualifiedName())));
    }
    return result;
  }

  private Map<String, ActivityMethod> methods(
      String owner,
      ClassOrInterfaceDeclaration c,
      ParsedUnit unit,
      ActivityMethod.Settings settings) {
    Map<String, ActivityMethod> methods = new LinkedHashMap<>();
    for (MethodDeclaration m : c.getMethods()) {
      if (m.isStatic() || m.isDefault() || m.isPrivate()) {
        continue;
      }
      if (methods.containsKey(m.getNameAsString())) {
        context.error(
            unit,
            m.getName(),
            DiagnosticCode.OVERLOADED_ACTIVITY,
            "activity '" + m.getNameAsString() + "' is declared more than once",
            "give each activity method its own name: each becomes a function named after it");
        continue;
      }
      method(owner, m, unit, settings).ifPresent(a -> methods.put(a.name(), a));
    }
    return methods;
  }

  private Optional<ActivityMethod> method(
      String owner, MethodDeclaration m, ParsedUnit unit, ActivityMethod.Settings settings) {
    Optional<IrType> returnType = types.mapLocal(m.getType(), unit);
    List<ActivityMethod.Parameter> params = new ArrayList<>();
    boolean ok = returnType.isPresent();
    for (var p : m.getParameters()) {
      Optional<IrType> t = types.mapLocal(p.getType(), unit);
      ok &= t.isPresent();
      t.ifPresent(
          type ->
              params.add(
                  new ActivityMethod.Parameter(
                      p.getNameAsString(), type, p.getType().isArrayType())));
    }
    Duration timeout = DEFAULT_TIMEOUT;
    RetryPolicy retry = RetryPolicy.NONE;
    Optional<AnnotationExpr> activity = context.annotation(m, ACTIVITY, unit);
    if (activity.isPresent()) {
      Map<String, Expression> values = values(activity.get());
      if (values.containsKey("timeout")) {
        timeout = duration(values.get("timeout"), unit, false).orElse(DEFAULT_TIMEOUT);
      }
      if (values.get("retry") instanceof AnnotationExpr r) {
        retry = retry(r, unit);
      }
      if (values.containsKey("memoryMb")) {
        settings =
            new ActivityMethod.Settings(
                memory(values.get("memoryMb"), unit), settings.secrets(), settings.environment());
      }
    }
    if (!ok) {
      return Optional.empty();
    }
    return Optional.of(
        new ActivityMethod(
            owner, m.getNameAsString(), params, returnType.get(), timeout, retry, settings));
  }

  private int memory(Expression e, ParsedUnit unit) {
    if (e instanceof IntegerLiteralExpr i
        && i.asNumber().intValue() >= MIN_MEMORY_MB
        && i.asNumber().intValue() <= MAX_MEMORY_MB) {
      return i.asNumber().intValue();
    }
    context.error(
        unit,
        e,
        DiagnosticCode.INVALID_ANNOTATION_VALUE,
        "memoryMb must be an integer literal from "
            + MIN_MEMORY_MB
            + " to "
            + MAX_MEMORY_MB
            + ", got '"
            + e
            + "'",
        "write e.g. memoryMb = 1024; AWS Lambda gives a function 128 MB to 10,240 MB");
    return ActivityMethod.Settings.DEFAULT_MEMORY_MB;
  }

  /** The interface's {@code @Secret}s and {@code @Env}s, checked. */
  private ActivityMethod.Settings settings(ClassOrInterfaceDeclaration c, ParsedUnit unit) {
    List<String> secrets = new ArrayList<>();
    for (AnnotationExpr a : Annotations.repeated(context, c, SECRET, unit)) {
      variable(values(a).get("value"), "@Secret", unit, a)
          .ifPresent(
              name -> {
                if (secrets.contains(name)) {
                  context.error(
                      unit,
                      a,
                      DiagnosticCode.INVALID_ANNOTATION_VALUE,
                      "secret '" + name + "' is declared twice on '" + c.getNameAsString() + "'",
                      "declare each secret once");
                } else {
                  secrets.add(name);
                }
              });
    }
    Map<String, String> environment = new LinkedHashMap<>();
    for (AnnotationExpr a : Annotations.repeated(context, c, ENV, unit)) {
      Map<String, Expression> values = values(a);
      Optional<String> name = variable(values.get("name"), "@Env", unit, a);
      Optional<String> value = literal(values.get("value"), "@Env value", unit, a);
      if (name.isEmpty() || value.isEmpty()) {
        continue;
      }
      if (name.get().startsWith("AWS_") || name.get().startsWith("LAMBDA_")) {
        context.error(
            unit,
            values.get("name"),
            DiagnosticCode.INVALID_ANNOTATION_VALUE,
            "environment variable '" + name.get() + "' is reserved by AWS Lambda",
            "choose a name that does not start with AWS_ or LAMBDA_");
      } else if (environment.containsKey(name.get()) || secrets.contains(name.get())) {
        context.error(
            unit,
            values.get("name"),
            DiagnosticCode.INVALID_ANNOTATION_VALUE,
            "'" + name.get() + "' is declared twice on '" + c.getNameAsString() + "'",
            "give each @Env and @Secret of an interface its own name");
      } else {
        environment.put(name.get(), value.get());
      }
    }
    return new ActivityMethod.Settings(
        ActivityMethod.Settings.DEFAULT_MEMORY_MB, secrets, environment);
  }

  /** A string literal naming an environment variable or secret: {@code OPENAI_API_KEY}. */
  private Optional<String> variable(
      Expression e, String what, ParsedUnit unit, AnnotationExpr where) {
    Optional<String> text = literal(e, what + " name", unit, where);
    if (text.isPresent() && !VARIABLE.matcher(text.get()).matches()) {
      context.error(
          unit,
          e,
          DiagnosticCode.INVALID_ANNOTATION_VALUE,
          what + " name '" + text.get() + "' is not upper case letters, digits and underscores",
          "name it as an environment variable, e.g. \"OPENAI_API_KEY\"");
      return Optional.empty();
    }
    return text;
  }

  private Optional<String> literal(
      Expression e, String what, ParsedUnit unit, AnnotationExpr where) {
    if (e instanceof StringLiteralExpr s) {
      return Optional.of(s.asString());
    }
    context.error(
        unit,
        e == null ? where : e,
        DiagnosticCode.INVALID_ANNOTATION_VALUE,
        what + (e == null ? " is missing" : " must be a string literal, got '" + e + "'"),
        "write the value in quotes where the annotation is");
    return Optional.empty();
  }

  private RetryPolicy retry(AnnotationExpr annotation, ParsedUnit unit) {
    Map<String, Expression> values = values(annotation);
    RetryPolicy d = RetryPolicy.NONE;
    int maxAttempts = d.maxAttempts();
    if (values.containsKey("maxAttempts")) {
      Expression e = values.get("maxAttempts");
      if (e instanceof IntegerLiteralExpr i && i.asNumber().intValue() >= 1) {
        maxAttempts = i.asNumber().intValue();
      } else {
        context.error(
            unit,
            e,
            DiagnosticCode.INVALID_RETRY,
            "maxAttempts must be an integer literal of at least 1, got '" + e + "'",
            "maxAttempts counts the first attempt: 1 means no retry, 3 means two retries");
      }
    }
    Duration initial =
        Optional.ofNullable(values.get("initialInterval"))
            .flatMap(e -> duration(e, unit, false))
            .orElse(d.initialInterval());
    Optional<Duration> max =
        Optional.ofNullable(values.get("maxInterval")).flatMap(e -> duration(e, unit, true));
    double backoff = d.backoffRate();
    if (values.containsKey("backoffRate")) {
      Expression e = values.get("backoffRate");
      Optional<Double> rate = number(e);
      if (rate.isPresent() && rate.get() >= 1.0) {
        backoff = rate.get();
      } else {
        context.error(
            unit,
            e,
            DiagnosticCode.INVALID_RETRY,
            "backoffRate must be a number literal of at least 1.0, got '" + e + "'",
            "write e.g. backoffRate = 2.0 to double the wait after each retry");
      }
    }
    if (max.isPresent() && max.get().compareTo(initial) < 0) {
      context.error(
          unit,
          values.get("maxInterval"),
          DiagnosticCode.INVALID_RETRY,
          "maxInterval " + max.get() + " is shorter than initialInterval " + initial,
          "make maxInterval at least initialInterval, or leave it empty for no cap");
    }
    List<ErrorName> retryOn = new ArrayList<>();
    Expression on = values.get("retryOn");
    if (on != null) {
      List<Expression> items =
          on instanceof ArrayInitializerExpr array ? List.copyOf(array.getValues()) : List.of(on);
      for (Expression item : items) {
        errorName(item, unit).ifPresent(retryOn::add);
      }
    }
    return new RetryPolicy(maxAttempts, initial, backoff, max, retryOn);
  }

  private Optional<ErrorName> errorName(Expression item, ParsedUnit unit) {
    if (!(item instanceof ClassExpr ce) || !(ce.getType() instanceof ClassOrInterfaceType t)) {
      context.error(
          unit,
          item,
          DiagnosticCode.INVALID_ANNOTATION_VALUE,
          "retryOn lists exception classes, got '" + item + "'",
          "write retryOn = {RateLimited.class, ActivityTimeout.class}");
      return Optional.empty();
    }
    return new ErrorNames(context, unit).of(t);
  }

  private Optional<Duration> duration(Expression e, ParsedUnit unit, boolean emptyAllowed) {
    if (e instanceof StringLiteralExpr s) {
      String text = s.asString();
      if (emptyAllowed && text.isEmpty()) {
        return Optional.empty();
      }
      try {
        Duration d = Duration.parse(text);
        if (!d.isNegative() && !d.isZero()) {
          return Optional.of(d);
        }
      } catch (DateTimeParseException ignored) {
        // reported below
      }
    }
    context.error(
        unit,
        e,
        DiagnosticCode.INVALID_DURATION,
        "'" + e + "' is not a positive ISO-8601 duration",
        "write durations like \"PT30S\", \"PT5M\" or \"PT2H\"");
    return Optional.empty();
  }

  private static Optional<Double> number(Expression e) {
    if (e instanceof DoubleLiteralExpr d) {
      return Optional.of(d.asDouble());
    }
    if (e instanceof IntegerLiteralExpr i) {
      return Optional.of(i.asNumber().doubleValue());
    }
    if (e instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS) {
      return number(u.getExpression()).map(x -> -x);
    }
    return Optional.empty();
  }

  private static Map<String, Expression> values(AnnotationExpr a) {
    return Annotations.values(a);
  }

  /** Concrete classes implementing {@code iface}, by qualified name. */
  private List<String> implementations(String iface) {
    List<String> result = new ArrayList<>();
    for (TypeTable.Declared d : context.types().all()) {
      if (d.declaration() instanceof ClassOrInterfaceDeclaration c
          && !c.isInterface()
          && !c.isAbstract()
          && c.getImplementedTypes().stream()
              .anyMatch(
                  t -> context.types().resolve(t, d.unit()).filter(iface::equals).isPresent())) {
        result.add(d.qualifiedName());
      }
    }
    return result;
  }

  /** Whether {@code c} can be created with {@code new C()} from any package. */
  static boolean hasPublicNoArgConstructor(ClassOrInterfaceDeclaration c) {
    if (!c.hasModifier(Modifier.Keyword.PUBLIC)) {
      return false;
    }
    List<ConstructorDeclaration> ctors = c.getConstructors();
    return ctors.isEmpty()
        || ctors.stream().anyMatch(k -> k.getParameters().isEmpty() && k.isPublic());
  }
}
