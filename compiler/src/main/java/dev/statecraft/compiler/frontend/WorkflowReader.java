package dev.statecraft.compiler.frontend;

import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.statecraft.api.WebhookScheme;
import dev.statecraft.api.WorkflowType;
import dev.statecraft.compiler.diagnostic.DiagnosticCode;
import dev.statecraft.compiler.ir.ActivityMethod;
import dev.statecraft.compiler.ir.Block;
import dev.statecraft.compiler.ir.Expr;
import dev.statecraft.compiler.ir.IrType;
import dev.statecraft.compiler.ir.WebhookRoute;
import dev.statecraft.compiler.ir.WorkflowIr;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads one {@code @Workflow} class: checks its shape (name, fields, the one workflow method),
 * translates the workflow method's body, and finds the implementation of every activities interface
 * it uses.
 */
final class WorkflowReader {
  static final String WORKFLOW = SourceContext.API + "Workflow";
  private static final String WORKFLOW_METHOD = SourceContext.API + "WorkflowMethod";
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  private static final String WEBHOOK = SourceContext.API + "Webhook";
  private static final Pattern WEBHOOK_PATH =
      Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)*");
  private static final Pattern SECRET_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
  private static final int MAX_TOLERANCE_SECONDS = 86_400;

  private final SourceContext context;
  private final TypeMapper types;
  private final Map<String, ActivityReader.ActivitiesInterface> activities;

  WorkflowReader(
      SourceContext context,
      TypeMapper types,
      Map<String, ActivityReader.ActivitiesInterface> activities) {
    this.context = context;
    this.types = types;
    this.activities = activities;
  }

  /** How a workflow looks to callers: read without translating its body. */
  Optional<SourceContext.WorkflowSignature> signature(
      TypeTable.Declared d, ClassOrInterfaceDeclaration c, AnnotationExpr marker) {
    List<MethodDeclaration> methods =
        c.getMethods().stream()
            .filter(m -> context.annotation(m, WORKFLOW_METHOD, d.unit()).isPresent())
            .toList();
    if (methods.size() != 1 || methods.get(0).getParameters().size() > 1) {
      return Optional.empty();
    }
    MethodDeclaration m = methods.get(0);
    Optional<IrType> output = types.map(m.getType(), d.unit());
    Optional<IrType> input =
        m.getParameters().isEmpty()
            ? Optional.empty()
            : types.map(m.getParameter(0).getType(), d.unit());
    if (output.isEmpty() || (!m.getParameters().isEmpty() && input.isEmpty())) {
      return Optional.empty();
    }
    return Optional.of(
        new SourceContext.WorkflowSignature(
            d.qualifiedName(),
            name(c, marker, d.unit()),
            m.getNameAsString(),
            input,
            output.get()));
  }

  Optional<WorkflowIr> read(
      TypeTable.Declared d, ClassOrInterfaceDeclaration c, AnnotationExpr marker) {
    ParsedUnit unit = d.unit();
    String name = name(c, marker, unit);
    WorkflowShape shape = shape(d.qualifiedName(), c, unit);
    List<MethodDeclaration> methods =
        c.getMethods().stream()
            .filter(m -> context.annotation(m, WORKFLOW_METHOD, unit).isPresent())
            .toList();
    if (methods.isEmpty()) {
      context.error(
          unit,
          c.getName(),
          DiagnosticCode.MISSING_WORKFLOW_METHOD,
          "workflow '" + c.getNameAsString() + "' has no @WorkflowMethod",
          "annotate the one public method that runs the workflow with @WorkflowMethod");
      return Optional.empty();
    }
    for (MethodDeclaration extra : methods.subList(1, methods.size())) {
      context.error(
          unit,
          extra.getName(),
          DiagnosticCode.MULTIPLE_WORKFLOW_METHODS,
          "workflow '"
              + c.getNameAsString()
              + "' already has @WorkflowMethod '"
              + methods.get(0).getNameAsString()
              + "'",
          "split the workflow into two @Workflow classes; one may call the other");
    }
    MethodDeclaration method = methods.get(0);
    if (!methodShape(method, unit)) {
      return Optional.empty();
    }
    Optional<IrType> output = types.map(method.getType(), unit);
    Optional<ActivityMethod.Parameter> input = Optional.empty();
    Scope scope = new Scope();
    if (method.getParameters().size() == 1) {
      var p = method.getParameter(0);
      Optional<IrType> t = types.map(p.getType(), unit);
      if (t.isEmpty()) {
        return Optional.empty();
      }
      input = Optional.of(new ActivityMethod.Parameter(p.getNameAsString(), t.get()));
      scope.declare(p.getNameAsString(), t.get());
    }
    if (output.isEmpty() || method.getBody().isEmpty()) {
      return Optional.empty();
    }
    ExpressionTranslator x = new ExpressionTranslator(context, unit, types, shape, scope);
    BodyTranslator translator = new BodyTranslator(context, x, output.get());
    translator.reserveNames(method);
    Block body = translator.block(method.getBody().get());
    Map<String, String> implementations = implementations(x.usedActivities(), shape, unit);
    return Optional.of(
        new WorkflowIr(
            name,
            d.qualifiedName(),
            method.getNameAsString(),
            input,
            output.get(),
            x.usedActivities(),
            implementations,
            body,
            webhooks(c, unit),
            type(marker, unit),
            unit.at(c.getName())));
  }

  private List<WebhookRoute> webhooks(ClassOrInterfaceDeclaration c, ParsedUnit unit) {
    List<WebhookRoute> routes = new java.util.ArrayList<>();
    for (AnnotationExpr a : Annotations.repeated(context, c, WEBHOOK, unit)) {
      Map<String, Expression> values = Annotations.values(a);
      Optional<String> path =
          text(
              values.get("path"),
              a,
              unit,
              WEBHOOK_PATH,
              "path",
              "lower-case letters, digits and dashes in segments separated by '/'",
              "\"orders\" or \"github/push\"");
      Optional<String> secret =
          text(
              values.get("secretEnv"),
              a,
              unit,
              SECRET_NAME,
              "secretEnv",
              "an upper-case name with digits and underscores",
              "\"ORDERS_WEBHOOK_SECRET\"");
      Optional<WebhookScheme> scheme = scheme(values.get("scheme"), unit);
      int tolerance = tolerance(values.get("toleranceSeconds"), unit);
      if (path.isPresent() && secret.isPresent() && scheme.isPresent()) {
        routes.add(new WebhookRoute(path.get(), scheme.get(), secret.get(), tolerance, unit.at(a)));
      }
    }
    return routes;
  }

  private Optional<String> text(
      Expression e,
      AnnotationExpr where,
      ParsedUnit unit,
      Pattern pattern,
      String member,
      String expected,
      String example) {
    if (e instanceof StringLiteralExpr s && pattern.matcher(s.asString()).matches()) {
      return Optional.of(s.asString());
    }
    context.error(
        unit,
        e == null ? where : e,
        DiagnosticCode.INVALID_WEBHOOK,
        e == null
            ? "@Webhook needs a " + member
            : "@Webhook " + member + " " + e + " is not a string literal of " + expected,
        "write " + member + " = " + example);
    return Optional.empty();
  }

  /** {@code @Workflow(type = WorkflowType.EXPRESS)}; STANDARD when left out. */
  private WorkflowType type(AnnotationExpr marker, ParsedUnit unit) {
    Expression e = Annotations.values(marker).get("type");
    if (e == null) {
      return WorkflowType.STANDARD;
    }
    String constant =
        e instanceof FieldAccessExpr f
            ? f.getNameAsString()
            : e instanceof NameExpr n ? n.getNameAsString() : "";
    for (WorkflowType t : WorkflowType.values()) {
      if (t.name().equals(constant)) {
        return t;
      }
    }
    context.error(
        unit,
        e,
        DiagnosticCode.INVALID_ANNOTATION_VALUE,
        "the workflow type '" + e + "' is not a WorkflowType constant",
        "write @Workflow(type = WorkflowType.EXPRESS), or leave it out for STANDARD");
    return WorkflowType.STANDARD;
  }

  private Optional<WebhookScheme> scheme(Expression e, ParsedUnit unit) {
    if (e == null) {
      return Optional.of(WebhookScheme.STANDARD_WEBHOOKS);
    }
    String constant =
        e instanceof FieldAccessExpr f
            ? f.getNameAsString()
            : e instanceof NameExpr n ? n.getNameAsString() : "";
    for (WebhookScheme s : WebhookScheme.values()) {
      if (s.name().equals(constant)) {
        return Optional.of(s);
      }
    }
    context.error(
        unit,
        e,
        DiagnosticCode.INVALID_WEBHOOK,
        "@Webhook scheme '" + e + "' is not a WebhookScheme constant",
        "write scheme = WebhookScheme.STRIPE (or STANDARD_WEBHOOKS, GITHUB, SLACK)");
    return Optional.empty();
  }

  private int tolerance(Expression e, ParsedUnit unit) {
    int defaultTolerance = 300;
    if (e == null) {
      return defaultTolerance;
    }
    if (e instanceof IntegerLiteralExpr i
        && i.asNumber().intValue() >= 1
        && i.asNumber().intValue() <= MAX_TOLERANCE_SECONDS) {
      return i.asNumber().intValue();
    }
    context.error(
        unit,
        e,
        DiagnosticCode.INVALID_WEBHOOK,
        "toleranceSeconds must be an integer literal from 1 to "
            + MAX_TOLERANCE_SECONDS
            + ", got '"
            + e
            + "'",
        "leave it out for five minutes, the tolerance senders expect");
    return defaultTolerance;
  }

  private String name(ClassOrInterfaceDeclaration c, AnnotationExpr marker, ParsedUnit unit) {
    Optional<Expression> value = Optional.empty();
    if (marker instanceof NormalAnnotationExpr n) {
      value =
          n.getPairs().stream()
              .filter(p -> p.getNameAsString().equals("name"))
              .map(p -> p.getValue())
              .findFirst();
    } else if (marker.isSingleMemberAnnotationExpr()) {
      value = Optional.of(marker.asSingleMemberAnnotationExpr().getMemberValue());
    }
    String name = kebab(c.getNameAsString());
    if (value.isPresent()) {
      if (value.get() instanceof StringLiteralExpr s) {
        name = s.asString().isEmpty() ? name : s.asString();
      } else {
        context.error(
            unit,
            value.get(),
            DiagnosticCode.INVALID_ANNOTATION_VALUE,
            "the workflow name must be a string literal",
            "write @Workflow(name = \"my-workflow\")");
      }
    }
    if (!NAME.matcher(name).matches() || name.length() > 80) {
      context.error(
          unit,
          value.isPresent() ? value.get() : marker,
          DiagnosticCode.INVALID_WORKFLOW_NAME,
          "workflow name '" + name + "' is not lower-case kebab-case of at most 80 characters",
          "use letters, digits and single dashes, e.g. \"support-triage\"");
    }
    return name;
  }

  /**
   * {@code SupportTriage} to {@code support-triage}, {@code HTTPFetcher} to {@code http-fetcher}.
   */
  static String kebab(String className) {
    return className
        .replaceAll("([a-z0-9])([A-Z])", "$1-$2")
        .replaceAll("([A-Z])([A-Z][a-z])", "$1-$2")
        .toLowerCase(java.util.Locale.ROOT);
  }

  private WorkflowShape shape(String className, ClassOrInterfaceDeclaration c, ParsedUnit unit) {
    Map<String, ActivityReader.ActivitiesInterface> stubs = new LinkedHashMap<>();
    Map<String, Expr.Literal> constants = new LinkedHashMap<>();
    for (FieldDeclaration f : c.getFields()) {
      for (VariableDeclarator v : f.getVariables()) {
        if (f.isStatic()) {
          constant(f, v, unit).ifPresent(l -> constants.put(v.getNameAsString(), l));
        } else {
          stub(f, v, unit).ifPresent(a -> stubs.put(v.getNameAsString(), a));
        }
      }
    }
    return new WorkflowShape(className, stubs, constants);
  }

  private Optional<Expr.Literal> constant(
      FieldDeclaration f, VariableDeclarator v, ParsedUnit unit) {
    if (!f.isFinal()) {
      context.error(
          unit,
          v,
          DiagnosticCode.STATIC_MUTABLE_STATE,
          "static field '" + v.getNameAsString() + "' is mutable",
          "workflow state lives in local variables; make it 'static final' if it is a constant");
      return Optional.empty();
    }
    Optional<IrType> type = types.map(v.getType(), unit);
    if (type.isEmpty()) {
      return Optional.empty();
    }
    if (!(type.get() instanceof IrType.Primitive) || v.getInitializer().isEmpty()) {
      context.error(
          unit,
          v,
          DiagnosticCode.STATIC_MUTABLE_STATE,
          "constant '" + v.getNameAsString() + "' must be a String or number with a literal value",
          "constants of other types can change at run time; build the value in the workflow method");
      return Optional.empty();
    }
    ExpressionTranslator literals =
        new ExpressionTranslator(
            context, unit, types, new WorkflowShape("", Map.of(), Map.of()), new Scope());

    Optional<Expr> value = literals.translateAs(v.getInitializer().get(), type.get());
    if (value.isPresent() && value.get() instanceof Expr.Literal l) {
      return Optional.of(l);
    }
    if (value.isPresent()) {
      context.error(
          unit,
          v.getInitializer().get(),
          DiagnosticCode.INVALID_WORKFLOW_FIELD,
          "constant '" + v.getNameAsString() + "' must have a literal value",
          "write the value itself, e.g. static final double THRESHOLD = 0.7;");
    }
    return Optional.empty();
  }

  private Optional<ActivityReader.ActivitiesInterface> stub(
      FieldDeclaration f, VariableDeclarator v, ParsedUnit unit) {
    String hint =
        "workflow classes hold only activity stubs, e.g."
            + " private final MyActivities act = Durable.activities(MyActivities.class);"
            + " keep other state in local variables";
    Optional<String> fieldType =
        v.getType() instanceof ClassOrInterfaceType t
            ? context.types().resolve(t, unit)
            : Optional.empty();
    ActivityReader.ActivitiesInterface iface = fieldType.map(activities::get).orElse(null);
    if (iface == null) {
      context.error(
          unit,
          v,
          DiagnosticCode.INVALID_WORKFLOW_FIELD,
          "field '" + v.getNameAsString() + "' is not an activity stub",
          hint);
      return Optional.empty();
    }
    boolean stubInit =
        v.getInitializer().isPresent()
            && v.getInitializer().get() instanceof MethodCallExpr m
            && m.getNameAsString().equals("activities")
            && m.getArguments().size() == 1
            && m.getArgument(0) instanceof ClassExpr ce
            && ce.getType() instanceof ClassOrInterfaceType ct
            && context.types().resolve(ct, unit).filter(iface.qualifiedName()::equals).isPresent();
    if (!stubInit || !f.isFinal()) {
      context.error(
          unit,
          v,
          DiagnosticCode.INVALID_WORKFLOW_FIELD,
          "activity stub '"
              + v.getNameAsString()
              + "' must be final and initialized with"
              + " Durable.activities("
              + iface.declaration().getNameAsString()
              + ".class)",
          hint);
      return Optional.empty();
    }
    return Optional.of(iface);
  }

  private boolean methodShape(MethodDeclaration m, ParsedUnit unit) {
    String problem = null;
    if (!m.hasModifier(Modifier.Keyword.PUBLIC)) {
      problem = "is not public";
    } else if (m.isStatic()) {
      problem = "is static";
    } else if (!m.getTypeParameters().isEmpty()) {
      problem = "is generic";
    } else if (m.getParameters().size() > 1) {
      problem = "takes " + m.getParameters().size() + " parameters";
    }
    if (problem != null) {
      context.error(
          unit,
          m.getName(),
          DiagnosticCode.INVALID_WORKFLOW_METHOD,
          "workflow method '" + m.getNameAsString() + "' " + problem,
          "declare it 'public R run(T input)': one parameter (the execution input) or none;"
              + " bundle several values in a record");
      return false;
    }
    return true;
  }

  private Map<String, String> implementations(
      List<ActivityMethod> used, WorkflowShape shape, ParsedUnit unit) {
    Map<String, String> result = new TreeMap<>();
    for (ActivityMethod m : used) {
      if (result.containsKey(m.owner())) {
        continue;
      }
      ActivityReader.ActivitiesInterface iface = activities.get(m.owner());
      var stubField =
          shape.stubs().entrySet().stream()
              .filter(e -> e.getValue() == iface)
              .map(Map.Entry::getKey)
              .findFirst()
              .orElse(m.ownerSimpleName());
      String simple = iface.declaration().getNameAsString();
      if (iface.implementations().isEmpty()) {
        context.error(
            iface.unit(),
            iface.declaration().getName(),
            DiagnosticCode.MISSING_ACTIVITY_IMPLEMENTATION,
            "no class implements activities '" + simple + "' (used through '" + stubField + "')",
            "add a public class implementing " + simple + " with a public no-argument constructor");
        continue;
      }
      if (iface.implementations().size() > 1) {
        context.error(
            iface.unit(),
            iface.declaration().getName(),
            DiagnosticCode.MULTIPLE_ACTIVITY_IMPLEMENTATIONS,
            "activities '"
                + simple
                + "' have "
                + iface.implementations().size()
                + " implementations: "
                + String.join(", ", iface.implementations()),
            "keep one implementation in the sources; each function runs exactly one");
        continue;
      }
      String impl = iface.implementations().get(0);
      TypeTable.Declared d = context.types().declared(impl).orElseThrow();
      if (!ActivityReader.hasPublicNoArgConstructor(
          (ClassOrInterfaceDeclaration) d.declaration())) {
        context.error(
            d.unit(),
            d.declaration().getName(),
            DiagnosticCode.ACTIVITY_IMPLEMENTATION_CONSTRUCTOR,
            "activity implementation '"
                + d.declaration().getNameAsString()
                + "' needs to be public with a public no-argument constructor",
            "each cloud function creates it with new " + d.declaration().getNameAsString() + "()");
      }
      result.put(m.owner(), impl);
    }
    return result;
  }
}
