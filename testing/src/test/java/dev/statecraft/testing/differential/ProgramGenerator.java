package dev.statecraft.testing.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes random workflow programs within the workflow language, one class per seed: arithmetic on
 * {@code int}, {@code long} and {@code double}, strings, booleans, records, lists and lists of
 * lists; if/else, while, do/while and for loops (their conditions calling activities) with break
 * and continue, switches, try/catch/finally with return, throw, break and continue in the try, the
 * catch and the finally, throws, retries, Durable.map, Durable.parallel and sleeps, all around
 * calls of the deterministic {@code Ops} activities; {@code list.get} out of range, {@code split}
 * of edge strings and separators, {@code trim} and case changes of edge strings. The same seed
 * always gives the same program.
 *
 * <p>Programs stay inside what every target computes exactly like Java: integers stay far from
 * overflow (values are kept modulo 997), doubles are halves and quarters of small integers, and
 * divisors are non-zero literals, but some doubles print with 16 and 17 significant digits ({@code
 * 5.0 / 6}, {@code 0.1 + 0.2}; {@code -Dstatecraft.difftest.doubles17=false} leaves them out).
 * Three more flags, off by default, turn on programs that known compiler bugs make differ: {@code
 * statecraft.difftest.finallyChangesReturned}, {@code statecraft.difftest.throwingCodeInTry} and
 * {@code statecraft.difftest.immutableListIndex} (see the constants).
 */
final class ProgramGenerator {
  private static final int MAX_DEPTH = 3;

  /** Doubles whose shortest round-trip form has 16 or 17 significant digits. */
  static final boolean DOUBLES_17 =
      Boolean.parseBoolean(System.getProperty("statecraft.difftest.doubles17", "true"));

  /**
   * {@code get} past the end of a {@code List.of} list, whose exception message ("Index: 1 Size:
   * 1") differs from ArrayList's ("Index 1 out of bounds for length 1"), which the engine gives.
   */
  static final boolean IMMUTABLE_LIST_INDEX =
      Boolean.getBoolean("statecraft.difftest.immutableListIndex");

  /**
   * A {@code finally} that changes the list a {@code return} in its try or catch already put into
   * the result: Java's result sees the change, the compiled one would not, so the compiler refuses
   * it ({@code ALIASED_COLLECTION}): with the flag on, the programs do not compile.
   */
  static final boolean FINALLY_CHANGES_RETURNED =
      Boolean.getBoolean("statecraft.difftest.finallyChangesReturned");

  /**
   * {@code list.get} out of range inside a try, catch or finally: on AWS the assignments before it
   * in the same state are lost, and a catch or finally after workflow code that throws is skipped.
   */
  static final boolean THROWING_CODE_IN_TRY =
      Boolean.getBoolean("statecraft.difftest.throwingCodeInTry");

  private static final String[] EDGE_STRINGS = {
    "",
    " ",
    "  padded  ",
    "\\t tab\\n",
    "a  b",
    "\\n\\n",
    ",,,",
    "a,,b,",
    " a  b c ",
    "a;b,,c;",
    "Stra\\u00dfe",
    "\\u0130stanbul",
    "\\u01c5ungla",
    "\\u03a3\\u0391\\u03a3",
    "\\u00a0nbsp\\u00a0",
    "x\\u0001",
    "MiXeD 9"
  };

  private final Random random;
  private final StringBuilder out = new StringBuilder();
  private int indent;
  private int fresh;
  private boolean concurrent;
  private final List<String> ints = new ArrayList<>(List.of("i", "j"));

  /** Enclosing loops (and switches, which a {@code break} also leaves) of the current statement. */
  private int loops;

  /** The {@code return}s written so far. */
  private int returns;

  /** Enclosing try statements of the current statement. */
  private int tries;

  private ProgramGenerator(long seed) {
    this.random = new Random(seed);
  }

  /**
   * A generated program: its class name, workflow name, source, and whether it runs branches
   * concurrently.
   */
  record Program(
      long seed, String className, String workflowName, String source, boolean concurrent) {}

  static Program generate(long seed) {
    ProgramGenerator g = new ProgramGenerator(seed);
    String className =
        "Gen"
            + Long.toUnsignedString(seed, 36).toUpperCase(java.util.Locale.ROOT).replace('-', 'M');
    String name = "gen-" + Long.toUnsignedString(seed, 36);
    String source = g.program(className, name);
    return new Program(seed, className, name, source, g.concurrent);
  }

  private String program(String className, String name) {
    line("package gen;");
    line("");
    line("import dev.statecraft.api.Durable;");
    line("import dev.statecraft.api.Pair;");
    line("import dev.statecraft.api.Workflow;");
    line("import dev.statecraft.api.WorkflowFailure;");
    line("import dev.statecraft.api.WorkflowMethod;");
    line("import java.time.Duration;");
    line("import java.util.ArrayList;");
    line("import java.util.List;");
    line("import java.util.stream.Collectors;");
    line("");
    line("@Workflow(name = \"" + name + "\")");
    line("public class " + className + " {");
    indent++;
    line("private final Ops ops = Durable.activities(Ops.class);");
    line("");
    line("@WorkflowMethod");
    line("public Result run(Input in) {");
    indent++;
    line("int i = in.seed() % 997;");
    line("int j = in.numbers().size();");
    line("long l = 1L;");
    line("double d = 0.5;");
    line("boolean b = in.name().isEmpty();");
    line("String s = in.name();");
    line("List<String> log = new ArrayList<>();");
    line("List<List<String>> grid = new ArrayList<>();");
    int statements = 3 + random.nextInt(6);
    for (int k = 0; k < statements; k++) {
      statement(0);
    }
    line("for (List<String> row : grid) {");
    indent++;
    line("log.add(row.size() + \"[\" + String.join(\"|\", row) + \"]\");");
    indent--;
    line("}");
    line("return new Result(i, j, l, d, b, s, log);");
    indent--;
    line("}");
    indent--;
    line("}");
    return out.toString();
  }

  private void statement(int depth) {
    int choice = random.nextInt(depth >= MAX_DEPTH ? 9 : 30);
    if (choice < 9 && random.nextInt(3) == 0) {
      edgeStatement();
      return;
    }
    switch (choice) {
      case 0, 1 -> line(intVar() + " = " + intExpr(2) + " % 997;");
      case 2 -> line("l = (l * 3 + " + intAtom() + ") % 100003L;");
      case 3 -> line("d = (d * 2.0 + " + intAtom() + " % 8 / 4.0) % 1000.0;");
      case 4 -> line("s = " + stringExpr() + ";");
      case 5 -> line("b = " + boolExpr() + ";");
      case 6 -> line("log.add(\"" + word() + "\" + " + atom() + ");");
      case 7 -> activityStatement();
      case 8 -> line("s = s.length() > 12 ? s.substring(0, 6) : s;");
      case 9, 10 -> ifStatement(depth);
      case 11 -> whileLoop(depth);
      case 12 -> forEach(depth);
      case 13 -> switchStatement(depth);
      case 14 -> tryCatch(depth);
      case 15 -> map();
      case 16 -> parallel();
      case 17 -> {
        line("if (" + intVar() + " % 13 == " + random.nextInt(13) + ") {");
        indent++;
        line(
            "throw new WorkflowFailure(\"Gen"
                + random.nextInt(3)
                + "\", \"stopped at \" + i + \"/\" + s);");
        indent--;
        line("}");
      }
      case 18 -> line("Durable.sleep(Duration.ofSeconds(" + (1 + random.nextInt(90)) + "));");
      case 19 -> stream();
      case 20 -> {
        String t = "p" + fresh++;
        line("String[] " + t + " = (s + \",\" + " + atom() + ").split(\",\");");
        line(
            "s = "
                + t
                + ".length > 1 ? "
                + t
                + "["
                + t
                + ".length - 1] + "
                + t
                + "[0].length() : String.join(\"/\", "
                + t
                + ");");
      }
      case 21 -> line("i = ops.flaky(i % 7);");
      case 22, 23 -> activityConditionLoop(depth);
      case 24, 25 -> tryWithJumps(depth);
      case 26 -> nested(depth);
      case 27 -> {
        if (loops > 0) {
          line("if (" + boolExpr() + ") {");
          indent++;
          line(random.nextBoolean() ? "break;" : "continue;");
          indent--;
          line("}");
        } else {
          edgeStatement();
        }
      }
      default -> edgeStatement();
    }
  }

  /** A statement on the edges: nested lists, out-of-range reads, edge strings, long doubles. */
  private void edgeStatement() {
    switch (random.nextInt(DOUBLES_17 ? 9 : 8)) {
      case 0 -> grow();
      case 1 -> {
        if (tries == 0 || THROWING_CODE_IN_TRY) {
          outOfRange();
        } else {
          grow();
        }
      }
      case 2, 3 -> splitEdge();
      case 4, 5 -> caseAndTrim();
      case 6 -> line("log.add(String.valueOf(grid.size()) + grid.isEmpty());");
      case 7 -> nullable();
      default -> longDouble();
    }
  }

  private String edge() {
    return "\"" + EDGE_STRINGS[random.nextInt(EDGE_STRINGS.length)] + "\"";
  }

  /** Adds a row to the list of lists, never one that is changed afterwards. */
  private void grow() {
    switch (random.nextInt(4)) {
      case 0 -> line("grid.add(List.of(s, \"" + word() + "\"));");
      case 1 -> line("grid.add(new ArrayList<>(log));");
      case 2 -> line("grid.add(List.of(" + edge() + "));");
      default -> {
        String r = "r" + fresh++;
        line("List<String> " + r + " = new ArrayList<>();");
        line(r + ".add(String.valueOf(" + atom() + "));");
        line(r + ".add(s);");
        // In a loop, each iteration's new list is a fresh one: sharing it is fine.
        line("grid.add(" + r + ");");
      }
    }
  }

  /**
   * Reads of input fields that are missing from some inputs: printed, compared, stored in a local,
   * and now and then dereferenced, which is a {@code NullPointerException} in Java when missing.
   */
  private void nullable() {
    String t = "n" + fresh++;
    line("String " + t + " = in.note();");
    switch (random.nextInt(5)) {
      case 0 -> line("log.add(\"note=\" + " + t + " + \" bonus=\" + in.bonus());");
      case 1 -> line("s = " + t + " == null ? s : s + " + t + ".length();");
      case 2 -> line("b = b || \"alpha\".equals(" + t + ");");
      case 3 -> line("log.add(String.valueOf(in.bonus() == null ? -1 : in.bonus() + i % 5));");
      default -> {
        // Java throws where the note is missing: rare, so that most programs still succeed.
        line("if (" + intVar() + " % 7 == 0) {");
        indent++;
        line("log.add(" + t + ".trim() + " + t + ".length());");
        indent--;
        line("}");
      }
    }
  }

  /** Reads of lists with an index that may be out of range, negative or past the end. */
  private void outOfRange() {
    int n = 1 + random.nextInt(5);
    switch (random.nextInt(4)) {
      case 0 -> line("i = (i + in.numbers().get(" + intVar() + " % " + n + ")) % 997;");
      case 1 -> line("log.add(log.get(" + intVar() + " % " + n + "));");
      case 2 -> line("s = grid.get(" + intVar() + " % " + n + ").get(0);");
      default ->
          line(
              "log.add(grid.isEmpty() ? \"none\" : grid.get(grid.size() - 1).get("
                  + (IMMUTABLE_LIST_INDEX ? random.nextInt(3) : 0)
                  + "));");
    }
  }

  /** {@code split} of edge strings, by one character and by simple regular expressions. */
  private void splitEdge() {
    String[] separators = {",", "\\n", ";", " ", "\\\\s+", "[,;]", ",+", "a"};
    String t = "p" + fresh++;
    String text = random.nextBoolean() ? edge() : "(" + edge() + " + s + " + edge() + ")";
    line(
        "String[] "
            + t
            + " = "
            + text
            + ".split(\""
            + separators[random.nextInt(separators.length)]
            + "\");");
    line("log.add(" + t + ".length + \":\" + String.join(\"/\", " + t + "));");
  }

  /** {@code trim}, {@code toUpperCase} and {@code toLowerCase} of edge strings. */
  private void caseAndTrim() {
    String[] calls = {"trim()", "toUpperCase()", "toLowerCase()", "trim().length()", "isBlank()"};
    String text = random.nextBoolean() ? edge() : "(" + edge() + " + s)";
    String call = calls[random.nextInt(calls.length)];
    line("log.add(\"<\" + " + text + "." + call + " + \">\");");
  }

  /** Doubles whose shortest round-trip digits are 16 or 17, printed by string concatenation. */
  private void longDouble() {
    String[] values = {"5.0 / 6", "0.1 + 0.2", "1e-5 * 3.6", "2.0 / 3", "1.0 / 3 * d", "d / 7"};
    line("d = " + values[random.nextInt(values.length)] + ";");
    line("log.add(\"d=\" + d);");
  }

  /** Lists of lists: rows appended, read back, iterated. */
  private void nested(int depth) {
    grow();
    switch (random.nextInt(3)) {
      case 0 -> {
        String row = "row" + fresh++;
        line("for (List<String> " + row + " : grid) {");
        indent++;
        line("j = (j + " + row + ".size()) % 997;");
        if (depth < MAX_DEPTH && random.nextBoolean()) {
          line("if (!" + row + ".isEmpty()) {");
          indent++;
          line("s = " + row + ".get(0);");
          indent--;
          line("}");
        }
        indent--;
        line("}");
      }
      case 1 -> {
        String t = "g" + fresh++;
        line("List<List<String>> " + t + " = new ArrayList<>();");
        line(t + ".add(List.of(\"" + word() + "\", s));");
        line(t + ".add(List.of());");
        line(
            "log.add("
                + t
                + ".get(0).get(1) + "
                + t
                + ".size() + "
                + t
                + ".get(1).size() + grid.get(grid.size() - 1).size());");
      }
      default -> line("log.addAll(grid.get(grid.size() - 1));");
    }
  }

  /** while, do/while and for loops whose condition calls an activity. */
  private void activityConditionLoop(int depth) {
    String k = "k" + fresh++;
    int offset = random.nextInt(5);
    String condition =
        random.nextInt(3) == 0
            ? "ops.check(" + k + " * 2) && " + k + " < " + (1 + random.nextInt(4))
            : "ops.add(" + k + ", " + offset + ") < " + (offset + 1 + random.nextInt(4));
    switch (random.nextInt(3)) {
      case 0 -> {
        line("int " + k + " = 0;");
        line("while (" + condition + ") {");
        indent++;
        line(k + "++;");
        loopBody(depth);
        indent--;
        line("}");
      }
      case 1 -> {
        line("int " + k + " = 0;");
        line("do {");
        indent++;
        line(k + "++;");
        loopBody(depth);
        indent--;
        line("} while (" + condition + ");");
      }
      default -> {
        line("for (int " + k + " = 0; " + condition + "; " + k + "++) {");
        indent++;
        loopBody(depth);
        indent--;
        line("}");
      }
    }
  }

  private void loopBody(int depth) {
    loops++;
    int n = 1 + random.nextInt(2);
    for (int x = 0; x < n; x++) {
      statement(depth + 1);
    }
    loops--;
  }

  /** try/catch/finally with jumps out of the try, the catch and the finally. */
  private void tryWithJumps(int depth) {
    tries++;
    int returnsBefore = returns;
    line("try {");
    indent++;
    line(intVar() + " = ops.risky(" + intAtom() + ");");
    if (random.nextBoolean()) {
      statement(depth + 1);
    }
    maybeJump(true);
    indent--;
    String e = "e" + fresh++;
    line("} catch (OpFailed " + e + ") {");
    indent++;
    line("log.add(\"caught \" + " + e + ".getMessage());");
    if (random.nextInt(3) == 0) {
      line(jump());
    } else {
      maybeJump(false);
    }
    indent--;
    if (random.nextInt(3) > 0) {
      line("} finally {");
      indent++;
      if (returns == returnsBefore || FINALLY_CHANGES_RETURNED) {
        line("log.add(\"finally \" + i);");
      } else {
        line("i = (i + 1) % 997;");
      }
      maybeJump(true);
      indent--;
    }
    line("}");
    tries--;
  }

  /** Sometimes a conditional jump; {@code often} makes it likelier. */
  private void maybeJump(boolean often) {
    if (random.nextInt(often ? 2 : 3) == 0) {
      line("if (" + boolExpr() + ") {");
      indent++;
      line(jump());
      indent--;
      line("}");
    }
  }

  private String jump() {
    int kinds = loops > 0 ? 4 : 2;
    int kind = random.nextInt(kinds);
    returns += kind == 0 ? 1 : 0;
    return switch (kind) {
      case 0 -> "return new Result(i, j, l, d, b, s, log);";
      case 1 -> "throw new WorkflowFailure(\"Jump\", \"left at \" + i + \"/\" + s);";
      case 2 -> "break;";
      default -> "continue;";
    };
  }

  /** A stream pipeline over the input's numbers; lambdas read only constants and the input. */
  private void stream() {
    int k = random.nextInt(15);
    switch (random.nextInt(5)) {
      case 0 ->
          line("j = (int) in.numbers().stream().filter(v -> v % 2 == " + k % 2 + ").count();");
      case 1 -> {
        String t = "q" + fresh++;
        line(
            "int "
                + t
                + " = in.numbers().stream().mapToInt(v -> v * "
                + (1 + k)
                + " - in.seed() % 7).sum();");
        line("i = (i + " + t + ") % 997;");
      }
      case 2 -> line("b = in.numbers().stream().anyMatch(v -> v > " + k + ");");
      case 3 ->
          line(
              "s = in.numbers().stream().filter(v -> v < "
                  + k
                  + ").map(v -> \"n\" + v).collect(Collectors.joining(\",\", \"<\", \">\"));");
      default -> {
        String t = "q" + fresh++;
        line(
            "List<String> "
                + t
                + " = in.numbers().stream().map(v -> ops.tag(\"w\", v)).filter(w -> w.length() > "
                + (2 + k % 3)
                + ").toList();");
        line("log.addAll(" + t + ");");
      }
    }
  }

  private void activityStatement() {
    switch (random.nextInt(5)) {
      // What Java evaluates before the call, and may fail (i % 13 == 0), fails before it runs.
      case 4 -> line("s = \"q\" + 100 / (i % 13) + ops.tag(s, " + intAtom() + ");");
      case 0 -> line(intVar() + " = ops.add(" + intAtom() + ", " + intAtom() + ") % 997;");
      case 1 -> line("s = ops.tag(s, " + intAtom() + ");");
      case 2 -> line("b = ops.check(" + intAtom() + ");");
      default -> line("log.add(ops.tag(\"" + word() + "\", ops.add(i, j) % 10));");
    }
  }

  private void ifStatement(int depth) {
    line("if (" + boolExpr() + ") {");
    block(depth);
    if (random.nextBoolean()) {
      line("} else {");
      block(depth);
    }
    line("}");
  }

  private void block(int depth) {
    indent++;
    int n = 1 + random.nextInt(3);
    for (int k = 0; k < n; k++) {
      statement(depth + 1);
    }
    indent--;
  }

  private void whileLoop(int depth) {
    String k = "k" + fresh++;
    line("int " + k + " = 0;");
    line("while (" + k + " < " + (1 + random.nextInt(4)) + ") {");
    indent++;
    line(k + "++;");
    if (random.nextInt(3) == 0) {
      line("if (" + intVar() + " % 5 == " + random.nextInt(5) + ") {");
      indent++;
      line(random.nextBoolean() ? "break;" : "continue;");
      indent--;
      line("}");
    }
    loopBody(depth);
    indent--;
    line("}");
  }

  private void forEach(int depth) {
    String v = "n" + fresh++;
    String source =
        random.nextBoolean()
            ? "in.numbers()"
            : "List.of(" + random.nextInt(9) + ", " + random.nextInt(9) + ")";
    line("for (int " + v + " : " + source + ") {");
    indent++;
    ints.add(v);
    line("i = (i + " + v + ") % 997;");
    if (random.nextBoolean()) {
      loops++;
      statement(depth + 1);
      loops--;
    }
    ints.remove(v);
    indent--;
    line("}");
  }

  private void switchStatement(int depth) {
    line("switch (" + intVar() + " % 3) {");
    indent++;
    for (int c = 0; c < 2; c++) {
      line("case " + c + " -> {");
      indent++;
      statement(depth + 1);
      indent--;
      line("}");
    }
    line("default -> log.add(\"other\");");
    indent--;
    line("}");
  }

  private void tryCatch(int depth) {
    tries++;
    int returnsBefore = returns;
    line("try {");
    indent++;
    line(intVar() + " = ops.risky(" + intAtom() + ");");
    if (random.nextBoolean()) {
      statement(depth + 1);
    }
    indent--;
    String e = "e" + fresh++;
    line("} catch (OpFailed " + e + ") {");
    indent++;
    line("log.add(\"caught \" + " + e + ".getMessage());");
    indent--;
    if (random.nextBoolean()) {
      line("} finally {");
      indent++;
      line(
          returns == returnsBefore || FINALLY_CHANGES_RETURNED
              ? "log.add(\"finally\");"
              : "j = (j + 1) % 997;");
      indent--;
    }
    line("}");
    tries--;
  }

  /** A copy of an int the lambdas can capture: Java captures only effectively final locals. */
  private String captured() {
    String c = "c" + fresh++;
    line("final int " + c + " = " + intVar() + ";");
    return c;
  }

  private void map() {
    concurrent = true;
    String c = captured();
    String r = "m" + fresh++;
    String limit = random.nextBoolean() ? "" : (1 + random.nextInt(3)) + ", ";
    if (random.nextBoolean()) {
      line(
          "List<Integer> "
              + r
              + " = Durable.map(in.numbers(), "
              + limit
              + "x -> ops.add(x, "
              + c
              + "));");
    } else {
      line("List<Integer> " + r + " = Durable.map(in.numbers(), " + limit + "x -> {");
      indent++;
      line("if (x % 2 == 0) {");
      indent++;
      line("return x * 3;");
      indent--;
      line("}");
      line("return ops.add(x, 1);");
      indent--;
      line("});");
    }
    line("j = (j + " + r + ".size() + (" + r + ".isEmpty() ? 0 : " + r + ".get(0))) % 997;");
  }

  private void parallel() {
    concurrent = true;
    String c = captured();
    String t = "t" + fresh++;
    line("final String " + t + " = s;");
    String r = "p" + fresh++;
    line(
        "Pair<Integer, String> "
            + r
            + " = Durable.parallel(() -> ops.add("
            + c
            + ", 2), () -> ops.tag("
            + t
            + ", "
            + c
            + "));");
    line("s = " + r + ".second() + \"/\" + " + r + ".first();");
  }

  private String intVar() {
    return ints.get(random.nextInt(ints.size()));
  }

  private String intAtom() {
    return random.nextInt(3) == 0 ? String.valueOf(random.nextInt(50)) : intVar();
  }

  private String atom() {
    return switch (random.nextInt(5)) {
      case 0 -> "s";
      case 1 -> "b";
      case 2 -> "d";
      case 3 -> "l";
      default -> intVar();
    };
  }

  private String intExpr(int depth) {
    if (depth == 0 || random.nextInt(3) == 0) {
      return intAtom();
    }
    return switch (random.nextInt(10)) {
      case 8 -> "s.lastIndexOf(\"" + "aelt".charAt(random.nextInt(4)) + "\")";
      case 9 -> "(int) Math.round(d * " + (1 + random.nextInt(5)) + ".5)";
      case 0 -> "(" + intExpr(depth - 1) + " + " + intExpr(depth - 1) + ")";
      case 1 -> "(" + intExpr(depth - 1) + " - " + intExpr(depth - 1) + ")";
      case 2 -> "(" + intAtom() + " % 50 * " + (1 + random.nextInt(9)) + ")";
      case 3 -> "(" + intExpr(depth - 1) + " / " + (1 + random.nextInt(7)) + ")";
      case 4 -> "(" + intExpr(depth - 1) + " % " + (2 + random.nextInt(7)) + ")";
      case 5 -> "Math.max(" + intExpr(depth - 1) + ", " + intExpr(depth - 1) + ")";
      case 6 -> "s.length()";
      default -> "(" + boolExpr() + " ? " + intAtom() + " : " + intAtom() + ")";
    };
  }

  private String stringExpr() {
    return switch (random.nextInt(8)) {
      case 6 -> "s.replace(\"" + "aelt".charAt(random.nextInt(4)) + "\", \"" + word() + "\")";
      case 7 -> "String.format(\"%s=%d%%\", s, " + intExpr(1) + ")";
      case 0 -> "s + \"" + word() + "\" + " + atom();
      case 1 -> "\"" + word() + "\" + " + intExpr(1);
      case 2 -> "s.toUpperCase()";
      case 3 -> "s.isEmpty() ? \"empty\" : s.substring(0, 1) + s.length()";
      case 4 -> "String.valueOf(" + atom() + ")";
      default -> "s + (b ? \"T\" : \"F\")";
    };
  }

  private String boolExpr() {
    return switch (random.nextInt(7)) {
      case 0 -> intVar() + " > " + intAtom();
      case 1 -> intVar() + " % 2 == 0";
      case 2 -> "!b";
      case 3 -> "b && " + intVar() + " < 100";
      case 4 ->
          "s.contains(\"" + word().charAt(0) + "\") || " + intVar() + " == " + random.nextInt(5);
      case 5 -> "s.isBlank() || s.equalsIgnoreCase(\"" + word().toUpperCase() + "\")";
      default -> "s.equals(\"" + word() + "\")";
    };
  }

  private String word() {
    String[] words = {"alpha", "beta", "gamma", "delta", "eps"};
    return words[random.nextInt(words.length)];
  }

  private void line(String text) {
    out.append("  ".repeat(indent)).append(text).append('\n');
  }
}
