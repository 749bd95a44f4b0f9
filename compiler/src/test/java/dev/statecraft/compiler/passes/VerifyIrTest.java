package dev.statecraft.compiler.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statecraft.compiler.CompilationResult;
import dev.statecraft.compiler.StatecraftCompiler;
import dev.statecraft.compiler.Target;
import dev.statecraft.compiler.diagnostic.SourceFile;
import dev.statecraft.compiler.ir.Block;
import dev.statecraft.compiler.ir.Expr;
import dev.statecraft.compiler.ir.Stmt;
import dev.statecraft.compiler.ir.WorkflowIr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The IR check that runs between the passes and the emitters catches broken IR, and only that. */
class VerifyIrTest {
  private static WorkflowIr workflow;

  @BeforeAll
  static void compile() {
    String source =
        """
        package v;

        import dev.statecraft.api.*;

        @Workflow
        public class Poll {
          private final Jobs jobs = Durable.activities(Jobs.class);

          @WorkflowMethod
          public int run(String id) {
            int seen = 0;
            while (jobs.pending(id) > 0) {
              seen++;
              if (seen > 3) {
                break;
              }
            }
            return seen + jobs.pending(id);
          }
        }
        """;
    String jobs =
        """
        package v;

        import dev.statecraft.api.Activities;

        @Activities
        public interface Jobs {
          int pending(String id);
        }
        """;
    String impl =
        """
        package v;

        public class JobsImpl implements Jobs {
          @Override
          public int pending(String id) {
            return 0;
          }
        }
        """;
    CompilationResult result =
        StatecraftCompiler.compile(
            List.of(
                new SourceFile("v/Poll.java", source),
                new SourceFile("v/Jobs.java", jobs),
                new SourceFile("v/JobsImpl.java", impl)),
            Set.of(Target.AWS));
    assertTrue(result.succeeded(), result::formattedDiagnostics);
    workflow = result.workflows().get(0).ir();
  }

  @Test
  void acceptsWhatTheCompilerProduces() {
    assertEquals(workflow, VerifyIr.run(workflow));
  }

  @Test
  void rejectsABreakOutsideAnyLoopOrSwitch() {
    List<Stmt> body = new ArrayList<>(workflow.body().statements());
    body.add(0, new Stmt.Break(Optional.empty(), workflow.position()));
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> VerifyIr.run(workflow.withBody(new Block(body))));
    assertTrue(e.getMessage().contains("'break' has no enclosing loop or switch"), e.getMessage());
    assertTrue(e.getMessage().contains("workflow 'poll'"), e.getMessage());
  }

  @Test
  void rejectsAContinueWhoseLabelNoLoopCarries() {
    List<Stmt> body = new ArrayList<>(workflow.body().statements());
    body.add(0, new Stmt.Continue(Optional.of("outer"), workflow.position()));
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> VerifyIr.run(workflow.withBody(new Block(body))));
    assertTrue(e.getMessage().contains("labelled 'outer'"), e.getMessage());
  }

  @Test
  void rejectsAnActivityCallLeftInsideAnExpression() {
    var pending = workflow.activities().get(0);
    Expr call = new Expr.ActivityCall(pending, List.of(), workflow.position());
    List<Stmt> body = new ArrayList<>(workflow.body().statements());
    body.add(0, new Stmt.Return(Optional.of(call), workflow.position()));
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> VerifyIr.run(workflow.withBody(new Block(body))));
    assertTrue(
        e.getMessage().contains("durable call is left inside an expression"), e.getMessage());
  }
}
