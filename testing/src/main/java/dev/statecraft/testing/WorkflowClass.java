package dev.statecraft.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.statecraft.adapters.ActivityJson;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Locale;

/**
 * A {@code @Workflow} class as the harness sees it through reflection: its workflow method, its
 * cloud name, and how its input and output travel as JSON.
 */
record WorkflowClass(Class<?> type, Method method, String name) {

  static WorkflowClass of(Class<?> type) {
    Workflow marker = type.getAnnotation(Workflow.class);
    if (marker == null) {
      throw new IllegalArgumentException(type.getName() + " is not annotated @Workflow");
    }
    Method found = null;
    for (Method m : type.getMethods()) {
      if (m.isAnnotationPresent(WorkflowMethod.class) && !Modifier.isStatic(m.getModifiers())) {
        if (found != null) {
          throw new IllegalArgumentException(type.getName() + " has two @WorkflowMethods");
        }
        found = m;
      }
    }
    if (found == null || found.getParameterCount() > 1) {
      throw new IllegalArgumentException(
          type.getName() + " needs one public @WorkflowMethod with at most one parameter");
    }
    String name = marker.name().isEmpty() ? kebab(type.getSimpleName()) : marker.name();
    return new WorkflowClass(type, found, name);
  }

  /** {@code SupportTriage} to {@code support-triage}, as the compiler names workflows. */
  static String kebab(String simpleName) {
    return simpleName
        .replaceAll("([a-z0-9])([A-Z])", "$1-$2")
        .replaceAll("([A-Z])([A-Z][a-z])", "$1-$2")
        .toLowerCase(Locale.ROOT);
  }

  /** The execution input: the workflow method's argument as JSON. */
  String inputJson(Object input) {
    return method.getParameterCount() == 0 ? "{}" : ActivityJson.write(input);
  }

  /** The workflow method's arguments in direct mode: the input through JSON, as on the cloud. */
  Object[] arguments(Object input) {
    if (method.getParameterCount() == 0) {
      return new Object[0];
    }
    JsonNode json = ActivityJson.mapper().valueToTree(input);
    return new Object[] {decode(json == null ? NullNode.getInstance() : json, 0)};
  }

  private Object decode(JsonNode json, int parameter) {
    return ActivityJson.mapper()
        .convertValue(
            json,
            ActivityJson.mapper()
                .getTypeFactory()
                .constructType(method.getGenericParameterTypes()[parameter]));
  }

  /** The output JSON decoded as the workflow method's return type; null for {@code void}. */
  Object output(JsonNode json) {
    if (method.getReturnType() == void.class) {
      return null;
    }
    return ActivityJson.mapper()
        .convertValue(
            json,
            ActivityJson.mapper().getTypeFactory().constructType(method.getGenericReturnType()));
  }
}
