package dev.statecraft.referee.azure;

import dev.statecraft.compiler.Artifact;
import dev.statecraft.compiler.CompilationResult;
import dev.statecraft.compiler.CompiledWorkflow;
import dev.statecraft.compiler.StatecraftCompiler;
import dev.statecraft.compiler.Target;
import dev.statecraft.compiler.ir.ActivityMethod;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * A project compiled for Azure and loaded as a function app: the generated Durable Functions
 * classes compiled by javac with the project's own sources, and their functions found by their
 * annotations, as the Functions host finds them.
 */
public final class AzureApp implements AutoCloseable {
  private static final String TRIGGERS = "com.microsoft.durabletask.azurefunctions.";

  /** A function: the class that declares it and the method. */
  record Function(String name, Class<?> type, Method method) {}

  private final CompilationResult compiled;
  private final Path classes;
  private final List<String> functionClasses;
  private final URLClassLoader loader;
  private final Map<String, Function> orchestrators;
  private final Map<String, Function> activities;
  private final Map<String, Function> starters;
  private final Map<String, String> activityNames;

  private AzureApp(
      CompilationResult compiled,
      Path classes,
      List<String> functionClasses,
      URLClassLoader loader,
      Map<String, Function> orchestrators,
      Map<String, Function> activities,
      Map<String, Function> starters,
      Map<String, String> activityNames) {
    this.compiled = compiled;
    this.classes = classes;
    this.functionClasses = List.copyOf(functionClasses);
    this.loader = loader;
    this.orchestrators = orchestrators;
    this.activities = activities;
    this.starters = starters;
    this.activityNames = activityNames;
  }

  /**
   * Compiles the project in {@code sources} for Azure (any compile error throws, with the
   * diagnostics), then javac's the generated classes with the project's sources into {@code
   * workDir}, against this JVM's class path (which must hold the Azure adapters).
   */
  public static AzureApp compile(Path sources, Path workDir) {
    CompilationResult compiled = StatecraftCompiler.compile(sources, Set.of(Target.AZURE));
    if (!compiled.succeeded()) {
      throw new IllegalArgumentException(
          "the project does not compile for Azure:\n" + compiled.formattedDiagnostics());
    }
    return load(compiled, StatecraftCompiler.sourceFiles(sources), workDir);
  }

  /** Like {@link #compile}, for a compilation already made, with the project's source files. */
  public static AzureApp load(CompilationResult compiled, List<Path> userSources, Path workDir) {
    try {
      Path generated = Files.createDirectories(workDir.resolve("generated"));
      Path classes = Files.createDirectories(workDir.resolve("classes"));
      List<File> files = new ArrayList<>();
      for (Path p : userSources) {
        files.add(p.toFile());
      }
      List<String> functionClasses = new ArrayList<>();
      for (CompiledWorkflow wf : compiled.workflows()) {
        for (Artifact a : wf.artifacts()) {
          if (a.path().startsWith("azure/") && a.path().endsWith(".java")) {
            Path out = generated.resolve(a.path());
            Files.createDirectories(out.getParent());
            Files.writeString(out, a.content());
            files.add(out.toFile());
            String rel = a.path().substring(("azure/" + wf.name() + "/").length());
            functionClasses.add(rel.substring(0, rel.length() - 5).replace('/', '.'));
          }
        }
      }
      javac(files, classes);
      return scan(
          compiled,
          classes,
          functionClasses,
          new URLClassLoader(classpath(classes, userSources), AzureApp.class.getClassLoader()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The same app loaded anew, in a class loader of its own: fresh static state, such as the
   * activity implementations the generated classes hold, as in a new function app process.
   */
  public AzureApp reload() {
    return reload(Set.copyOf(functionClasses));
  }

  /**
   * Like {@link #reload()} for some of the generated functions classes only (by qualified name):
   * cheaper for an app of many workflows, when a run uses only these.
   */
  public AzureApp reload(Set<String> functionsClasses) {
    try {
      return scan(
          compiled,
          classes,
          List.copyOf(functionsClasses),
          new FunctionsFirst(classes.toUri().toURL(), loader, Set.copyOf(functionsClasses)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Loads the generated functions classes itself and everything else from the app's loader: the
   * project's own classes stay loaded (and warm), the functions' static state is new.
   */
  /** The compiled classes, and the project's resources (its statecraft-llm.json), as in its jar. */
  private static URL[] classpath(Path classes, List<Path> userSources) throws IOException {
    List<URL> urls = new ArrayList<>(List.of(classes.toUri().toURL()));
    for (Path resources : StatecraftCompiler.resourceDirs(userSources)) {
      urls.add(resources.toUri().toURL());
    }
    return urls.toArray(URL[]::new);
  }

  private static final class FunctionsFirst extends URLClassLoader {
    private final Set<String> functions;

    FunctionsFirst(URL classes, ClassLoader app, Set<String> functions) {
      super(new URL[] {classes}, app);
      this.functions = functions;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      int nested = name.indexOf('$');
      if (!functions.contains(nested < 0 ? name : name.substring(0, nested))) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          c = findClass(name);
        }
        if (resolve) {
          resolveClass(c);
        }
        return c;
      }
    }
  }

  private static AzureApp scan(
      CompilationResult compiled,
      Path classes,
      List<String> functionClasses,
      URLClassLoader loader) {
    try {
      Map<String, Function> orchestrators = new LinkedHashMap<>();
      Map<String, Function> activities = new LinkedHashMap<>();
      Map<String, Function> starters = new LinkedHashMap<>();
      for (String name : functionClasses) {
        Class<?> type = Class.forName(name, true, loader);
        for (Method m : type.getMethods()) {
          String function = functionName(m);
          if (function == null) {
            continue;
          }
          Function f = new Function(function, type, m);
          if (hasParameter(m, TRIGGERS + "DurableOrchestrationTrigger")) {
            orchestrators.put(function, f);
          } else if (hasParameter(m, TRIGGERS + "DurableActivityTrigger")) {
            activities.put(function, f);
          } else if (hasParameter(m, TRIGGERS + "DurableClientInput")) {
            starters.put(function, f);
          }
        }
      }
      Map<String, String> activityNames = new LinkedHashMap<>();
      for (CompiledWorkflow wf : compiled.workflows()) {
        for (ActivityMethod a : wf.ir().activities()) {
          activityNames.put(a.functionKey(), a.ownerSimpleName() + "." + a.name());
        }
      }
      return new AzureApp(
          compiled,
          classes,
          functionClasses,
          loader,
          orchestrators,
          activities,
          starters,
          activityNames);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String functionName(Method m) {
    for (var a : m.getAnnotations()) {
      if (a.annotationType()
          .getName()
          .equals("com.microsoft.azure.functions.annotation.FunctionName")) {
        try {
          return (String) a.annotationType().getMethod("value").invoke(a);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return null;
  }

  private static boolean hasParameter(Method m, String annotation) {
    for (Parameter p : m.getParameters()) {
      for (var a : p.getAnnotations()) {
        if (a.annotationType().getName().equals(annotation)) {
          return true;
        }
      }
    }
    return false;
  }

  private static void javac(List<File> files, Path classes) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("no Java compiler: run on a JDK, not a JRE");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fm =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      boolean ok =
          javac
              .getTask(
                  null,
                  fm,
                  diagnostics,
                  List.of(
                      "--release",
                      "17",
                      "-proc:none",
                      "-parameters",
                      "-nowarn",
                      "-classpath",
                      System.getProperty("java.class.path"),
                      "-d",
                      classes.toString()),
                  null,
                  fm.getJavaFileObjectsFromFiles(files))
              .call();
      if (!ok) {
        throw new IllegalStateException(
            "javac rejected the generated Durable Functions:\n"
                + diagnostics.getDiagnostics().stream()
                    .map(Object::toString)
                    .collect(Collectors.joining("\n")));
      }
    }
  }

  /** What the Statecraft compiler made of the project. */
  public CompilationResult compilation() {
    return compiled;
  }

  /** Loads one of the project's classes. */
  public Class<?> load(String className) {
    try {
      return Class.forName(className, true, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException(e);
    }
  }

  Map<String, Function> orchestrators() {
    return orchestrators;
  }

  Map<String, Function> activities() {
    return activities;
  }

  Function starter(String workflow) {
    Function f = starters.get(workflow);
    if (f == null) {
      throw new IllegalArgumentException(
          "no HTTP starter for workflow " + workflow + "; the app has " + starters.keySet());
    }
    return f;
  }

  /** {@code Interface.method} for an activity function's name. */
  String activityName(String function) {
    return activityNames.getOrDefault(function, function);
  }

  @Override
  public void close() {
    try {
      loader.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
