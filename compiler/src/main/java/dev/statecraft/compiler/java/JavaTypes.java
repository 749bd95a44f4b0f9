package dev.statecraft.compiler.java;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.statecraft.compiler.ir.ActivityMethod;
import dev.statecraft.compiler.ir.IrType;

/** IR types as JavaPoet type names. */
public final class JavaTypes {
  public static final ClassName LIST = ClassName.get("java.util", "List");
  public static final ClassName MAP = ClassName.get("java.util", "Map");
  public static final ClassName STRING = ClassName.get(String.class);
  public static final ClassName TYPE_REFERENCE =
      ClassName.get("com.fasterxml.jackson.core.type", "TypeReference");

  private JavaTypes() {}

  /** The type as a variable or return type: primitives unboxed. */
  public static TypeName of(IrType t) {
    if (t instanceof IrType.Primitive p) {
      return switch (p.kind()) {
        case STRING -> STRING;
        case INT -> TypeName.INT;
        case LONG -> TypeName.LONG;
        case DOUBLE -> TypeName.DOUBLE;
        case BOOLEAN -> TypeName.BOOLEAN;
      };
    }
    return boxed(t);
  }

  /** The type as a type argument: primitives boxed. */
  public static TypeName boxed(IrType t) {
    if (t instanceof IrType.Primitive) {
      return of(t).box();
    }
    if (t instanceof IrType.ListType l) {
      return ParameterizedTypeName.get(LIST, boxed(l.element()));
    }
    if (t instanceof IrType.MapType m) {
      return ParameterizedTypeName.get(MAP, STRING, boxed(m.value()));
    }
    if (t instanceof IrType.RecordType r) {
      ClassName raw = ClassName.bestGuess(r.qualifiedName());
      if (r.typeArguments().isEmpty()) {
        return raw;
      }
      return ParameterizedTypeName.get(
          raw, r.typeArguments().stream().map(JavaTypes::boxed).toArray(TypeName[]::new));
    }
    if (t instanceof IrType.EnumType e) {
      return ClassName.bestGuess(e.qualifiedName());
    }
    if (t instanceof IrType.VoidType) {
      return TypeName.VOID.box();
    }
    throw new IllegalArgumentException("no Java type for " + t);
  }

  /** Whether decoding the type needs a {@code TypeReference} (it is generic). */
  public static boolean isGeneric(IrType t) {
    return boxed(t) instanceof ParameterizedTypeName;
  }

  /**
   * How to name a parameter's declared type for Jackson: as {@link #token}, or {@code Foo[].class}
   * for an array.
   */
  public static com.palantir.javapoet.CodeBlock token(ActivityMethod.Parameter p) {
    if (p.array() && p.type() instanceof IrType.ListType list) {
      TypeName array = ArrayTypeName.of(of(list.element()));
      return isGeneric(list.element())
          ? com.palantir.javapoet.CodeBlock.of(
              "new $T() {}", ParameterizedTypeName.get(TYPE_REFERENCE, array))
          : com.palantir.javapoet.CodeBlock.of("$T.class", array);
    }
    return token(p.type());
  }

  /**
   * {@code Foo.class} or {@code new TypeReference<List<Foo>>() {}}: how to name the type for
   * Jackson.
   */
  public static com.palantir.javapoet.CodeBlock token(IrType t) {
    if (isGeneric(t)) {
      return com.palantir.javapoet.CodeBlock.of(
          "new $T() {}", ParameterizedTypeName.get(TYPE_REFERENCE, boxed(t)));
    }
    return com.palantir.javapoet.CodeBlock.of("$T.class", boxed(t));
  }
}
