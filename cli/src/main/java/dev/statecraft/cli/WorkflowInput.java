package dev.statecraft.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.statecraft.adapters.StrictJson;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code --input} of {@code run}: read from a file or taken as JSON text, and checked against
 * the workflow parameter's type in the words of the input's own fields.
 *
 * <p>{@link StrictJson} decides whether the input fits, as it does for webhooks and callbacks; this
 * class only says why in the input's terms ({@code field 'quantity' (int) is missing}). It is
 * stricter in one way: a person types {@code --input}, so a field the type lacks but that is a near
 * miss for a field the input lacks ({@code subjetc} for {@code subject}) is refused as a
 * misspelling, where StrictJson lets the unknown field pass and the real one be {@code null}.
 */
final class WorkflowInput {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Looks like a file name rather than JSON: a folder separator or a file extension. */
  private static final Pattern PATH_LIKE = Pattern.compile(".*[/\\\\].*|.*\\.[A-Za-z][A-Za-z0-9]*");

  private static final Set<Class<?>> INTEGRAL =
      Set.of(
          int.class,
          long.class,
          short.class,
          byte.class,
          Integer.class,
          Long.class,
          Short.class,
          Byte.class,
          BigInteger.class);

  private static final Set<Class<?>> DECIMAL =
      Set.of(float.class, double.class, Float.class, Double.class, BigDecimal.class);

  private WorkflowInput() {}

  /**
   * The JSON an {@code --input} value stands for, compact: a file's contents when it names a file,
   * else the text itself.
   *
   * @throws Main.UsageException when the file does not exist or is not JSON, or the text is not
   *     JSON
   */
  static String read(String input) throws IOException {
    if (input.isBlank()) {
      throw new Main.UsageException("--input is empty: give a JSON file or JSON text");
    }
    Path file = Path.of(input);
    boolean jsonStart = input.trim().startsWith("{") || input.trim().startsWith("[");
    if (!jsonStart && Files.isRegularFile(file)) {
      try {
        return JSON.readTree(Files.readString(file, StandardCharsets.UTF_8)).toString();
      } catch (JsonProcessingException e) {
        throw new Main.UsageException(
            "--input file " + file + " is not valid JSON: " + e.getOriginalMessage());
      }
    }
    try {
      JsonNode tree = JSON.readTree(input);
      if (tree != null && !tree.isMissingNode()) {
        return tree.toString();
      }
    } catch (JsonProcessingException e) {
      if (jsonStart || !PATH_LIKE.matcher(input.trim()).matches()) {
        throw new Main.UsageException(
            "--input "
                + (jsonStart ? "is not valid JSON" : "is neither a file nor valid JSON")
                + ": "
                + e.getOriginalMessage()
                + (jsonStart ? "" : " (a JSON string is quoted: '\"" + input.trim() + "\"')"));
      }
    }
    if (!jsonStart && Files.isDirectory(file)) {
      throw new Main.UsageException("--input " + input + " is a folder, not a JSON file");
    }
    throw new Main.UsageException(
        "--input " + input + ": no such file (give a JSON file or JSON text)");
  }

  /**
   * Why {@code json} does not fit the type the manifest spells {@code javaType}, or empty when it
   * does.
   */
  static Optional<String> misfit(String javaType, String json, ClassLoader classes) {
    JsonNode tree;
    JavaType type;
    try {
      tree = JSON.readTree(json);
      type = JSON.getTypeFactory().withClassLoader(classes).constructFromCanonical(javaType);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return StrictJson.mismatch(javaType, json, classes);
    }
    String prefix = "does not fit " + simpleName(javaType) + ": ";
    Optional<String> misspelled = new Walk(false).problem(type, tree, "");
    if (misspelled.isPresent()) {
      return Optional.of(prefix + misspelled.get());
    }
    Optional<String> strict = StrictJson.mismatch(javaType, json, classes);
    if (strict.isEmpty()) {
      return strict;
    }
    Optional<String> explained =
        expectedKind(type, tree)
            .map(kind -> "the input is " + describe(tree) + ", not " + kind)
            .or(() -> new Walk(true).problem(type, tree, ""));
    return Optional.of(explained.map(p -> prefix + p).orElse(strict.get()));
  }

  /**
   * Walks the input beside its type and names the first field that is wrong. With {@code kinds} off
   * it looks only for misspelled field names, which StrictJson accepts; with it on also for missing
   * or null primitives and values of the wrong JSON kind, which StrictJson refuses.
   */
  private record Walk(boolean kinds) {
    Optional<String> problem(JavaType type, JsonNode node, String path) {
      if (node == null || node.isNull()) {
        return Optional.empty();
      }
      if (type.isArrayType() || type.isCollectionLikeType()) {
        return node.isArray() ? elements(type.getContentType(), node, path) : Optional.empty();
      }
      if (type.isMapLikeType()) {
        return node.isObject() ? values(type.getContentType(), node, path) : Optional.empty();
      }
      if (isBean(type) && node.isObject()) {
        return fields(type, node, path);
      }
      return Optional.empty();
    }

    private Optional<String> elements(JavaType content, JsonNode array, String path) {
      for (int i = 0; i < array.size(); i++) {
        Optional<String> p = value(content, array.get(i), path + "[" + i + "]");
        if (p.isPresent()) {
          return p;
        }
      }
      return Optional.empty();
    }

    private Optional<String> values(JavaType content, JsonNode object, String path) {
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        Optional<String> p = value(content, e.getValue(), join(path, e.getKey()));
        if (p.isPresent()) {
          return p;
        }
      }
      return Optional.empty();
    }

    private Optional<String> fields(JavaType type, JsonNode object, String path) {
      Map<String, JavaType> declared = new LinkedHashMap<>();
      BeanDescription bean = JSON.getDeserializationConfig().introspect(type);
      for (BeanPropertyDefinition p : bean.findProperties()) {
        declared.put(p.getName(), p.getPrimaryType());
      }
      for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!declared.containsKey(name)) {
          Optional<String> meant = nearMiss(name, declared.keySet(), object);
          if (meant.isPresent()) {
            return Optional.of(
                String.format(
                    "field '%s' is not a field of %s; did you mean '%s'?",
                    join(path, name), type.getRawClass().getSimpleName(), meant.get()));
          }
        }
      }
      for (Map.Entry<String, JavaType> field : declared.entrySet()) {
        String at = join(path, field.getKey());
        JavaType fieldType = field.getValue();
        JsonNode value = object.get(field.getKey());
        if (kinds && fieldType.isPrimitive() && (value == null || value.isNull())) {
          return Optional.of(
              String.format(
                  "field '%s' (%s) is %s",
                  at, fieldType.getRawClass().getName(), value == null ? "missing" : "null"));
        }
        Optional<String> p = value == null ? Optional.empty() : value(fieldType, value, at);
        if (p.isPresent()) {
          return p;
        }
      }
      return Optional.empty();
    }

    /** A value of {@code type} at {@code path}: its JSON kind, then what is inside it. */
    private Optional<String> value(JavaType type, JsonNode value, String path) {
      if (kinds && !value.isNull()) {
        Optional<String> expected = expectedKind(type, value);
        if (expected.isPresent()) {
          return Optional.of(
              String.format("field '%s' is %s, not %s", path, describe(value), expected.get()));
        }
      }
      return problem(type, value, path);
    }
  }

  /** What a value of {@code type} must be when {@code value} is not of that JSON kind. */
  private static Optional<String> expectedKind(JavaType type, JsonNode value) {
    Class<?> raw = type.getRawClass();
    boolean fits;
    String expected;
    if (raw == String.class || raw == char.class || raw == Character.class) {
      fits = value.isTextual();
      expected = "a string";
    } else if (raw == boolean.class || raw == Boolean.class) {
      fits = value.isBoolean();
      expected = "true or false";
    } else if (INTEGRAL.contains(raw)) {
      fits = value.isIntegralNumber();
      expected = "a whole number (" + raw.getSimpleName() + ")";
    } else if (DECIMAL.contains(raw)) {
      fits = value.isNumber();
      expected = "a number (" + raw.getSimpleName() + ")";
    } else if (type.isEnumType()) {
      Object[] constants = raw.getEnumConstants();
      fits =
          value.isTextual()
              && Arrays.stream(constants)
                  .anyMatch(c -> ((Enum<?>) c).name().equals(value.asText()));
      expected = "one of " + Arrays.toString(constants);
    } else if (type.isArrayType() || type.isCollectionLikeType()) {
      fits = value.isArray();
      expected = "an array";
    } else if (type.isMapLikeType() || isBean(type)) {
      fits = value.isObject();
      expected = "an object (" + raw.getSimpleName() + ")";
    } else {
      fits = true;
      expected = "";
    }
    return fits ? Optional.empty() : Optional.of(expected);
  }

  private static boolean isBean(JavaType type) {
    Class<?> raw = type.getRawClass();
    return !type.isPrimitive()
        && !type.isEnumType()
        && !type.isContainerType()
        && !raw.getName().startsWith("java.");
  }

  /**
   * The field the input lacks that {@code name} is a near miss for: the same but for case, {@code
   * _} and {@code -}, or a typo or two away (one for short names).
   */
  private static Optional<String> nearMiss(String name, Set<String> declared, JsonNode object) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : declared) {
      if (object.has(candidate)) {
        continue;
      }
      int d =
          normalized(name).equals(normalized(candidate))
              ? 0
              : distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      int allowed = Math.min(name.length(), candidate.length()) >= 6 ? 2 : 1;
      if (d <= allowed && d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  private static String normalized(String name) {
    return name.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
  }

  /** Edits (insert, delete, substitute, swap neighbours) between {@code a} and {@code b}. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  private static String describe(JsonNode value) {
    if (value.isNull()) {
      return "null";
    }
    if (value.isTextual()) {
      return "the string " + value;
    }
    if (value.isNumber()) {
      return "the number " + value;
    }
    if (value.isBoolean()) {
      return value.toString();
    }
    return value.isArray() ? "an array" : "an object";
  }

  private static String join(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  /** {@code dev.x.Order$Line} as {@code Order.Line}, as StrictJson names types. */
  private static String simpleName(String javaType) {
    return javaType.replaceAll("[a-z0-9_.]+\\.([A-Z])", "$1").replace('$', '.');
  }
}
