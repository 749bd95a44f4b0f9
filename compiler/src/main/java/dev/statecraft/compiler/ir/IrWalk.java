package dev.statecraft.compiler.ir;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The one traversal of the IR: the blocks, expressions and written locals of every kind of
 * statement, built on {@link Stmt.Visitor} so that a new kind of statement cannot be forgotten
 * here. Passes that only look use it rather than their own {@code instanceof} chains.
 */
public final class IrWalk {
  private IrWalk() {}

  /** Calls {@code visitor} on every statement, nested ones included, in source order. */
  public static void statements(Block block, Consumer<Stmt> visitor) {
    for (Stmt s : block.statements()) {
      visitor.accept(s);
      for (Block inner : blocks(s)) {
        statements(inner, visitor);
      }
    }
  }

  /** The blocks nested directly in {@code s}. */
  public static List<Block> blocks(Stmt s) {
    return s.accept(BLOCKS);
  }

  /** The expressions {@code s} evaluates itself, not those of the blocks nested in it. */
  public static List<Expr> expressions(Stmt s) {
    return s.accept(EXPRESSIONS);
  }

  /** The locals {@code s} itself declares or writes, not those of the blocks nested in it. */
  public static List<Expr.Local> writes(Stmt s) {
    return s.accept(WRITES);
  }

  private static final Stmt.Visitor<List<Block>> BLOCKS =
      new Stmt.Visitor<>() {
        @Override
        public List<Block> visitDeclare(Stmt.Declare s) {
          return List.of();
        }

        @Override
        public List<Block> visitAssign(Stmt.Assign s) {
          return List.of();
        }

        @Override
        public List<Block> visitInvoke(Stmt.Invoke s) {
          return List.of();
        }

        @Override
        public List<Block> visitIf(Stmt.If s) {
          return List.of(s.then(), s.otherwise());
        }

        @Override
        public List<Block> visitReturn(Stmt.Return s) {
          return List.of();
        }

        @Override
        public List<Block> visitFail(Stmt.Fail s) {
          return List.of();
        }

        @Override
        public List<Block> visitLoop(Stmt.Loop s) {
          return List.of(s.body(), s.update());
        }

        @Override
        public List<Block> visitForEach(Stmt.ForEach s) {
          return List.of(s.body());
        }

        @Override
        public List<Block> visitBreak(Stmt.Break s) {
          return List.of();
        }

        @Override
        public List<Block> visitContinue(Stmt.Continue s) {
          return List.of();
        }

        @Override
        public List<Block> visitSwitch(Stmt.Switch s) {
          List<Block> all = new ArrayList<>();
          s.cases().forEach(c -> all.add(c.body()));
          all.add(s.otherwise());
          return all;
        }

        @Override
        public List<Block> visitTry(Stmt.Try s) {
          List<Block> all = new ArrayList<>();
          all.add(s.body());
          s.catches().forEach(c -> all.add(c.body()));
          all.add(s.finallyBlock());
          return all;
        }

        @Override
        public List<Block> visitDurableMap(Stmt.DurableMap s) {
          return List.of(s.body());
        }

        @Override
        public List<Block> visitDurableParallel(Stmt.DurableParallel s) {
          return s.branches();
        }

        @Override
        public List<Block> visitYield(Stmt.Yield s) {
          return List.of();
        }

        @Override
        public List<Block> visitSleep(Stmt.Sleep s) {
          return List.of();
        }

        @Override
        public List<Block> visitAwaitCallback(Stmt.AwaitCallback s) {
          return List.of(s.notifier());
        }

        @Override
        public List<Block> visitStartChild(Stmt.StartChild s) {
          return List.of();
        }
      };

  private static final Stmt.Visitor<List<Expr>> EXPRESSIONS =
      new Stmt.Visitor<>() {
        @Override
        public List<Expr> visitDeclare(Stmt.Declare s) {
          return List.of();
        }

        @Override
        public List<Expr> visitAssign(Stmt.Assign s) {
          return List.of(s.value());
        }

        @Override
        public List<Expr> visitInvoke(Stmt.Invoke s) {
          return s.arguments();
        }

        @Override
        public List<Expr> visitIf(Stmt.If s) {
          return List.of(s.condition());
        }

        @Override
        public List<Expr> visitReturn(Stmt.Return s) {
          return s.value().stream().toList();
        }

        @Override
        public List<Expr> visitFail(Stmt.Fail s) {
          return List.of(s.error(), s.cause());
        }

        @Override
        public List<Expr> visitLoop(Stmt.Loop s) {
          return List.of(s.condition());
        }

        @Override
        public List<Expr> visitForEach(Stmt.ForEach s) {
          return List.of(s.iterable());
        }

        @Override
        public List<Expr> visitBreak(Stmt.Break s) {
          return List.of();
        }

        @Override
        public List<Expr> visitContinue(Stmt.Continue s) {
          return List.of();
        }

        @Override
        public List<Expr> visitSwitch(Stmt.Switch s) {
          return List.of(s.selector());
        }

        @Override
        public List<Expr> visitTry(Stmt.Try s) {
          return List.of();
        }

        @Override
        public List<Expr> visitDurableMap(Stmt.DurableMap s) {
          return List.of(s.items());
        }

        @Override
        public List<Expr> visitDurableParallel(Stmt.DurableParallel s) {
          return List.of();
        }

        @Override
        public List<Expr> visitYield(Stmt.Yield s) {
          return List.of(s.value());
        }

        @Override
        public List<Expr> visitSleep(Stmt.Sleep s) {
          return List.of(s.seconds());
        }

        @Override
        public List<Expr> visitAwaitCallback(Stmt.AwaitCallback s) {
          return List.of(s.timeoutSeconds());
        }

        @Override
        public List<Expr> visitStartChild(Stmt.StartChild s) {
          return s.input().stream().toList();
        }
      };

  private static final Stmt.Visitor<List<Expr.Local>> WRITES =
      new Stmt.Visitor<>() {
        @Override
        public List<Expr.Local> visitDeclare(Stmt.Declare s) {
          return List.of(s.variable());
        }

        @Override
        public List<Expr.Local> visitAssign(Stmt.Assign s) {
          return List.of(s.target());
        }

        @Override
        public List<Expr.Local> visitInvoke(Stmt.Invoke s) {
          return s.target().stream().toList();
        }

        @Override
        public List<Expr.Local> visitIf(Stmt.If s) {
          return List.of();
        }

        @Override
        public List<Expr.Local> visitReturn(Stmt.Return s) {
          return List.of();
        }

        @Override
        public List<Expr.Local> visitFail(Stmt.Fail s) {
          return List.of();
        }

        @Override
        public List<Expr.Local> visitLoop(Stmt.Loop s) {
          return List.of();
        }

        @Override
        public List<Expr.Local> visitForEach(Stmt.ForEach s) {
          return List.of(s.variable());
        }

        @Override
        public List<Expr.Local> visitBreak(Stmt.Break s) {
          return List.of();
        }

        @Override
        public List<Expr.Local> visitContinue(Stmt.Continue s) {
          return List.of();
        }

        @Override
        public List<Expr.Local> visitSwitch(Stmt.Switch s) {
          return List.of();
        }

        @Override
        public List<Expr.Local> visitTry(Stmt.Try s) {
          List<Expr.Local> all = new ArrayList<>();
          for (Stmt.Catch c : s.catches()) {
            c.error().ifPresent(all::add);
            c.message().ifPresent(all::add);
          }
          return all;
        }

        @Override
        public List<Expr.Local> visitDurableMap(Stmt.DurableMap s) {
          List<Expr.Local> all = new ArrayList<>(s.target().stream().toList());
          all.add(s.item());
          return all;
        }

        @Override
        public List<Expr.Local> visitDurableParallel(Stmt.DurableParallel s) {
          return s.target().stream().toList();
        }

        @Override
        public List<Expr.Local> visitYield(Stmt.Yield s) {
          return List.of();
        }

        @Override
        public List<Expr.Local> visitSleep(Stmt.Sleep s) {
          return List.of();
        }

        @Override
        public List<Expr.Local> visitAwaitCallback(Stmt.AwaitCallback s) {
          List<Expr.Local> all = new ArrayList<>(s.target().stream().toList());
          all.add(s.callback());
          return all;
        }

        @Override
        public List<Expr.Local> visitStartChild(Stmt.StartChild s) {
          return s.target().stream().toList();
        }
      };

  /** Calls {@code visitor} on {@code e} and every expression inside it. */
  public static void expressions(Expr e, Consumer<Expr> visitor) {
    visitor.accept(e);
    e.children().forEach(c -> expressions(c, visitor));
  }

  /** Every local variable name declared or written in {@code block}, in source order. */
  public static List<String> localNames(Block block) {
    List<String> names = new ArrayList<>();
    statements(block, s -> writes(s).forEach(l -> names.add(l.name())));
    return names;
  }
}
