package dev.statecraft.testing.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes random workflow programs within the workflow language, one class per seed: arithmetic on
 * {@code int}, {@code long} and {@code double}, strings, booleans, records and lists; if/else,
 * loops with break and continue, switches, try/catch/finally, throws, retries, Durable.map,
 * Durable.parallel and sleeps, all around calls of the deterministic {@code Ops} activities. The
 * same seed always gives the same program.
 *
 * <p>Programs stay inside what every target computes exactly like Java: integers stay far from
 * overflow (values are kept modulo 997), doubles are halves and quarters of small integers, and
 * divisors are non-zero literals.
 */
final class ProgramGenerator {
  private static final int MAX_DEPTH = 3;

  private final Random random;
  private final StringBuilder out = new StringBuilder();
  private int indent;
  private int fresh;
  private boolean concurrent;
  private final List<String> ints = new ArrayList<>(List.of("i", "j"));

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
    int statements = 3 + random.nextInt(6);
    for (int k = 0; k < statements; k++) {
      statement(0);
    }
    line("return new Result(i, j, l, d, b, s, log);");
    indent--;
    line("}");
    indent--;
    line("}");
    return out.toString();
  }

  private void statement(int depth) {
    int choice = random.nextInt(depth >= MAX_DEPTH ? 9 : 22);
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
      default -> line("i = ops.flaky(i % 7);");
    }
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
    switch (random.nextInt(4)) {
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
    int n = 1 + random.nextInt(2);
    for (int x = 0; x < n; x++) {
      statement(depth + 1);
    }
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
      statement(depth + 1);
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
      line("log.add(\"finally\");");
      indent--;
    }
    line("}");
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
