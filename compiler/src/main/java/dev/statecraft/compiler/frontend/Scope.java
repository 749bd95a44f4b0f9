package dev.statecraft.compiler.frontend;

import dev.statecraft.compiler.ir.Expr;
import dev.statecraft.compiler.ir.Expr.Local;
import dev.statecraft.compiler.ir.IrType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The names visible at a point of a workflow body, block by block: local variables, and {@code
 * catch} parameters (which are not values: only {@code e.getMessage()} and {@code throw e} read
 * them). A lambda body (of {@code Durable.map}, for instance) opens a boundary: Java lets it read
 * the locals outside but not assign them.
 */
final class Scope {
  /**
   * A {@code catch (X e)} parameter: locals holding the caught error's name and message; {@code
   * workflowFailure} when {@code X} is {@code WorkflowFailure} itself.
   */
  record CatchParameter(String name, Local error, Local message, boolean workflowFailure) {}

  /**
   * A {@code Map.Entry} variable of a for-each over {@code map.entrySet()}: not a value, only
   * {@code e.getKey()} (the local {@code key}) and {@code e.getValue()} ({@code map.get(key)}).
   */
  record MapEntry(String name, Local key, Expr map) {}

  private record Frame(
      Map<String, Local> locals,
      Map<String, CatchParameter> catches,
      Map<String, MapEntry> entries,
      java.util.Set<String> builders,
      boolean lambda) {}

  private final Deque<Frame> frames = new ArrayDeque<>();

  Scope() {
    push();
  }

  void push() {
    frames.push(
        new Frame(
            new LinkedHashMap<>(),
            new LinkedHashMap<>(),
            new LinkedHashMap<>(),
            new java.util.HashSet<>(),
            false));
  }

  /** Opens a lambda body. */
  void pushLambda() {
    frames.push(
        new Frame(
            new LinkedHashMap<>(),
            new LinkedHashMap<>(),
            new LinkedHashMap<>(),
            new java.util.HashSet<>(),
            true));
  }

  void pop() {
    frames.pop();
  }

  /** Declares {@code name} in the innermost block. */
  Local declare(String name, IrType type) {
    Local local = new Local(name, type);
    frames.peek().locals().put(name, local);
    frames.peek().builders().remove(name);
    return local;
  }

  /**
   * Declares {@code name} as a {@code StringBuilder}, held in a String local ({@link
   * StringBuilders}).
   */
  Local declareBuilder(String name) {
    Local local = declare(name, IrType.STRING);
    frames.peek().builders().add(name);
    return local;
  }

  /** Whether the local {@code name} stands for a {@code StringBuilder}. */
  boolean isBuilder(String name) {
    for (Frame f : frames) {
      if (f.locals().containsKey(name)) {
        return f.builders().contains(name);
      }
    }
    return false;
  }

  void declareCatch(CatchParameter parameter) {
    frames.peek().catches().put(parameter.name(), parameter);
  }

  void declareEntry(MapEntry entry) {
    frames.peek().entries().put(entry.name(), entry);
  }

  Optional<MapEntry> entry(String name) {
    return unshadowed(name, Frame::entries);
  }

  Optional<Local> lookup(String name) {
    for (Frame f : frames) {
      Local l = f.locals().get(name);
      if (l != null) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }

  Optional<CatchParameter> catchParameter(String name) {
    return unshadowed(name, Frame::catches);
  }

  /** The innermost binding of {@code name} of one kind, unless a local of that name hides it. */
  private <T> Optional<T> unshadowed(String name, Function<Frame, Map<String, T>> kind) {
    for (Frame f : frames) {
      if (f.locals().containsKey(name)) {
        return Optional.empty();
      }
      T found = kind.apply(f).get(name);
      if (found != null) {
        return Optional.of(found);
      }
    }
    return Optional.empty();
  }

  /** Whether {@code name} is a local declared outside the innermost lambda body. */
  boolean outsideLambda(String name) {
    boolean crossed = false;
    for (Frame f : frames) {
      if (f.locals().containsKey(name)) {
        return crossed;
      }
      crossed |= f.lambda();
    }
    return false;
  }

  /** Whether a lambda body is being translated. */
  boolean inLambda() {
    return frames.stream().anyMatch(Frame::lambda);
  }
}
