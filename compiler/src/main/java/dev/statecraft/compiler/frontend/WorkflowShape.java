package dev.statecraft.compiler.frontend;

import dev.statecraft.compiler.ir.Expr;
import java.util.Map;

/**
 * What a workflow class's fields give its body: activity stubs by field name, and {@code static
 * final} constants by name.
 */
record WorkflowShape(
    String className,
    Map<String, ActivityReader.ActivitiesInterface> stubs,
    Map<String, Expr.Literal> constants) {}
