package dev.statecraft.compiler.frontend;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.symbolsolver.JavaSymbolSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.ReflectionTypeSolver;
import dev.statecraft.compiler.diagnostic.DiagnosticCode;
import dev.statecraft.compiler.diagnostic.Diagnostics;
import dev.statecraft.compiler.diagnostic.SourceFile;
import dev.statecraft.compiler.diagnostic.SourcePosition;
import dev.statecraft.compiler.ir.WorkflowIr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The front end's one entry point: Java sources in, one {@link WorkflowIr} per {@code @Workflow}
 * class out, every problem reported to the {@link Diagnostics}.
 */
public final class JavaFrontEnd {
  private JavaFrontEnd() {}

  /** Parses and translates {@code files}; returns the workflows that translated. */
  public static List<WorkflowIr> translate(List<SourceFile> files, Diagnostics diagnostics) {
    List<ParsedUnit> units = parse(files, diagnostics);
    SourceContext context = new SourceContext(new TypeTable(units), diagnostics, new HashMap<>());
    TypeMapper types = new TypeMapper(context);
    var activities = new ActivityReader(context, types).readAll();
    WorkflowReader reader = new WorkflowReader(context, types, activities);
    for (TypeTable.Declared d : context.types().all()) {
      if (d.declaration() instanceof ClassOrInterfaceDeclaration c && !c.isInterface()) {
        context
            .annotation(c, WorkflowReader.WORKFLOW, d.unit())
            .flatMap(marker -> reader.signature(d, c, marker))
            .ifPresent(sig -> context.workflows().put(d.qualifiedName(), sig));
      }
    }
    List<WorkflowIr> workflows = new ArrayList<>();
    Map<String, WorkflowIr> byName = new HashMap<>();
    for (TypeTable.Declared d : context.types().all()) {
      Optional<AnnotationExpr> marker =
          d.declaration() instanceof ClassOrInterfaceDeclaration c
              ? context.annotation(c, WorkflowReader.WORKFLOW, d.unit())
              : Optional.empty();
      if (marker.isEmpty()) {
        continue;
      }
      ClassOrInterfaceDeclaration c = (ClassOrInterfaceDeclaration) d.declaration();
      if (c.isInterface() || c.isAbstract()) {
        context.error(
            d.unit(),
            c.getName(),
            DiagnosticCode.MISSING_WORKFLOW_METHOD,
            "@Workflow '" + c.getNameAsString() + "' must be a concrete class",
            "declare the workflow as a class with one @WorkflowMethod");
        continue;
      }
      Optional<WorkflowIr> wf = reader.read(d, c, marker.get());
      if (wf.isEmpty()) {
        continue;
      }
      WorkflowIr previous = byName.putIfAbsent(wf.get().name(), wf.get());
      if (previous != null) {
        diagnostics.error(
            DiagnosticCode.DUPLICATE_WORKFLOW_NAME,
            wf.get().position(),
            "workflow name '"
                + wf.get().name()
                + "' is also used by '"
                + previous.className()
                + "'",
            "give one of them another name with @Workflow(name = \"...\")");
        continue;
      }
      workflows.add(wf.get());
    }
    return workflows;
  }

  private static List<ParsedUnit> parse(List<SourceFile> files, Diagnostics diagnostics) {
    ParserConfiguration config =
        new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
            .setSymbolResolver(new JavaSymbolSolver(new ReflectionTypeSolver(false)));
    JavaParser parser = new JavaParser(config);
    List<ParsedUnit> units = new ArrayList<>();
    for (SourceFile file : files) {
      ParseResult<CompilationUnit> result = parser.parse(file.text());
      for (Problem p : result.getProblems()) {
        diagnostics.error(DiagnosticCode.JAVA_SYNTAX, position(file, p), message(p), "");
      }
      if (result.isSuccessful() && result.getResult().isPresent()) {
        units.add(new ParsedUnit(file, result.getResult().get()));
      }
    }
    return units;
  }

  private static SourcePosition position(SourceFile file, Problem p) {
    return p.getLocation()
        .flatMap(l -> l.getBegin().getRange())
        .map(r -> new SourcePosition(file, r.begin.line, r.begin.column))
        .orElse(new SourcePosition(file, 1, 1));
  }

  private static String message(Problem p) {
    String m = p.getMessage();
    int newline = m.indexOf('\n');
    m = newline < 0 ? m : m.substring(0, newline);
    return Character.toLowerCase(m.charAt(0)) + m.substring(1);
  }
}
