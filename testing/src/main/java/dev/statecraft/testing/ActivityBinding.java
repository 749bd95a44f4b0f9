package dev.statecraft.testing;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.adapters.ActivityEntryPoint;
import dev.statecraft.adapters.ActivityInfo;
import dev.statecraft.adapters.ActivityInput;
import dev.statecraft.adapters.ActivityInvocation;
import dev.statecraft.adapters.ActivityJson;
import dev.statecraft.api.Callback;
import dev.statecraft.api.spi.SecretStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.List;

/**
 * One activity method bound to the implementation the test registered: decodes arguments as the
 * cloud's function would, calls the implementation, and records the call.
 */
final class ActivityBinding {
  /** The base of every callback URL, where the CLI's server would listen. */
  static final String CALLBACK_URL = "http://localhost/statecraft/callbacks";

  private static final ObjectMapper JSON = ActivityJson.mapper();

  private final Method method;
  private final List<String> parameterNames;
  private final Object implementation;
  private final String activity;
  private final SecretStore secrets;
  private final ActivityInfo info;

  ActivityBinding(
      Method method, List<String> parameterNames, Object implementation, SecretStore secrets) {
    if (parameterNames.size() != method.getParameterCount()) {
      throw new IllegalStateException(
          "the compiled "
              + method.getName()
              + " has parameters "
              + parameterNames
              + " but the class has "
              + method.getParameterCount()
              + ": are the compiled sources and the classes in sync?");
    }
    this.method = method;
    this.parameterNames = List.copyOf(parameterNames);
    this.implementation = implementation;
    this.activity = method.getDeclaringClass().getSimpleName() + "." + method.getName();
    this.info = ActivityInfo.of(method.getDeclaringClass(), method.getName());
    this.secrets = secrets;
  }

  Method method() {
    return method;
  }

  /** {@code Interface.method}. */
  String activity() {
    return activity;
  }

  /** The arguments of an engine task's payload, decoded by parameter name and declared type. */
  Object[] decode(JsonNode payload) {
    Object[] args = new Object[parameterNames.size()];
    for (int i = 0; i < args.length; i++) {
      JsonNode value = payload == null ? null : payload.get(parameterNames.get(i));
      args[i] = decode(value, method.getGenericParameterTypes()[i]);
    }
    return args;
  }

  /** Copies of workflow code's arguments, through JSON as on every cloud. */
  Object[] copy(Object[] args) {
    Object[] copies = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      copies[i] = decode(JSON.valueToTree(args[i]), method.getGenericParameterTypes()[i]);
    }
    return copies;
  }

  /** A copy of the implementation's result, through JSON as on every cloud. */
  Object copyResult(Object value) {
    if (method.getReturnType() == void.class) {
      return null;
    }
    return decode(JSON.valueToTree(value), method.getGenericReturnType());
  }

  /** The index of the {@link Callback} parameter, or -1. */
  int callbackParameter() {
    Class<?>[] types = method.getParameterTypes();
    for (int i = 0; i < types.length; i++) {
      if (types[i] == Callback.class) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Calls the implementation; its exception is thrown as is.
   *
   * @throws Throwable whatever the implementation threw
   */
  Object invoke(Object[] args) throws Throwable {
    ActivityEntryPoint call =
        in -> {
          try {
            return method.invoke(implementation, args);
          } catch (InvocationTargetException e) {
            throw rethrow(e.getCause());
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(
                "cannot call "
                    + activity
                    + " on "
                    + implementation.getClass().getName()
                    + ": make the implementation class public",
                e);
          }
        };
    // As the cloud adapters run it: only the declared secrets, none of them in the result.
    return ActivityInvocation.run(info, call, ActivityInput.of(null), secrets);
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> E rethrow(Throwable t) throws E {
    throw (E) t;
  }

  /** The arguments as recorded: JSON keyed by parameter name, callback tokens by alias. */
  ObjectNode recorded(Object[] args, RunRecorder run) {
    ObjectNode node = JSON.createObjectNode();
    for (int i = 0; i < args.length; i++) {
      Object arg = args[i];
      if (arg instanceof Callback c) {
        String alias = run.alias(c.token());
        arg = new Callback(alias, CALLBACK_URL + "?token=" + alias);
      }
      JsonNode value = JSON.valueToTree(arg);
      node.set(parameterNames.get(i), value == null ? NullNode.getInstance() : value);
    }
    return node;
  }

  private static Object decode(JsonNode value, Type type) {
    JavaType javaType = JSON.getTypeFactory().constructType(type);
    return JSON.convertValue(value == null ? NullNode.getInstance() : value, javaType);
  }
}
