package dev.statecraft.compiler.ir;

import java.util.List;
import java.util.Optional;

/** The type of a workflow value. Values are JSON on every cloud; the type says which JSON. */
public sealed interface IrType
    permits IrType.Primitive,
        IrType.RecordType,
        IrType.ListType,
        IrType.MapType,
        IrType.EnumType,
        IrType.VoidType,
        IrType.NullType {

  Primitive STRING = new Primitive(PrimitiveKind.STRING);
  Primitive INT = new Primitive(PrimitiveKind.INT);
  Primitive LONG = new Primitive(PrimitiveKind.LONG);
  Primitive DOUBLE = new Primitive(PrimitiveKind.DOUBLE);
  Primitive BOOLEAN = new Primitive(PrimitiveKind.BOOLEAN);
  VoidType VOID = new VoidType();
  NullType NULL = new NullType();

  /** How the type is spelled in Java source, for messages and the Azure back end. */
  String javaName();

  /** Whether the type is {@code int}, {@code long} or {@code double}. */
  default boolean isNumeric() {
    return this instanceof Primitive p && p.kind().numeric();
  }

  /** The kinds of primitive value; {@code String} counts as one. */
  enum PrimitiveKind {
    STRING("String", false),
    INT("int", true),
    LONG("long", true),
    DOUBLE("double", true),
    BOOLEAN("boolean", false);

    private final String javaName;
    private final boolean numeric;

    PrimitiveKind(String javaName, boolean numeric) {
      this.javaName = javaName;
      this.numeric = numeric;
    }

    public boolean numeric() {
      return numeric;
    }

    public String javaName() {
      return javaName;
    }
  }

  /** {@code String}, {@code int}, {@code long}, {@code double} or {@code boolean}. */
  record Primitive(PrimitiveKind kind) implements IrType {
    @Override
    public String javaName() {
      return kind.javaName();
    }
  }

  /** A component of a record type. */
  record Component(String name, IrType type) {}

  /**
   * A Java record, as a JSON object keyed by component name.
   *
   * @param qualifiedName e.g. {@code com.example.Ticket}, or {@code dev.statecraft.api.Pair}
   * @param components in declaration order
   * @param typeArguments the type arguments of a generic record ({@code Pair}, {@code Triple})
   */
  record RecordType(String qualifiedName, List<Component> components, List<IrType> typeArguments)
      implements IrType {
    public RecordType {
      components = List.copyOf(components);
      typeArguments = List.copyOf(typeArguments);
    }

    public String simpleName() {
      return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    }

    public Optional<Component> component(String name) {
      return components.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    @Override
    public String javaName() {
      if (typeArguments.isEmpty()) {
        return simpleName();
      }
      return simpleName()
          + "<"
          + String.join(", ", typeArguments.stream().map(IrType::boxedName).toList())
          + ">";
    }
  }

  /** A {@code List<E>}, as a JSON array. */
  record ListType(IrType element) implements IrType {
    @Override
    public String javaName() {
      return "List<" + boxedName(element) + ">";
    }
  }

  /** A {@code Map<String, V>}, as a JSON object. */
  record MapType(IrType value) implements IrType {
    @Override
    public String javaName() {
      return "Map<String, " + boxedName(value) + ">";
    }
  }

  /** A Java enum, as its constant's name. */
  record EnumType(String qualifiedName, List<String> constants) implements IrType {
    public EnumType {
      constants = List.copyOf(constants);
    }

    public String simpleName() {
      return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    }

    @Override
    public String javaName() {
      return simpleName();
    }
  }

  /** No value: the result of a {@code void} activity or workflow. */
  record VoidType() implements IrType {
    @Override
    public String javaName() {
      return "void";
    }
  }

  /** The type of the {@code null} literal; fits any non-primitive type. */
  record NullType() implements IrType {
    @Override
    public String javaName() {
      return "null";
    }
  }

  /** The boxed spelling of a type, for type arguments. */
  static String boxedName(IrType t) {
    if (t instanceof Primitive p) {
      return switch (p.kind()) {
        case INT -> "Integer";
        case LONG -> "Long";
        case DOUBLE -> "Double";
        case BOOLEAN -> "Boolean";
        case STRING -> "String";
      };
    }
    return t.javaName();
  }

  /** Whether a value of type {@code from} may be stored where {@code to} is expected. */
  static boolean assignable(IrType from, IrType to) {
    if (from.equals(to)) {
      return true;
    }
    if (from instanceof NullType) {
      return !(to instanceof Primitive p) || p.kind() == PrimitiveKind.STRING;
    }
    if (from instanceof Primitive f && to instanceof Primitive t) {
      return widens(f.kind(), t.kind());
    }
    if (from instanceof ListType f && to instanceof ListType t) {
      return f.element().equals(t.element());
    }
    return false;
  }

  /** Java's widening primitive conversions among the supported kinds. */
  static boolean widens(PrimitiveKind from, PrimitiveKind to) {
    return from == to
        || (from == PrimitiveKind.INT && (to == PrimitiveKind.LONG || to == PrimitiveKind.DOUBLE))
        || (from == PrimitiveKind.LONG && to == PrimitiveKind.DOUBLE);
  }
}
