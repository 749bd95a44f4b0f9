package dev.statecraft.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Statecraft checkout this command line was built from ({@code -Dstatecraft.home}, else three
 * folders above {@code cli/target/...}): where {@code synth} finds the Lambda runtime libraries
 * ({@code adapters-aws/target/lambda-lib}) and the CDK app ({@code cdk-app/target}), which the
 * {@code ./statecraft} launcher builds before it runs {@code synth} or {@code deploy}.
 */
final class StatecraftHome {
  private final Path root;

  private StatecraftHome(Path root) {
    this.root = root;
  }

  static StatecraftHome locate() {
    String configured = System.getProperty("statecraft.home");
    if (configured != null && !configured.isBlank()) {
      return new StatecraftHome(Path.of(configured));
    }
    try {
      Path code =
          Path.of(StatecraftHome.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return new StatecraftHome(code.getParent().getParent().getParent());
    } catch (URISyntaxException | NullPointerException e) {
      throw new Main.UsageException("cannot tell where Statecraft is: set -Dstatecraft.home=DIR");
    }
  }

  Path root() {
    return root;
  }

  /** The jars a Lambda package needs under {@code lib/}: the AWS adapter and what it needs. */
  List<Path> lambdaLibraries() {
    Path module = root.resolve("adapters-aws/target");
    List<Path> jars = new ArrayList<>(jars(module.resolve("lambda-lib")));
    try (Stream<Path> own = Files.list(module)) {
      own.filter(p -> p.getFileName().toString().matches("statecraft-adapters-aws-.*\\.jar"))
          .forEach(jars::add);
    } catch (IOException e) {
      throw notBuilt("the Lambda runtime libraries (adapters-aws/target/lambda-lib)");
    }
    if (jars.isEmpty()) {
      throw notBuilt("the Lambda runtime libraries (adapters-aws/target/lambda-lib)");
    }
    return jars;
  }

  /** The class path of the CDK app: its classes and {@code lib/}. */
  String cdkClasspath() {
    Path module = root.resolve("cdk-app/target");
    List<Path> lib = jars(module.resolve("lib"));
    if (!Files.isDirectory(module.resolve("classes")) || lib.isEmpty()) {
      throw notBuilt("the CDK app (cdk-app/target/classes and cdk-app/target/lib)");
    }
    StringBuilder cp = new StringBuilder(module.resolve("classes").toString());
    lib.forEach(j -> cp.append(java.io.File.pathSeparatorChar).append(j));
    return cp.toString();
  }

  private static List<Path> jars(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Main.UsageException notBuilt(String what) {
    return new Main.UsageException(
        what
            + " is not built under "
            + root
            + ": run ./statecraft synth (it builds what it needs) or mvn -pl cli,cdk-app -am"
            + " package");
  }
}
