package dev.statecraft.compiler.frontend;

import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import dev.statecraft.compiler.diagnostic.DiagnosticCode;
import dev.statecraft.compiler.ir.IrType;
import dev.statecraft.compiler.ir.IrType.Component;
import dev.statecraft.compiler.ir.IrType.ListType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps Java types to workflow value types: the five primitives (boxed or not), records and enums
 * declared in the sources, {@code List<E>}, {@code Map<String, V>}, and the API's {@code Pair},
 * {@code Triple} and {@code Callback}. Anything else is an {@code UNSUPPORTED_TYPE} diagnostic.
 */
final class TypeMapper {
  private static final String SUPPORTED =
      "use String, int, long, double, boolean, a record or enum of this project,"
          + " List<T> or Map<String, T>";

  private final SourceContext context;
  private final Map<String, IrType> declaredTypes = new HashMap<>();
  private final Set<String> inProgress = new HashSet<>();

  TypeMapper(SourceContext context) {
    this.context = context;
  }

  /** The API's {@code Callback} record. */
  IrType callback() {
    return new IrType.RecordType(
        SourceContext.API + "Callback",
        List.of(new Component("token", IrType.STRING), new Component("url", IrType.STRING)),
        List.of());
  }

  /** The IR type of {@code type} written in {@code unit}, or empty after reporting why not. */
  Optional<IrType> map(Type type, ParsedUnit unit) {
    if (type.isVoidType()) {
      return Optional.of(IrType.VOID);
    }
    if (type instanceof PrimitiveType p) {
      return primitive(p, unit);
    }
    if (type instanceof ClassOrInterfaceType c) {
      return classType(c, unit);
    }
    if (type instanceof ArrayType) {
      context.error(
          unit,
          type,
          DiagnosticCode.UNSUPPORTED_TYPE,
          "'"
              + type
              + "' arrays are supported only as local variables and activity parameters"
              + " and results",
          "use " + listOf(type));
      return Optional.empty();
    }
    unsupported(type, unit, "'" + type + "' is not a workflow value type");
    return Optional.empty();
  }

  /**
   * The IR type of a local variable's, a loop variable's or an activity parameter's or result's
   * type: as {@link #map}, and arrays too, as read-only lists (what {@code String.split} returns,
   * indexed and measured; element stores are refused where they are written).
   */
  Optional<IrType> mapLocal(Type type, ParsedUnit unit) {
    if (type instanceof ArrayType a && !a.getComponentType().isArrayType()) {
      return map(a.getComponentType(), unit).map(ListType::new);
    }
    return map(type, unit);
  }

  private static String listOf(Type array) {
    Type element = ((ArrayType) array).getComponentType();
    String boxed =
        element instanceof PrimitiveType p ? p.toBoxedType().asString() : element.asString();
    return "List<" + boxed + ">";
  }

  private Optional<IrType> primitive(PrimitiveType p, ParsedUnit unit) {
    return switch (p.getType()) {
      case INT -> Optional.of(IrType.INT);
      case LONG -> Optional.of(IrType.LONG);
      case DOUBLE -> Optional.of(IrType.DOUBLE);
      case BOOLEAN -> Optional.of(IrType.BOOLEAN);
      default -> {
        unsupported(p, unit, "'" + p + "' is not a workflow value type");
        yield Optional.empty();
      }
    };
  }

  private Optional<IrType> classType(ClassOrInterfaceType c, ParsedUnit unit) {
    Optional<String> resolved = context.types().resolve(c, unit);
    if (resolved.isEmpty()) {
      context.error(
          unit, c, DiagnosticCode.UNSUPPORTED_TYPE, "cannot find type '" + c + "'", SUPPORTED);
      return Optional.empty();
    }
    String name = resolved.get();
    List<Type> args = c.getTypeArguments().map(List::copyOf).orElse(List.of());
    switch (name) {
      case "java.lang.String":
        return Optional.of(IrType.STRING);
      case "java.lang.Integer":
        return Optional.of(IrType.INT);
      case "java.lang.Long":
        return Optional.of(IrType.LONG);
      case "java.lang.Double":
        return Optional.of(IrType.DOUBLE);
      case "java.lang.Boolean":
        return Optional.of(IrType.BOOLEAN);
      case "java.util.List":
      case "java.util.ArrayList":
      case "java.util.LinkedList":
        return arguments(c, args, 1, unit).map(a -> new IrType.ListType(a.get(0)));
      case "java.util.Map":
      case "java.util.HashMap":
      case "java.util.LinkedHashMap":
        return arguments(c, args, 2, unit)
            .flatMap(
                a -> {
                  if (!a.get(0).equals(IrType.STRING)) {
                    unsupported(c, unit, "map keys must be String, not '" + args.get(0) + "'");
                    return Optional.empty();
                  }
                  return Optional.of(new IrType.MapType(a.get(1)));
                });
      case SourceContext.API + "Pair":
        return arguments(c, args, 2, unit).map(a -> apiRecord(name, a, "first", "second"));
      case SourceContext.API + "Triple":
        return arguments(c, args, 3, unit).map(a -> apiRecord(name, a, "first", "second", "third"));
      case SourceContext.API + "Callback":
        return Optional.of(callback());
      default:
        return declared(name, c, unit);
    }
  }

  private static IrType apiRecord(String name, List<IrType> args, String... components) {
    List<Component> list = new ArrayList<>();
    for (int i = 0; i < components.length; i++) {
      list.add(new Component(components[i], args.get(i)));
    }
    return new IrType.RecordType(name, list, args);
  }

  private Optional<List<IrType>> arguments(
      ClassOrInterfaceType c, List<Type> args, int count, ParsedUnit unit) {
    if (args.size() != count) {
      unsupported(c, unit, "'" + c + "' needs " + count + " type argument(s)");
      return Optional.empty();
    }
    List<IrType> mapped = new ArrayList<>();
    for (Type arg : args) {
      Optional<IrType> t = map(arg, unit);
      if (t.isEmpty()) {
        return Optional.empty();
      }
      if (t.get() == IrType.VOID) {
        unsupported(arg, unit, "'" + arg + "' cannot be a type argument");
        return Optional.empty();
      }
      mapped.add(t.get());
    }
    return Optional.of(mapped);
  }

  /** A record or enum declared in the sources. */
  Optional<IrType> declared(String name, com.github.javaparser.ast.Node at, ParsedUnit unit) {
    IrType cached = declaredTypes.get(name);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<TypeTable.Declared> decl = context.types().declared(name);
    if (decl.isPresent() && decl.get().declaration() instanceof EnumDeclaration e) {
      IrType type =
          new IrType.EnumType(
              name, e.getEntries().stream().map(EnumConstantDeclaration::getNameAsString).toList());
      declaredTypes.put(name, type);
      return Optional.of(type);
    }
    if (decl.isPresent() && decl.get().declaration() instanceof RecordDeclaration r) {
      return record(name, r, decl.get().unit(), at, unit);
    }
    Optional<ForbiddenApis.Verdict> forbidden = ForbiddenApis.classify(name, "new");
    if (forbidden.isPresent()) {
      // new Random() as a local: the type is not the problem, what it does is.
      context.error(
          unit,
          at,
          forbidden.get().code(),
          forbidden.get().reason() + " in workflow code",
          forbidden.get().hint());
      return Optional.empty();
    }
    unsupported(at, unit, "'" + name + "' is not a workflow value type");
    return Optional.empty();
  }

  private Optional<IrType> record(
      String name,
      RecordDeclaration r,
      ParsedUnit declaredIn,
      com.github.javaparser.ast.Node at,
      ParsedUnit unit) {
    if (!r.getTypeParameters().isEmpty()) {
      unsupported(at, unit, "generic record '" + r.getNameAsString() + "' is not supported");
      return Optional.empty();
    }
    if (!inProgress.add(name)) {
      unsupported(at, unit, "record '" + r.getNameAsString() + "' contains itself");
      return Optional.empty();
    }
    try {
      List<Component> components = new ArrayList<>();
      for (var p : r.getParameters()) {
        Optional<IrType> t = map(p.getType(), declaredIn);
        if (t.isEmpty()) {
          return Optional.empty();
        }
        components.add(new Component(p.getNameAsString(), t.get()));
      }
      IrType type = new IrType.RecordType(name, components, List.of());
      declaredTypes.put(name, type);
      return Optional.of(type);
    } finally {
      inProgress.remove(name);
    }
  }

  private void unsupported(com.github.javaparser.ast.Node at, ParsedUnit unit, String message) {
    context.error(unit, at, DiagnosticCode.UNSUPPORTED_TYPE, message, SUPPORTED);
  }
}
