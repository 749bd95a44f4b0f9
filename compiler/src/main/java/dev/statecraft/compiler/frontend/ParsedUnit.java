package dev.statecraft.compiler.frontend;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import dev.statecraft.compiler.diagnostic.SourceFile;
import dev.statecraft.compiler.diagnostic.SourcePosition;

/** A parsed compilation unit and the file it came from. */
record ParsedUnit(SourceFile file, CompilationUnit unit) {

  /** The position where {@code node} begins. */
  SourcePosition at(Node node) {
    return node.getBegin()
        .map(p -> new SourcePosition(file, p.line, p.column))
        .orElse(new SourcePosition(file, 1, 1));
  }

  String packageName() {
    return unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
  }
}
