package dev.statecraft.compiler.gcp;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import dev.statecraft.compiler.ir.ActivityMethod;
import dev.statecraft.compiler.java.ActivityEntryPoints;

/** Generates the Cloud Run function class of one activity method. */
public final class CloudRunFunctionEmitter {
  private static final ClassName BASE =
      ClassName.get("dev.statecraft.gcp", "CloudRunActivityFunction");

  private CloudRunFunctionEmitter() {}

  /** The function's source. */
  public static JavaFile emit(ActivityMethod activity, String implementation) {
    return ActivityEntryPoints.generate(
        activity,
        implementation,
        BASE,
        "Function",
        "Cloud Run function for activity {@code "
            + activity.ownerSimpleName()
            + "."
            + activity.name()
            + "}, called by Cloud Workflows with http.post and OIDC authentication.");
  }
}
