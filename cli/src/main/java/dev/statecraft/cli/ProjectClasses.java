package dev.statecraft.cli;

import dev.statecraft.compiler.Artifact;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a user's project with javac, in-process, together with the generated Lambda handlers,
 * and loads the classes: this is how {@code statecraft run} gets the very handler classes that AWS
 * Lambda would run.
 */
final class ProjectClasses {
  private ProjectClasses() {}

  /**
   * Compiles {@code sources} and {@code generated} into {@code workDir}.
   *
   * @return a class loader over the compiled classes, with this program's classpath as parent
   * @throws Main.UsageException when javac reports errors (they are printed to {@code err} first)
   */
  static URLClassLoader compile(
      List<Path> sources, List<Artifact> generated, Path workDir, java.io.PrintWriter err) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new Main.UsageException("statecraft run needs a JDK (javac), not a JRE");
    }
    try {
      clean(workDir);
      Path generatedDir = Files.createDirectories(workDir.resolve("generated"));
      Path classes = Files.createDirectories(workDir.resolve("classes"));
      List<File> files = new ArrayList<>();
      sources.forEach(p -> files.add(p.toFile()));
      for (Artifact a : generated) {
        Path file = generatedDir.resolve(a.path());
        Files.createDirectories(file.getParent());
        Files.writeString(file, a.content(), StandardCharsets.UTF_8);
        files.add(file.toFile());
      }
      DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
      try (StandardJavaFileManager fm =
          javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
        List<String> options =
            List.of(
                "--release",
                "17",
                "-proc:none",
                "-nowarn",
                "-parameters",
                "-classpath",
                System.getProperty("java.class.path"),
                "-d",
                classes.toString());
        boolean ok =
            javac
                .getTask(
                    null, fm, diagnostics, options, null, fm.getJavaFileObjectsFromFiles(files))
                .call();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
          if (d.getKind() == Diagnostic.Kind.ERROR) {
            err.print(diagnostic(d).format());
          }
        }
        if (!ok) {
          throw new Main.UsageException("javac could not compile the project");
        }
      }
      List<URL> urls = new ArrayList<>(List.of(classes.toUri().toURL()));
      for (Path resources : dev.statecraft.compiler.StatecraftCompiler.resourceDirs(sources)) {
        urls.add(resources.toUri().toURL());
      }
      return new URLClassLoader(urls.toArray(URL[]::new), ProjectClasses.class.getClassLoader());
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A javac error as Statecraft reports errors: position, source line, caret, then the rest. */
  private static dev.statecraft.compiler.diagnostic.Diagnostic diagnostic(
      Diagnostic<? extends JavaFileObject> d) {
    String name = d.getSource() == null ? "?" : d.getSource().getName();
    String text = "";
    try {
      text = d.getSource() == null ? "" : d.getSource().getCharContent(true).toString();
    } catch (IOException unreadable) {
      // Reported without its source line.
    }
    String[] lines = d.getMessage(Locale.ROOT).split("\\R", 2);
    String hint = lines.length > 1 ? lines[1].strip().replaceAll("\\s*\\R\\s*", "; ") : "";
    return new dev.statecraft.compiler.diagnostic.Diagnostic(
        dev.statecraft.compiler.diagnostic.Severity.ERROR,
        dev.statecraft.compiler.diagnostic.DiagnosticCode.JAVA_COMPILE,
        new dev.statecraft.compiler.diagnostic.SourcePosition(
            new dev.statecraft.compiler.diagnostic.SourceFile(name, text),
            (int) Math.max(1, d.getLineNumber()),
            (int) Math.max(1, d.getColumnNumber())),
        lines[0],
        hint);
  }

  /** Deletes {@code dir} and everything in it, if it exists. */
  static void clean(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
