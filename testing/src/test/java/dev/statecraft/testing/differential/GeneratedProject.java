package dev.statecraft.testing.differential;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** A folder of Java sources compiled with javac and loaded, so workflows can run as plain Java. */
final class GeneratedProject implements AutoCloseable {
  private final Path sources;
  private final URLClassLoader loader;

  private GeneratedProject(Path sources, URLClassLoader loader) {
    this.sources = sources;
    this.loader = loader;
  }

  /** Compiles every {@code .java} file under {@code sources} into {@code classes}. */
  static GeneratedProject compile(Path sources, Path classes) throws IOException {
    List<File> files;
    try (Stream<Path> s = Files.walk(sources)) {
      files = s.filter(p -> p.toString().endsWith(".java")).map(Path::toFile).toList();
    }
    Files.createDirectories(classes);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
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
            "javac rejected the sources:\n"
                + diagnostics.getDiagnostics().stream()
                    .map(Object::toString)
                    .collect(Collectors.joining("\n")));
      }
    }
    // The project's resources (its statecraft-llm.json) beside its classes, as in its jar.
    Path resources = sources.resolveSibling("resources");
    URL[] urls =
        Files.isDirectory(resources) && sources.endsWith(Path.of("main", "java"))
            ? new URL[] {classes.toUri().toURL(), resources.toUri().toURL()}
            : new URL[] {classes.toUri().toURL()};
    URLClassLoader loader = new URLClassLoader(urls, GeneratedProject.class.getClassLoader());
    return new GeneratedProject(sources, loader);
  }

  Path sources() {
    return sources;
  }

  Class<?> load(String name) {
    try {
      return Class.forName(name, true, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A new instance of {@code className} through its public no-argument constructor. */
  Object create(String className) {
    try {
      return load(className).getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      loader.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> lines(Path p) {
    try {
      return new ArrayList<>(Files.readAllLines(p));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
