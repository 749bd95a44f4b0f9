package dev.statecraft.compiler.frontend;

import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import dev.statecraft.compiler.diagnostic.DiagnosticCode;
import dev.statecraft.compiler.diagnostic.SourcePosition;
import dev.statecraft.compiler.ir.Block;
import dev.statecraft.compiler.ir.Expr;
import dev.statecraft.compiler.ir.Expr.Local;
import dev.statecraft.compiler.ir.IrType;
import dev.statecraft.compiler.ir.Stmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Switch statements and switch expressions on strings, enums and ints, in both the {@code case X:}
 * and the {@code case X ->} forms, into a {@link Stmt.Switch} without fall-through: stacked empty
 * labels merge, a trailing {@code break} ends its group, and a group that would fall into the next
 * is {@code SWITCH_FALLTHROUGH}. A switch expression assigns its value in each case.
 */
final class SwitchTranslator {
  private final SourceContext context;
  private final ExpressionTranslator x;
  private final BodyTranslator body;

  SwitchTranslator(SourceContext context, ExpressionTranslator x, BodyTranslator body) {
    this.context = context;
    this.x = x;
    this.body = body;
  }

  void statement(SwitchStmt s, List<Stmt> out) {
    Optional<Expr> selector = selector(s.getSelector());
    if (selector.isEmpty()) {
      return;
    }
    List<Stmt.Case> cases = new ArrayList<>();
    Block otherwise = Block.EMPTY;
    List<Expr.Literal> labels = new ArrayList<>();
    boolean isDefault = false;
    List<SwitchEntry> entries = s.getEntries();
    for (int i = 0; i < entries.size(); i++) {
      SwitchEntry e = entries.get(i);
      isDefault |= e.isDefault() || e.getLabels().isEmpty();
      labels.addAll(labels(e.getLabels(), selector.get().type()));
      if (e.getType() == SwitchEntry.Type.STATEMENT_GROUP
          && e.getStatements().isEmpty()
          && i + 1 < entries.size()) {
        continue; // stacked labels share the next group's body
      }
      Block raw = body.blockOf(e.getStatements());
      Block group = withoutTrailingBreak(raw);
      if (e.getType() == SwitchEntry.Type.STATEMENT_GROUP
          && i + 1 < entries.size()
          && dev.statecraft.compiler.ir.Reachability.canComplete(raw)) {
        context.error(
            x.unit(),
            e,
            DiagnosticCode.SWITCH_FALLTHROUGH,
            "this case falls through into the next one",
            "end it with break, return or throw, or use case ... -> ...");
      }
      if (isDefault) {
        otherwise = group;
      } else {
        cases.add(new Stmt.Case(labels, group));
      }
      labels = new ArrayList<>();
      isDefault = false;
    }
    out.add(new Stmt.Switch(selector.get(), cases, otherwise, x.unit().at(s)));
  }

  /** A switch expression: each case assigns the result; no match fails as Java does. */
  Effects.Effect expression(SwitchExpr s, Optional<IrType> expected) {
    Optional<Expr> selector = selector(s.getSelector());
    if (selector.isEmpty()) {
      return Effects.Effect.failed();
    }
    BodyTranslator.Yields yields = new BodyTranslator.Yields(expected);
    String result = body.freshName("switchResult");
    List<Stmt.Case> cases = new ArrayList<>();
    Block otherwise = null;
    List<Expr.Literal> labels = new ArrayList<>();
    boolean isDefault = false;
    List<SwitchEntry> entries = s.getEntries();
    List<Block> bodies = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      SwitchEntry e = entries.get(i);
      isDefault |= e.isDefault() || e.getLabels().isEmpty();
      labels.addAll(labels(e.getLabels(), selector.get().type()));
      if (e.getType() == SwitchEntry.Type.STATEMENT_GROUP
          && e.getStatements().isEmpty()
          && i + 1 < entries.size()) {
        continue;
      }
      Block group = body.switchExpressionCase(e, result, yields);
      bodies.add(group);
      if (isDefault) {
        otherwise = group;
      } else {
        cases.add(new Stmt.Case(labels, group));
      }
      labels = new ArrayList<>();
      isDefault = false;
    }
    SourcePosition pos = x.unit().at(s);
    if (otherwise == null) {
      otherwise =
          new Block(
              List.of(
                  new Stmt.Fail(
                      Expr.Literal.of("java.lang.MatchException"),
                      Expr.Literal.of("no case of the switch matched"),
                      pos)));
    }
    IrType type = yields.type().orElse(IrType.NULL);
    Local typed = new Local(result, type);
    Stmt.Switch sw = new Stmt.Switch(selector.get(), cases, otherwise, pos);
    return new Effects.Effect(
        type,
        (target, declaration) -> {
          List<Stmt> out = new ArrayList<>();
          out.add(new Stmt.Declare(typed, pos));
          out.add(sw);
          target.ifPresent(t -> out.add(new Stmt.Assign(t, typed, declaration, pos)));
          return out;
        });
  }

  private Optional<Expr> selector(Expression e) {
    Optional<Expr> selector = x.translate(e, Optional.empty());
    if (selector.isEmpty()) {
      return Optional.empty();
    }
    IrType t = selector.get().type();
    if (!(t.equals(IrType.STRING) || t.equals(IrType.INT) || t instanceof IrType.EnumType)) {
      context.error(
          x.unit(),
          e,
          DiagnosticCode.TYPE_MISMATCH,
          "switch works on String, int or an enum, not '" + t.javaName() + "'",
          "");
      return Optional.empty();
    }
    return selector;
  }

  private List<Expr.Literal> labels(NodeList<Expression> labels, IrType type) {
    List<Expr.Literal> out = new ArrayList<>();
    for (Expression label : labels) {
      if (type instanceof IrType.EnumType e && label instanceof NameExpr n) {
        if (e.constants().contains(n.getNameAsString())) {
          out.add(new Expr.Literal(n.getNameAsString(), e));
        } else {
          context.error(
              x.unit(),
              label,
              DiagnosticCode.UNKNOWN_NAME,
              "enum '" + e.simpleName() + "' has no constant '" + n + "'",
              "");
        }
        continue;
      }
      Optional<Expr> value = x.translateAs(label, type);
      if (value.isPresent() && value.get() instanceof Expr.Literal l) {
        out.add(l);
      } else if (value.isPresent()) {
        context.error(
            x.unit(),
            label,
            DiagnosticCode.UNSUPPORTED_EXPRESSION,
            "case labels must be constants",
            "");
      }
    }
    return out;
  }

  private static Block withoutTrailingBreak(Block b) {
    List<Stmt> s = new ArrayList<>(b.statements());
    if (!s.isEmpty() && s.get(s.size() - 1) instanceof Stmt.Break br && br.label().isEmpty()) {
      s.remove(s.size() - 1);
    }
    return new Block(s);
  }
}
