package dev.statecraft.compiler.ir;

import dev.statecraft.compiler.diagnostic.SourcePosition;
import dev.statecraft.compiler.ir.IrType.ListType;
import dev.statecraft.compiler.ir.IrType.RecordType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A pure expression: evaluating it has no effect and always gives the same value for the same
 * variables. The one exception, {@link ActivityCall}, exists only between the front end and {@code
 * HoistActivityCalls}.
 */
public sealed interface Expr
    permits Expr.Literal,
        Expr.Local,
        Expr.Unary,
        Expr.Binary,
        Expr.Conditional,
        Expr.Concat,
        Expr.Convert,
        Expr.NewRecord,
        Expr.FieldGet,
        Expr.ListLiteral,
        Expr.MapLiteral,
        Expr.Call,
        Expr.ActivityCall,
        Expr.ChildCall {

  /** The expression's static type. */
  IrType type();

  /** The direct subexpressions, left to right in evaluation order. */
  List<Expr> children();

  /**
   * A constant: {@code String}, {@code Integer}, {@code Long}, {@code Double}, {@code Boolean}, an
   * enum constant's name (with an {@link IrType.EnumType}), or {@code null}.
   */
  record Literal(Object value, IrType type) implements Expr {
    public Literal {
      Objects.requireNonNull(type, "type");
    }

    public static Literal of(String s) {
      return new Literal(s, IrType.STRING);
    }

    public static Literal of(int i) {
      return new Literal(i, IrType.INT);
    }

    public static Literal of(boolean b) {
      return new Literal(b, IrType.BOOLEAN);
    }

    @Override
    public List<Expr> children() {
      return List.of();
    }
  }

  /** A read of a local variable or the workflow's input parameter. */
  record Local(String name, IrType type) implements Expr {
    public Local {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
    }

    @Override
    public List<Expr> children() {
      return List.of();
    }
  }

  /** The unary operators. */
  enum UnaryOp {
    NEGATE,
    NOT
  }

  /** {@code -x} or {@code !x}. */
  record Unary(UnaryOp op, Expr operand, IrType type) implements Expr {
    @Override
    public List<Expr> children() {
      return List.of(operand);
    }
  }

  /** The binary operators; string concatenation is {@link Concat}, not {@code ADD}. */
  enum BinaryOp {
    ADD("+"),
    SUBTRACT("-"),
    MULTIPLY("*"),
    DIVIDE("/"),
    REMAINDER("%"),
    LESS("<"),
    LESS_EQUAL("<="),
    GREATER(">"),
    GREATER_EQUAL(">="),
    EQUAL("=="),
    NOT_EQUAL("!="),
    AND("&&"),
    OR("||");

    private final String java;

    BinaryOp(String java) {
      this.java = java;
    }

    /** The operator as Java spells it. */
    public String java() {
      return java;
    }

    public boolean arithmetic() {
      return ordinal() <= REMAINDER.ordinal();
    }

    public boolean comparison() {
      return this == LESS || this == LESS_EQUAL || this == GREATER || this == GREATER_EQUAL;
    }

    public boolean equality() {
      return this == EQUAL || this == NOT_EQUAL;
    }

    public boolean logical() {
      return this == AND || this == OR;
    }
  }

  /**
   * A binary operation. Arithmetic and comparison operands have the same numeric type (the front
   * end inserts {@link Convert}s for Java's binary numeric promotion), and integer {@code /} and
   * {@code %} truncate toward zero as in Java. {@code ==} and {@code !=} compare primitives, or a
   * value with {@code null}.
   */
  record Binary(BinaryOp op, Expr left, Expr right, IrType type) implements Expr {
    @Override
    public List<Expr> children() {
      return List.of(left, right);
    }
  }

  /** {@code condition ? whenTrue : whenFalse}. */
  record Conditional(Expr condition, Expr whenTrue, Expr whenFalse, IrType type) implements Expr {
    @Override
    public List<Expr> children() {
      return List.of(condition, whenTrue, whenFalse);
    }
  }

  /**
   * String concatenation; each part is converted to a string exactly as Java's {@code +} does
   * ({@code 5.0} as {@code "5.0"}, {@code null} as {@code "null"}, records as {@code Ticket[id=1,
   * text=hi]}).
   */
  record Concat(List<Expr> parts) implements Expr {
    public Concat {
      parts = List.copyOf(parts);
    }

    @Override
    public IrType type() {
      return IrType.STRING;
    }

    @Override
    public List<Expr> children() {
      return parts;
    }
  }

  /** A numeric conversion: widening, or a cast such as {@code (int) d}, which truncates. */
  record Convert(Expr value, IrType.Primitive type) implements Expr {
    @Override
    public List<Expr> children() {
      return List.of(value);
    }
  }

  /** {@code new Rec(a, b)}: arguments in component order. */
  record NewRecord(RecordType type, List<Expr> arguments) implements Expr {
    public NewRecord {
      arguments = List.copyOf(arguments);
    }

    @Override
    public List<Expr> children() {
      return arguments;
    }
  }

  /** A record component read: {@code ticket.text()}. */
  record FieldGet(Expr target, String field, IrType type) implements Expr {
    @Override
    public List<Expr> children() {
      return List.of(target);
    }
  }

  /** {@code List.of(a, b, c)}: an immutable list. */
  record ListLiteral(List<Expr> elements, ListType type) implements Expr {
    public ListLiteral {
      elements = List.copyOf(elements);
    }

    @Override
    public List<Expr> children() {
      return elements;
    }
  }

  /** {@code Map.of(k1, v1, k2, v2)}: keys and values alternate in {@code entries}. */
  record MapLiteral(List<Expr> entries, IrType.MapType type) implements Expr {
    public MapLiteral {
      entries = List.copyOf(entries);
    }

    @Override
    public List<Expr> children() {
      return entries;
    }
  }

  /** A call of a supported library method; see {@link Builtin} for the receiver convention. */
  record Call(Builtin builtin, List<Expr> arguments, IrType type) implements Expr {
    public Call {
      arguments = List.copyOf(arguments);
    }

    @Override
    public List<Expr> children() {
      return arguments;
    }
  }

  /**
   * An activity call inside an expression. Only the front end creates it; {@code
   * HoistActivityCalls} turns every one into an {@link Stmt.Invoke} before the back ends run.
   */
  record ActivityCall(ActivityMethod activity, List<Expr> arguments, SourcePosition position)
      implements Expr {
    public ActivityCall {
      arguments = List.copyOf(arguments);
    }

    @Override
    public IrType type() {
      return activity.returnType();
    }

    @Override
    public List<Expr> children() {
      return arguments;
    }
  }

  /**
   * {@code new Child().run(input)} inside an expression: another workflow run as a child execution,
   * its result the value. Like {@link ActivityCall}, only the front end makes it, and {@code
   * HoistActivityCalls} turns every one into a {@link Stmt.StartChild} before the back ends run.
   *
   * @param workflowName the child's workflow name
   * @param input the child's input, when its workflow method takes one
   */
  record ChildCall(String workflowName, Optional<Expr> input, IrType type, SourcePosition position)
      implements Expr {
    @Override
    public List<Expr> children() {
      return input.map(List::of).orElse(List.of());
    }
  }
}
