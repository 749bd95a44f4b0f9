package dev.statecraft.compiler.gcp;

import static dev.statecraft.compiler.gcp.CloudWorkflowsEmitter.single;

import dev.statecraft.compiler.ir.IrType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Library methods Cloud Workflows' expressions cannot compute (joining strings, index lookups, list
 * updates), run as subworkflows: the statement that needs one is preceded by a {@code call} step
 * whose result the expression reads.
 */
final class CloudWorkflowsHelpers {
  /** The characters {@link Character#isWhitespace} accepts, as an RE2 class. */
  static final String WHITESPACE =
      "[\\x{9}-\\x{D}\\x{1C}-\\x{20}\\x{1680}\\x{2000}-\\x{2006}\\x{2008}-\\x{200A}"
          + "\\x{2028}\\x{2029}\\x{205F}\\x{3000}]";

  private final Map<String, Object> subworkflows;
  private final Function<String, String> freshVariable;
  private final Function<String, String> freshStep;
  private final List<Object> prelude = new ArrayList<>();

  CloudWorkflowsHelpers(
      Map<String, Object> subworkflows,
      Function<String, String> freshVariable,
      Function<String, String> freshStep) {
    this.subworkflows = subworkflows;
    this.freshVariable = freshVariable;
    this.freshStep = freshStep;
  }

  /**
   * Calls helper {@code name} with argument expressions; returns the variable holding the result.
   */
  String call(String name, List<String> args) {
    String sub = "statecraft_" + name;
    subworkflows.putIfAbsent(sub, definition(name));
    if (name.equals("sorted_by")) {
      subworkflows.putIfAbsent("statecraft_key_after", keyAfter());
    }
    if (name.equals("list_text")) {
      subworkflows.putIfAbsent("statecraft_double_text", definition("double_text"));
    }
    if (name.equals("fixed")) {
      subworkflows.putIfAbsent("statecraft_pad", definition("pad"));
    }
    String result = freshVariable.apply(name + "_result");
    Map<String, Object> argMap = new LinkedHashMap<>();
    List<String> params = params(name);
    for (int i = 0; i < params.size(); i++) {
      argMap.put(params.get(i), "${" + args.get(i) + "}");
    }
    Map<String, Object> step = new LinkedHashMap<>();
    step.put("call", sub);
    step.put("args", argMap);
    step.put("result", result);
    prelude.add(single(freshStep.apply(name), step));
    return result;
  }

  /**
   * Queues a step, before the expression being rendered, that raises {@code message} (an
   * expression: Java's exception class, a colon and its message) when {@code condition} holds and
   * so do {@code guards}, the conditions under which Java evaluates the operand checked (outermost
   * first; a {@code switch} evaluates only the branch it takes).
   */
  void check(List<String> guards, String condition, String message) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("condition", "${" + condition + "}");
    c.put("raise", single("message", "${" + message + "}"));
    Map<String, Object> step = single(freshStep.apply("check"), single("switch", List.of(c)));
    // Innermost guard first: each switch runs the next only when Java evaluates the operand.
    for (int i = guards.size() - 1; i >= 0; i--) {
      Map<String, Object> g = new LinkedHashMap<>();
      g.put("condition", "${" + guards.get(i) + "}");
      g.put("steps", List.of(step));
      step = single(freshStep.apply("when"), single("switch", List.of(g)));
    }
    prelude.add(step);
  }

  /**
   * Whether a value of {@code type} from outside (the execution's input, a callback's answer) may
   * lack record fields that Java would read as {@code null}.
   */
  static boolean containsRecord(IrType type) {
    return type instanceof IrType.RecordType
        || type instanceof IrType.ListType l && containsRecord(l.element());
  }

  /**
   * A step that gives every record field missing from the value in {@code variable} (of {@code
   * type}, from outside) the value {@code null}, as Jackson reads it into a Java record, in records
   * nested in records and lists too: Cloud Workflows raises {@code KeyError} for a missing field
   * where Java reads {@code null}. One subworkflow per type, {@code statecraft_fields_...}.
   */
  Map<String, Object> presentFields(IrType type, String variable) {
    Map<String, Object> step = new LinkedHashMap<>();
    step.put("call", fieldsSubworkflow(type));
    step.put("args", single("value", "${" + variable + "}"));
    step.put("result", variable);
    return single(freshStep.apply("present_fields"), step);
  }

  private String fieldsSubworkflow(IrType type) {
    if (type instanceof IrType.ListType l) {
      String element = fieldsSubworkflow(l.element());
      String name = element + "_list";
      if (!subworkflows.containsKey(name)) {
        Map<String, Object> each = new LinkedHashMap<>();
        each.put("call", element);
        each.put("args", single("value", "${item}"));
        each.put("result", "filled");
        List<Object> steps = new ArrayList<>();
        steps.add(nullReturnsNull());
        steps.add(single("init", single("assign", List.of(single("out", List.of())))));
        steps.add(
            single(
                "walk",
                single(
                    "for",
                    forLoop(
                        "item",
                        null,
                        "${value}",
                        List.of(
                            single("fill", each),
                            single(
                                "add",
                                single(
                                    "assign",
                                    List.of(
                                        single("out", "${list.concat(out, null)}"),
                                        single("out[len(out) - 1]", "${filled}")))))))));
        steps.add(single("done", single("return", "${out}")));
        subworkflows.put(name, valueSubworkflow(steps));
      }
      return name;
    }
    IrType.RecordType r = (IrType.RecordType) type;
    String name = "statecraft_fields_" + r.qualifiedName().replaceAll("[^A-Za-z0-9]", "_");
    if (!subworkflows.containsKey(name)) {
      subworkflows.put(name, Map.of()); // reserved while the components are visited
      StringBuilder defaults = new StringBuilder("{");
      for (IrType.Component c : r.components()) {
        defaults
            .append(defaults.length() == 1 ? "" : ", ")
            .append(CloudWorkflowsExpressions.literal(c.name()))
            .append(": null");
      }
      List<Object> steps = new ArrayList<>();
      steps.add(nullReturnsNull());
      steps.add(
          single(
              "fill",
              single(
                  "assign", List.of(single("value", "${map.merge(" + defaults + "}, value)}")))));
      int n = 0;
      for (IrType.Component c : r.components()) {
        if (containsRecord(c.type())) {
          n++;
          Map<String, Object> call = new LinkedHashMap<>();
          call.put("call", fieldsSubworkflow(c.type()));
          call.put(
              "args",
              single("value", "${value[" + CloudWorkflowsExpressions.literal(c.name()) + "]}"));
          call.put("result", "field");
          steps.add(single("field_" + n, call));
          steps.add(
              single(
                  "set_" + n,
                  single(
                      "assign",
                      List.of(
                          single(
                              "value[" + CloudWorkflowsExpressions.literal(c.name()) + "]",
                              "${field}")))));
        }
      }
      steps.add(single("done", single("return", "${value}")));
      subworkflows.put(name, valueSubworkflow(steps));
    }
    return name;
  }

  private static Object nullReturnsNull() {
    Map<String, Object> none = new LinkedHashMap<>();
    none.put("condition", "${value == null}");
    none.put("return", null);
    return single("none", single("switch", List.of(none)));
  }

  private static Map<String, Object> valueSubworkflow(List<Object> steps) {
    Map<String, Object> sub = new LinkedHashMap<>();
    sub.put("params", List.of("value"));
    sub.put("steps", steps);
    return sub;
  }

  /** Whether subworkflow {@code name} is defined (or being defined). */
  boolean defines(String name) {
    return subworkflows.containsKey(name);
  }

  /** Defines subworkflow {@code name} with one parameter, {@code value}. */
  void define(String name, List<Object> steps) {
    subworkflows.put(name, valueSubworkflow(steps));
  }

  /** Calls subworkflow {@code name} with {@code value}; returns the variable holding the result. */
  String callValue(String name, String value) {
    String result = freshVariable.apply("text_result");
    Map<String, Object> step = new LinkedHashMap<>();
    step.put("call", name);
    step.put("args", single("value", "${" + value + "}"));
    step.put("result", result);
    prelude.add(single(freshStep.apply("text"), step));
    return result;
  }

  /** A fresh step name. */
  String stepName(String base) {
    return freshStep.apply(base);
  }

  /**
   * Puts the last queued step, the call whose result is in {@code result}, under {@code guards}
   * (outermost first), with {@code result} {@code null} before it.
   */
  @SuppressWarnings("unchecked")
  void guardLast(List<String> guards, String result) {
    Map<String, Object> step = (Map<String, Object>) prelude.remove(prelude.size() - 1);
    for (int i = guards.size() - 1; i >= 0; i--) {
      Map<String, Object> g = new LinkedHashMap<>();
      g.put("condition", "${" + guards.get(i) + "}");
      g.put("steps", List.of(step));
      step = single(freshStep.apply("when"), single("switch", List.of(g)));
    }
    prelude.add(
        single(freshStep.apply("skipped"), single("assign", List.of(single(result, null)))));
    prelude.add(step);
  }

  /** Queues a step the expression being rendered needs before it, after those queued so far. */
  void addPrelude(Object step) {
    prelude.add(step);
  }

  /** The call steps the last rendered expressions need, in order; clears them. */
  List<Object> takePrelude() {
    List<Object> out = new ArrayList<>(prelude);
    prelude.clear();
    return out;
  }

  private static List<String> params(String name) {
    return switch (name) {
      case "join" -> List.of("items", "separator");
      case "index_of" -> List.of("items", "value");
      case "sub_list" -> List.of("items", "from", "to");
      case "with_set" -> List.of("items", "index", "value");
      case "without_index" -> List.of("items", "index");
      case "with_inserted" -> List.of("items", "index", "value");
      case "without_value" -> List.of("items", "value");
      case "appended" -> List.of("items", "value");
      case "double_text" -> List.of("x");
      case "sorted", "distinct" -> List.of("items");
      case "values" -> List.of("entries");
      case "sorted_by" -> List.of("items", "keys", "descending");
      case "key_after" -> List.of("keys", "descending", "a", "b");
      case "pad" -> List.of("text", "width", "before", "fill");
      case "grouped" -> List.of("digits");
      case "fixed" -> List.of("x", "decimals", "scale");
      case "repeat" -> List.of("text", "count");
      case "strip", "strip_leading", "strip_trailing" -> List.of("text");
      case "index_of_from" -> List.of("text", "value", "from");
      case "split" -> List.of("text", "regex");
      case "list_text" -> List.of("items", "kind");
      case "value_of" -> List.of("names", "value", "type");
      default -> throw new IllegalArgumentException(name);
    };
  }

  private static Map<String, Object> definition(String name) {
    switch (name) {
      case "sorted":
        return sorted();
      case "sorted_by":
        return sortedBy();
      case "pad":
        return pad();
      case "grouped":
        return grouped();
      case "fixed":
        return fixed();
      case "repeat":
        return repeat();
      case "value_of":
        return valueOf();
      case "without_value":
        return withoutValue();
      case "index_of_from":
        return indexOfFrom();
      case "split":
        return split();
      case "list_text":
        return listText();
      case "double_text":
        return doubleText();
      case "appended":
        return subworkflow(
            name,
            List.of(
                single(
                    "append",
                    single(
                        "assign",
                        List.of(
                            single("items", "${list.concat(items, null)}"),
                            single("items[len(items) - 1]", "${value}")))),
                single("done", single("return", "${items}"))));
      default:
        break;
    }
    if (name.startsWith("strip")) {
      String regex =
          switch (name) {
            case "strip" -> "^" + WHITESPACE + "+|" + WHITESPACE + "+$";
            case "strip_leading" -> "^" + WHITESPACE + "+";
            default -> WHITESPACE + "+$";
          };
      return subworkflow(
          name,
          List.of(
              single(
                  "done",
                  single(
                      "return",
                      "${text.replace_all_regex(text, "
                          + CloudWorkflowsExpressions.literal(regex)
                          + ", \"\")}"))));
    }
    List<Object> steps = new ArrayList<>();
    List<Object> body;
    Object init;
    Object result;
    String in = "${items}";
    switch (name) {
      case "join" -> {
        init = "";
        body = List.of(assign("out", "${if(i == 0, item, out + separator + item)}"));
        result = "${out}";
      }
      case "index_of" -> {
        init = -1;
        body = List.of(assign("out", "${if(out == -1 and item == value, i, out)}"));
        result = "${out}";
      }
      case "sub_list" -> {
        init = List.of();
        body = appendWhen("${i >= from and i < to}", "${item}");
        result = "${out}";
      }
      case "with_set" -> {
        init = List.of();
        body = appendWhen(true, "${if(i == index, value, item)}");
        result = "${out}";
      }
      case "with_inserted" -> {
        init = List.of();
        body =
            List.of(
                assign(
                    "out",
                    "${if(i == index, list.concat(list.concat(out, value), item),"
                        + " list.concat(out, item))}"));
        result = "${if(index == len(items), list.concat(out, value), out)}";
      }
      case "without_index" -> {
        init = List.of();
        body = appendWhen("${i != index}", "${item}");
        result = "${out}";
      }
      case "distinct" -> {
        init = List.of();
        body = appendWhen("${not (item in out)}", "${item}");
        result = "${out}";
      }
      case "values" -> {
        // The keys in insertion order, each key's value in turn.
        init = List.of();
        in = "${keys(entries)}";
        body = appendWhen(true, "${entries[item]}");
        result = "${out}";
      }
      default -> throw new IllegalArgumentException(name);
    }
    boundsCheck(name).ifPresent(steps::add);
    steps.add(single("init", single("assign", List.of(single("out", init)))));
    Map<String, Object> loop = forLoop("item", "i", in, body);
    steps.add(single("walk", single("for", loop)));
    steps.add(single("done", single("return", result)));
    return subworkflow(name, steps);
  }

  /**
   * The check that fails an index out of range with Java's {@code IndexOutOfBoundsException} and
   * message, for the helpers that take one.
   */
  private static java.util.Optional<Object> boundsCheck(String name) {
    String outside;
    String message;
    switch (name) {
      case "with_set", "without_index" -> {
        outside = "${index < 0 or index >= len(items)}";
        message =
            "${\"java.lang.IndexOutOfBoundsException: Index \" + string(index)"
                + " + \" out of bounds for length \" + string(len(items))}";
      }
      case "with_inserted" -> {
        outside = "${index < 0 or index > len(items)}";
        message =
            "${\"java.lang.IndexOutOfBoundsException: Index: \" + string(index)"
                + " + \", Size: \" + string(len(items))}";
      }
      default -> {
        return java.util.Optional.empty();
      }
    }
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("condition", outside);
    c.put("raise", single("message", message));
    return java.util.Optional.of(single("check", single("switch", List.of(c))));
  }

  /** {@code items.remove(value)}: the first equal element left out. */
  private static Map<String, Object> withoutValue() {
    List<Object> steps = new ArrayList<>();
    steps.add(
        single(
            "init", single("assign", List.of(single("out", List.of()), single("removed", false)))));
    Map<String, Object> loop =
        forLoop(
            "item",
            null,
            "${items}",
            List.of(
                single(
                    "each",
                    single(
                        "assign",
                        List.of(
                            single(
                                "out",
                                "${if(not(removed) and item == value, out,"
                                    + " list.concat(out, item))}"),
                            single("removed", "${removed or item == value}"))))));
    steps.add(single("walk", single("for", loop)));
    steps.add(single("done", single("return", "${out}")));
    return subworkflow("without_value", steps);
  }

  private static Map<String, Object> assign(String variable, Object value) {
    return single("each", single("assign", List.of(single(variable, value))));
  }

  /**
   * Steps that append {@code element} to {@code out} when {@code condition} holds. Appending is a
   * {@code null} added with {@code list.concat} and then replaced by index: Google documents {@code
   * list.concat} as appending a value, and the emulator concatenates when the value is itself a
   * list, so an element that is a list never goes through {@code list.concat}.
   */
  static List<Object> appendWhen(Object condition, String element) {
    Map<String, Object> append =
        single(
            "append",
            single(
                "assign",
                List.of(
                    single("out", "${list.concat(out, null)}"),
                    single("out[len(out) - 1]", element))));
    if (Boolean.TRUE.equals(condition)) {
      return List.of(append);
    }
    return List.of(single("when", single("switch", List.of(branch(condition, List.of(append))))));
  }

  private static Map<String, Object> branch(Object condition, List<Object> steps) {
    return CloudWorkflowsEmitter.branch(condition, steps);
  }

  /**
   * A {@code for} step's body: {@code value} takes each element of {@code in}, and {@code index}
   * (unless null) its position.
   */
  private static Map<String, Object> forLoop(
      String value, String index, String in, List<Object> steps) {
    Map<String, Object> loop = new LinkedHashMap<>();
    loop.put("value", value);
    if (index != null) {
      loop.put("index", index);
    }
    loop.put("in", in);
    loop.put("steps", steps);
    return loop;
  }

  /**
   * {@code sorted(comparator)}: an insertion sort of the indexes, each going before the first
   * placed index whose keys come strictly after its own, so that equal elements keep their order as
   * in Java's stable sort; then the elements at the sorted indexes.
   */
  private static Map<String, Object> sortedBy() {
    Map<String, Object> compare = new LinkedHashMap<>();
    compare.put("call", "statecraft_key_after");
    Map<String, Object> compareArgs = new LinkedHashMap<>();
    compareArgs.put("keys", "${keys}");
    compareArgs.put("descending", "${descending}");
    compareArgs.put("a", "${o}");
    compareArgs.put("b", "${i}");
    compare.put("args", compareArgs);
    compare.put("result", "later");
    Map<String, Object> inner =
        forLoop(
            "o",
            null,
            "${out}",
            List.of(
                single("compare", compare),
                single(
                    "place",
                    single(
                        "assign",
                        List.of(
                            single(
                                "next",
                                "${if(not(placed) and later,"
                                    + " list.concat(list.concat(next, i), o),"
                                    + " list.concat(next, o))}"),
                            single("placed", "${placed or later}"))))));
    Map<String, Object> outer =
        forLoop(
            "item",
            "i",
            "${items}",
            List.of(
                single(
                    "reset",
                    single("assign", List.of(single("next", List.of()), single("placed", false)))),
                single("insert", single("for", inner)),
                single(
                    "keep",
                    single(
                        "assign",
                        List.of(single("out", "${if(placed, next, list.concat(next, i))}"))))));
    Map<String, Object> pick =
        forLoop(
            "j",
            null,
            "${out}",
            List.of(
                single(
                    "take",
                    single(
                        "assign",
                        List.of(
                            single("sorted", "${list.concat(sorted, null)}"),
                            single("sorted[len(sorted) - 1]", "${items[j]}"))))));
    List<Object> steps = new ArrayList<>();
    steps.add(
        single(
            "init",
            single("assign", List.of(single("out", List.of()), single("sorted", List.of())))));
    steps.add(single("walk", single("for", outer)));
    steps.add(single("collect", single("for", pick)));
    steps.add(single("done", single("return", "${sorted}")));
    return subworkflow("sorted_by", steps);
  }

  /** {@code text} with {@code fill} before (or after) it until it is {@code width} long. */
  private static Map<String, Object> pad() {
    Map<String, Object> full = new LinkedHashMap<>();
    full.put("condition", "${len(text) >= width}");
    full.put("return", "${text}");
    Map<String, Object> grow = new LinkedHashMap<>();
    grow.put("assign", List.of(single("text", "${if(before, fill + text, text + fill)}")));
    grow.put("next", "check");
    List<Object> steps = new ArrayList<>();
    steps.add(single("check", single("switch", List.of(full))));
    steps.add(single("grow", grow));
    return subworkflow("pad", steps);
  }

  /**
   * The digits of {@code |x|} with {@code decimals} decimals, as Java's {@code %.nf} prints them
   * (half up on the shortest decimal digits of the double); {@code scale} is {@code 10^decimals}.
   * With {@code k} the floor of {@code |x| * scale}, the result is {@code k + 1} exactly when
   * {@code |x|} is at least the double nearest to {@code (k + 0.5) / 10^n}, parsed from its decimal
   * digits. Exact while {@code |x| * 10^n < 10^14}; beyond, it raises {@code
   * statecraft.FormatOutOfRange}.
   */
  private static Map<String, Object> fixed() {
    Map<String, Object> tooLarge = new LinkedHashMap<>();
    tooLarge.put("condition", "${scaled >= 100000000000000}");
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("error", "statecraft.FormatOutOfRange");
    error.put(
        "cause",
        "${\"%.\" + string(decimals) + \"f of \" + string(x) + \" needs more digits than the"
            + " engine prints exactly\"}");
    tooLarge.put("raise", error);
    List<Object> steps = new ArrayList<>();
    steps.add(
        single(
            "scale",
            single(
                "assign",
                List.of(
                    single("magnitude", "${math.abs(double(x))}"),
                    single("scaled", "${math.abs(double(x)) * scale}")))));
    steps.add(single("check", single("switch", List.of(tooLarge))));
    steps.add(
        single(
            "round",
            single(
                "assign",
                List.of(
                    single("k", "${int(math.floor(scaled))}"),
                    single("half", "${double(string(k * 10 + 5) + \"e-\" + string(decimals + 1))}"),
                    single("digits", "${string(if(magnitude >= half, k + 1, k))}")))));
    Map<String, Object> padArgs = new LinkedHashMap<>();
    padArgs.put("text", "${digits}");
    padArgs.put("width", "${decimals + 1}");
    padArgs.put("before", true);
    padArgs.put("fill", "${\"0\"}");
    Map<String, Object> pad = new LinkedHashMap<>();
    pad.put("call", "statecraft_pad");
    pad.put("args", padArgs);
    pad.put("result", "digits");
    steps.add(single("pad", pad));
    Map<String, Object> whole = new LinkedHashMap<>();
    whole.put("condition", "${decimals == 0}");
    whole.put("return", "${digits}");
    steps.add(single("whole", single("switch", List.of(whole))));
    steps.add(
        single(
            "done",
            single(
                "return",
                "${text.substring(digits, 0, len(digits) - decimals) + \".\" +"
                    + " text.substring(digits, len(digits) - decimals, len(digits))}")));
    return subworkflow("fixed", steps);
  }

  /** The decimal {@code digits} with a comma before each group of three from the right. */
  private static Map<String, Object> grouped() {
    Map<String, Object> done = new LinkedHashMap<>();
    done.put("condition", "${i >= len(digits)}");
    done.put("return", "${out}");
    Map<String, Object> each = new LinkedHashMap<>();
    each.put(
        "assign",
        List.of(
            single(
                "out",
                "${out + if(i > 0 and (len(digits) - i) % 3 == 0, \",\", \"\")"
                    + " + text.substring(digits, i, i + 1)}"),
            single("i", "${i + 1}")));
    each.put("next", "check");
    List<Object> steps = new ArrayList<>();
    steps.add(single("init", single("assign", List.of(single("out", ""), single("i", 0)))));
    steps.add(single("check", single("switch", List.of(done))));
    steps.add(single("each", each));
    return subworkflow("grouped", steps);
  }

  /** Whether the element at index {@code a} comes strictly after the one at {@code b}. */
  private static Map<String, Object> keyAfter() {
    Map<String, Object> decides = new LinkedHashMap<>();
    decides.put("condition", "${k[a] != k[b]}");
    decides.put("return", "${if(descending[j], k[a] < k[b], k[a] > k[b])}");
    Map<String, Object> loop =
        forLoop("k", "j", "${keys}", List.of(single("decide", single("switch", List.of(decides)))));
    List<Object> steps = new ArrayList<>();
    steps.add(single("walk", single("for", loop)));
    steps.add(single("done", single("return", false)));
    return subworkflow("key_after", steps);
  }

  private static Map<String, Object> subworkflow(String name, List<Object> steps) {
    Map<String, Object> sub = new LinkedHashMap<>();
    sub.put("params", params(name));
    sub.put("steps", steps);
    return sub;
  }

  /** {@code text.repeat(count)}: Java's {@code IllegalArgumentException} for a negative count. */
  private static Map<String, Object> repeat() {
    Map<String, Object> negative = new LinkedHashMap<>();
    negative.put("condition", "${count < 0}");
    negative.put(
        "raise",
        single(
            "message",
            "${\"java.lang.IllegalArgumentException: count is negative: \" + string(count)}"));
    Map<String, Object> none = new LinkedHashMap<>();
    none.put("condition", "${count == 0}");
    none.put("return", "");
    List<Object> steps = new ArrayList<>();
    steps.add(single("check", single("switch", List.of(negative, none))));
    steps.add(single("init", single("assign", List.of(single("out", "")))));
    Map<String, Object> loop = new LinkedHashMap<>();
    loop.put("value", "i");
    loop.put("range", "${[1, count]}");
    loop.put(
        "steps",
        List.of(single("each", single("assign", List.of(single("out", "${out + text}"))))));
    steps.add(single("walk", single("for", loop)));
    steps.add(single("done", single("return", "${out}")));
    return subworkflow("repeat", steps);
  }

  /**
   * {@code text.indexOf(value, from)}: the first occurrence in the rest of {@code text} from {@code
   * from} clamped to {@code [0, len(text)]}, as in Java.
   */
  private static Map<String, Object> indexOfFrom() {
    List<Object> steps = new ArrayList<>();
    steps.add(
        single(
            "clamp",
            single(
                "assign", List.of(single("start", "${math.max(0, math.min(from, len(text)))}")))));
    // Java finds the empty string at the start; text.find_all is not documented for it.
    Map<String, Object> empty = new LinkedHashMap<>();
    empty.put("condition", "${value == \"\"}");
    empty.put("return", "${start}");
    steps.add(single("empty", single("switch", List.of(empty))));
    steps.add(
        single(
            "find",
            single(
                "assign",
                List.of(
                    single(
                        "found",
                        "${text.find_all(text.substring(text, start, len(text)), value)}")))));
    // A switch, not if(): Google documents no lazy evaluation of if()'s branches, and found[0]
    // fails when nothing was found.
    Map<String, Object> none = new LinkedHashMap<>();
    none.put("condition", "${len(found) == 0}");
    none.put("return", -1);
    steps.add(single("none", single("switch", List.of(none))));
    steps.add(single("done", single("return", "${start + found[0].index}")));
    return subworkflow("index_of_from", steps);
  }

  /**
   * {@code text.split(regex)} as Java splits: the pieces between the matches of the regular
   * expression (the compiler admits only patterns that mean the same in RE2 and that cannot match
   * the empty string), the whole text when nothing matches, and trailing empty pieces dropped.
   */
  private static Map<String, Object> split() {
    List<Object> steps = new ArrayList<>();
    steps.add(
        single(
            "find",
            single(
                "assign",
                List.of(
                    single("found", "${text.find_all_regex(text, regex)}"),
                    single("parts", List.of()),
                    single("start", 0),
                    single("used", false)))));
    // Java skips an empty match at the start (text.split("") has no leading empty piece).
    String skip = "(m.index == 0 and len(m.match) == 0)";
    steps.add(
        single(
            "cut",
            single(
                "for",
                forLoop(
                    "m",
                    null,
                    "${found}",
                    List.of(
                        single(
                            "piece",
                            single(
                                "assign",
                                List.of(
                                    single(
                                        "parts",
                                        "${if("
                                            + skip
                                            + ", parts, list.concat(parts, text.substring(text,"
                                            + " start, m.index)))}"),
                                    single(
                                        "start",
                                        "${if(" + skip + ", start, m.index + len(m.match))}"),
                                    single("used", "${used or not " + skip + "}")))))))));
    Map<String, Object> none = new LinkedHashMap<>();
    none.put("condition", "${not used}");
    none.put("return", "${list.concat([], text)}");
    steps.add(single("none", single("switch", List.of(none))));
    steps.add(
        single(
            "last",
            single(
                "assign",
                List.of(
                    single(
                        "parts", "${list.concat(parts, text.substring(text, start, len(text)))}"),
                    single("keep", 0),
                    single("out", List.of())))));
    steps.add(
        single(
            "trailing",
            single(
                "for",
                forLoop(
                    "p",
                    "i",
                    "${parts}",
                    List.of(
                        single(
                            "mark",
                            single(
                                "assign",
                                List.of(single("keep", "${if(p == \"\", keep, i + 1)}")))))))));
    steps.add(
        single(
            "copy",
            single(
                "for",
                forLoop(
                    "p",
                    "i",
                    "${parts}",
                    List.of(
                        single(
                            "take",
                            single(
                                "assign",
                                List.of(
                                    single(
                                        "out", "${if(i < keep, list.concat(out, p), out)}")))))))));
    steps.add(single("done", single("return", "${out}")));
    return subworkflow("split", steps);
  }

  /**
   * Java's {@code List.toString} of a list of strings, enums, numbers or booleans: {@code [a, b]},
   * {@code null} for a null list or element, a {@code double} with its {@code .0} ({@code kind} is
   * {@code string}, {@code double} or {@code other}).
   */
  private static Map<String, Object> listText() {
    List<Object> steps = new ArrayList<>();
    Map<String, Object> none = new LinkedHashMap<>();
    none.put("condition", "${items == null}");
    none.put("return", "null");
    steps.add(single("none", single("switch", List.of(none))));
    steps.add(single("init", single("assign", List.of(single("out", "")))));
    List<Object> cases = new ArrayList<>();
    cases.add(piece("${item == null}", "null"));
    cases.add(piece("${kind == \"string\"}", "${item}"));
    Map<String, Object> asDouble = new LinkedHashMap<>();
    asDouble.put("call", "statecraft_double_text");
    asDouble.put("args", single("x", "${item}"));
    asDouble.put("result", "piece");
    Map<String, Object> doubles = new LinkedHashMap<>();
    doubles.put("condition", "${kind == \"double\"}");
    doubles.put("steps", List.of(single("print_double", asDouble)));
    cases.add(doubles);
    cases.add(piece(true, "${string(item)}"));
    steps.add(
        single(
            "walk",
            single(
                "for",
                forLoop(
                    "item",
                    "i",
                    "${items}",
                    List.of(
                        single("reset", single("assign", List.of(single("piece", "")))),
                        single("convert", single("switch", cases)),
                        single(
                            "add",
                            single(
                                "assign",
                                List.of(
                                    single(
                                        "out", "${out + if(i == 0, \"\", \", \") + piece}")))))))));
    steps.add(single("done", single("return", "${\"[\" + out + \"]\"}")));
    return subworkflow("list_text", steps);
  }

  /**
   * Java's {@code Double.toString} of {@code x} (or {@code null}), from the digits of Cloud
   * Workflows' {@code string()} of the double, which are the shortest that read back as the same
   * double (as Java's are) in whichever form it prints them ({@code 0.1}, {@code 3.6e-05}, {@code
   * 1e+20}): the significant digits and the decimal point's place are read off, then printed as
   * Java does, plainly from 10^-3 to below 10^7 ({@code 420.0}, {@code 0.001}) and else as {@code
   * 3.6E-5}.
   */
  private static Map<String, Object> doubleText() {
    List<Object> steps = new ArrayList<>();
    Map<String, Object> none = new LinkedHashMap<>();
    none.put("condition", "${x == null}");
    none.put("return", "null");
    steps.add(single("none", single("switch", List.of(none))));
    steps.add(
        single(
            "parse",
            single(
                "assign",
                List.of(
                    single("t", "${string(double(x))}"),
                    single("negative", "${text.substring(t, 0, 1) == \"-\"}"),
                    single("t", "${text.replace_all_regex(t, \"^-\", \"\")}"),
                    single("at", "${text.find_all_regex(t, \"[eE]\")}"),
                    single("exponent", 0),
                    single("mantissa", "${t}")))));
    Map<String, Object> scientific = new LinkedHashMap<>();
    scientific.put("condition", "${len(at) > 0}");
    scientific.put(
        "steps",
        List.of(
            single(
                "exponent_part",
                single(
                    "assign",
                    List.of(
                        single(
                            "exponent",
                            "${int(text.replace_all_regex(text.substring(t, at[0].index + 1,"
                                + " len(t)), \"^[+]\", \"\"))}"),
                        single("mantissa", "${text.substring(t, 0, at[0].index)}"))))));
    steps.add(single("exponent", single("switch", List.of(scientific))));
    steps.add(
        single(
            "digits",
            single(
                "assign",
                List.of(
                    single(
                        "mantissa",
                        "${if(len(text.find_all(mantissa, \".\")) > 0, mantissa, mantissa +"
                            + " \".\")}"),
                    single("dot", "${text.find_all(mantissa, \".\")[0].index}"),
                    single(
                        "all",
                        "${text.substring(mantissa, 0, dot) + text.substring(mantissa, dot + 1,"
                            + " len(mantissa))}"),
                    single(
                        "point",
                        "${dot + exponent - (len(all) - len(text.replace_all_regex(all, \"^0+\","
                            + " \"\")))}"),
                    single("all", "${text.replace_all_regex(all, \"^0+\", \"\")}"),
                    single("all", "${text.replace_all_regex(all, \"0+$\", \"\")}"),
                    single("sign", "${if(negative, \"-\", \"\")}")))));
    // Beyond 10^21 the emulator prints the exact integer value of the double: the shortest of its
    // 15, 16 and 17 digit roundings that reads back as the double is Java's.
    Map<String, Object> take = new LinkedHashMap<>();
    take.put(
        "assign",
        List.of(
            single("all", "${text.replace_all_regex(candidate, \"0+$\", \"\")}"),
            single("point", "${point + shift}")));
    take.put("next", "break");
    Map<String, Object> fits = new LinkedHashMap<>();
    fits.put("condition", "${back == math.abs(double(x))}");
    fits.put("steps", List.of(single("take", take)));
    Map<String, Object> shorten =
        forLoop(
            "p",
            null,
            "${[15, 16, 17]}",
            List.of(
                single("clear", single("assign", List.of(single("back", null)))),
                roundOrOverflow(
                    single(
                        "assign",
                        List.of(
                            single(
                                "candidate",
                                "${string(int(text.substring(all, 0, p)) +"
                                    + " if(int(text.substring(all, p, p + 1)) >= 5, 1, 0))}"),
                            single("shift", "${len(candidate) - p}"),
                            single(
                                "back",
                                "${double(candidate + \"e\" + string(point + shift -"
                                    + " len(candidate)))}")))),
                single("fits", single("switch", List.of(fits)))));
    Map<String, Object> tooLong = new LinkedHashMap<>();
    tooLong.put("condition", "${len(all) > 17}");
    tooLong.put("steps", List.of(single("shorten", single("for", shorten))));
    steps.add(single("long", single("switch", List.of(tooLong))));
    List<Object> forms = new ArrayList<>();
    // An expression, not the text 0.0, which YAML would read as a number.
    forms.add(returning("${all == \"\"}", "${\"0.0\"}"));
    forms.add(
        returning(
            "${point < -2 or point > 7}",
            "${sign + text.substring(all, 0, 1) + \".\" + if(len(all) > 1, text.substring(all, 1,"
                + " len(all)), \"0\") + \"E\" + string(point - 1)}"));
    forms.add(
        returning(
            "${point <= 0}", "${sign + \"0.\" + text.substring(\"00\", 0, 0 - point) + all}"));
    forms.add(
        returning(
            "${point >= len(all)}",
            "${sign + all + text.substring(\"0000000\", 0, point - len(all)) + \".0\"}"));
    steps.add(single("form", single("switch", forms)));
    steps.add(
        single(
            "done",
            single(
                "return",
                "${sign + text.substring(all, 0, point) + \".\" + text.substring(all, point,"
                    + " len(all))}")));
    return subworkflow("double_text", steps);
  }

  /**
   * The rounding step of {@code statecraft_double_text} in a {@code try}: a rounding of a double
   * near the largest one may be out of the double range, and is then no candidate.
   */
  private static Map<String, Object> roundOrOverflow(Map<String, Object> assign) {
    Map<String, Object> except = new LinkedHashMap<>();
    except.put("as", "overflow");
    except.put(
        "steps", List.of(single("no_candidate", single("assign", List.of(single("back", null))))));
    Map<String, Object> guarded = new LinkedHashMap<>();
    guarded.put("try", assign);
    guarded.put("except", except);
    return single("round", guarded);
  }

  private static Map<String, Object> returning(Object condition, Object value) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("condition", condition);
    c.put("return", value);
    return c;
  }

  private static Map<String, Object> piece(Object condition, String value) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("condition", condition);
    c.put("steps", List.of(single("set", single("assign", List.of(single("piece", value))))));
    return c;
  }

  /**
   * {@code E.valueOf(value)}: the name itself when it is one of {@code names}, else Java's {@code
   * IllegalArgumentException}.
   */
  private static Map<String, Object> valueOf() {
    Map<String, Object> none = new LinkedHashMap<>();
    none.put("condition", "${value == null}");
    none.put("raise", single("message", "java.lang.NullPointerException: Name is null"));
    Map<String, Object> known = new LinkedHashMap<>();
    known.put("condition", "${value in names}");
    known.put("return", "${value}");
    List<Object> steps = new ArrayList<>();
    steps.add(single("check", single("switch", List.of(none, known))));
    steps.add(
        single(
            "unknown",
            single(
                "raise",
                single(
                    "message",
                    "${\"java.lang.IllegalArgumentException: No enum constant \" + type + \".\""
                        + " + value}"))));
    return subworkflow("value_of", steps);
  }

  /**
   * An insertion sort: each item goes before the first element greater than it, so equal elements
   * keep their order, as Java's stable sort keeps them.
   */
  private static Map<String, Object> sorted() {
    Map<String, Object> inner =
        forLoop(
            "o",
            null,
            "${out}",
            List.of(
                single(
                    "place",
                    single(
                        "assign",
                        List.of(
                            single(
                                "next",
                                "${if(not(placed) and item < o,"
                                    + " list.concat(list.concat(next, item), o),"
                                    + " list.concat(next, o))}"),
                            single("placed", "${placed or item < o}"))))));
    Map<String, Object> outer =
        forLoop(
            "item",
            null,
            "${items}",
            List.of(
                single(
                    "reset",
                    single("assign", List.of(single("next", List.of()), single("placed", false)))),
                single("insert", single("for", inner)),
                single(
                    "keep",
                    single(
                        "assign",
                        List.of(single("out", "${if(placed, next, list.concat(next, item))}"))))));
    List<Object> steps = new ArrayList<>();
    steps.add(single("init", single("assign", List.of(single("out", List.of())))));
    steps.add(single("walk", single("for", outer)));
    steps.add(single("done", single("return", "${out}")));
    return subworkflow("sorted", steps);
  }
}
