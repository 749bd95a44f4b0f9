package dev.statecraft.compiler.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.api.spi.DurableRuntime;
import dev.statecraft.compiler.CompilationResult;
import dev.statecraft.compiler.StatecraftCompiler;
import dev.statecraft.compiler.Target;
import dev.statecraft.compiler.TestPaths;
import dev.statecraft.compiler.diagnostic.SourceFile;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loops without durable calls compile to one JSONata expression ({@link DataLoops}): the workflow
 * below is one Task state, and its {@code Output} gives what the same Java gives, on the local
 * engine's JSONata and on JavaScript JSONata 2.0.6 as Step Functions runs it, for lists long enough
 * that the loop's tail recursion would overflow a stack that grew with each iteration.
 */
class DataLoopsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path NODE_MODULES = TestPaths.root().resolve("tools/node_modules");

  private static final String WORKFLOW =
      """
      package loops;

      import dev.statecraft.api.Activities;
      import dev.statecraft.api.Durable;
      import dev.statecraft.api.Workflow;
      import dev.statecraft.api.WorkflowMethod;
      import java.util.ArrayList;
      import java.util.LinkedHashMap;
      import java.util.List;
      import java.util.Map;

      @Workflow
      public class Summary {
        @Activities
        public interface Search {
          List<String> search(String query);
        }

        private final Search search = Durable.activities(Search.class);

        @WorkflowMethod
        public String run(String query) {
          List<String> items = search.search(query);
          int total = 0;
          int firstLong = -1;
          List<List<String>> groups = new ArrayList<>();
          Map<String, Integer> counts = new LinkedHashMap<>();
          for (int i = 0; i < items.size(); i++) {
            String s = items.get(i);
            if (s.startsWith("x")) {
              continue;
            }
            total += s.length();
            if (firstLong < 0 && s.length() > 3) {
              firstLong = i;
            }
            String key = s.substring(0, 1);
            counts.put(key, counts.getOrDefault(key, 0) + 1);
          }
          for (String s : items) {
            List<String> group = new ArrayList<>();
            for (String t : items) {
              if (group.size() == 2) {
                break;
              }
              if (!t.equals(s) && t.startsWith(s.substring(0, 1))) {
                group.add(t);
              }
            }
            groups.add(group);
            if (groups.size() == 3) {
              break;
            }
          }
          int n = 0;
          int steps = 0;
          do {
            n = n * 3 + 1;
            steps++;
          } while (n < items.size() * 10);
          String joined = "";
          int k = items.size();
          while (k > 0) {
            k = k / 2;
            joined = joined + k + ";";
          }
          List<String> upper = items.stream().filter(s -> !s.isEmpty()).map(String::toUpperCase).toList();
          return total + " " + firstLong + " " + counts + " " + groups + " " + steps + " " + joined
              + " " + upper.size() + (upper.isEmpty() ? "" : upper.get(upper.size() - 1));
        }
      }
      """;

  private static final String IMPL =
      "package loops;\nimport java.util.List;\npublic class SearchImpl implements"
          + " Summary.Search {\n  public List<String> search(String q) { return List.of(q); }\n}\n";

  /** The workflow itself, compiled by javac and run as plain Java: the reference. */
  private static Method javaRun;

  private static Object javaWorkflow;

  /** What the workflow gives as plain Java when the search finds {@code items}. */
  static String java(List<String> items) throws Exception {
    // Only the activity call reaches the runtime: it answers with the items.
    DurableRuntime answers =
        (DurableRuntime)
            Proxy.newProxyInstance(
                DataLoopsTest.class.getClassLoader(),
                new Class<?>[] {DurableRuntime.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("callActivity")) {
                    return items;
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
    try (DurableRuntime.Scope scope = DurableRuntime.bind(answers)) {
      return (String) javaRun.invoke(javaWorkflow, "q");
    }
  }

  private static void compileJava(Path dir) throws Exception {
    Path src = Files.createDirectories(dir.resolve("src/loops"));
    Files.writeString(src.resolve("Summary.java"), WORKFLOW);
    Files.writeString(src.resolve("SearchImpl.java"), IMPL);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    int status =
        ToolProvider.getSystemJavaCompiler()
            .run(
                null,
                null,
                null,
                "-d",
                classes.toString(),
                "-classpath",
                System.getProperty("java.class.path"),
                src.resolve("Summary.java").toString(),
                src.resolve("SearchImpl.java").toString());
    assertEquals(0, status, "javac compiles the workflow");
    URLClassLoader loader =
        new URLClassLoader(
            new URL[] {classes.toUri().toURL()}, DataLoopsTest.class.getClassLoader());
    Class<?> type = loader.loadClass("loops.Summary");
    javaRun = type.getMethod("run", String.class);
    javaWorkflow = type.getConstructor().newInstance();
  }

  private static String output;
  private static final List<List<String>> INPUTS = new ArrayList<>();

  @BeforeAll
  static void compile(@TempDir Path dir) throws Exception {
    compileJava(dir);
    CompilationResult result =
        StatecraftCompiler.compile(
            List.of(
                new SourceFile("loops/Summary.java", WORKFLOW),
                new SourceFile("loops/SearchImpl.java", IMPL)),
            Set.of(Target.AWS));
    assertTrue(result.succeeded(), result::formattedDiagnostics);
    JsonNode states = JSON.readTree(result.workflows().get(0).stateMachine()).get("States");
    assertEquals(1, states.size(), () -> "the loops should be expressions, not states: " + states);
    String text = states.elements().next().get("Output").asText();
    output = text.substring(2, text.length() - 2).strip();
    INPUTS.add(List.of());
    INPUTS.add(List.of("a"));
    INPUTS.add(List.of("apple", "xray", "avocado", "bean", "x", "berry", "ax"));
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      many.add((i % 7 == 0 ? "x" : i % 2 == 0 ? "alpha" : "bee") + i);
    }
    INPUTS.add(many);
  }

  private static Map<String, Object> states(List<String> items) {
    return Map.of("result", Map.of("Payload", items));
  }

  @Test
  void theLocalEnginesJsonataGivesJavasAnswer() throws Exception {
    Jsonata expression = Jsonata.jsonata(output);
    for (List<String> items : INPUTS) {
      Jsonata.Frame frame = expression.createFrame();
      frame.bind("states", states(items));
      assertEquals(java(items), expression.evaluate(Map.of(), frame), () -> "for " + items);
    }
  }

  @Test
  void javascriptJsonataAsStepFunctionsRunsItGivesJavasAnswer() throws Exception {
    assertTrue(
        Files.isDirectory(NODE_MODULES.resolve("jsonata")),
        "JavaScript JSONata is missing at " + NODE_MODULES + "; run: npm ci --prefix tools");
    ObjectNode request = JSON.createObjectNode().put("expression", output);
    ArrayNode bindings = request.putArray("bindings");
    INPUTS.forEach(items -> bindings.addObject().set("states", JSON.valueToTree(states(items))));
    Path script = TestPaths.root().resolve("compiler/src/test/resources/jsonata/evaluate.js");
    ProcessBuilder node = new ProcessBuilder("node", script.toString());
    node.environment().put("NODE_PATH", NODE_MODULES.toString());
    node.redirectError(ProcessBuilder.Redirect.INHERIT);
    Process p = node.start();
    p.getOutputStream().write(JSON.writeValueAsBytes(request));
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "node did not finish");
    assertEquals(0, p.exitValue(), () -> new String(out, StandardCharsets.UTF_8));
    JsonNode results = JSON.readTree(out);
    for (int i = 0; i < INPUTS.size(); i++) {
      assertEquals(java(INPUTS.get(i)), results.get(i).asText(), "for input " + i);
    }
  }
}
