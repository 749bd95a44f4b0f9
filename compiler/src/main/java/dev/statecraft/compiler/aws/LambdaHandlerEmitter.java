package dev.statecraft.compiler.aws;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import dev.statecraft.compiler.ir.ActivityMethod;
import dev.statecraft.compiler.java.ActivityEntryPoints;

/** Generates the AWS Lambda handler class of one activity method. */
public final class LambdaHandlerEmitter {
  private static final ClassName BASE =
      ClassName.get("dev.statecraft.aws", "LambdaActivityHandler");

  private LambdaHandlerEmitter() {}

  /** The handler's qualified class name, as Lambda's {@code handler} setting names it. */
  public static String handlerClass(ActivityMethod activity) {
    String pkg = activity.ownerPackage();
    String simple = ActivityEntryPoints.className(activity, "Handler");
    return pkg.isEmpty() ? simple : pkg + "." + simple;
  }

  /** The handler's source. */
  public static JavaFile emit(ActivityMethod activity, String implementation) {
    return ActivityEntryPoints.generate(
        activity,
        implementation,
        BASE,
        "Handler",
        "AWS Lambda handler for activity {@code "
            + activity.ownerSimpleName()
            + "."
            + activity.name()
            + "}, invoked by Step Functions with the arguments as its payload.");
  }
}
