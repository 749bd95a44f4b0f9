package dev.statecraft.packaging;

import dev.statecraft.manifest.DeploymentManifest;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A Lambda deployment package in the layout AWS Lambda's Java runtime loads: the project's classes
 * (its activities, records and the generated handlers) at the root, every runtime library under
 * {@code lib/}, and the deployment manifest at {@value DeploymentManifest#RESOURCE}, where the
 * webhook and callback handlers read it. Entries are sorted and carry a fixed timestamp, so the
 * same inputs give the same bytes, and so the same CDK asset hash: redeploying an unchanged project
 * changes no function.
 *
 * <pre>{@code
 * LambdaPackage.builder()
 *     .classes(Path.of("target/classes"))
 *     .libraries(List.of(Path.of("lib/jackson-databind.jar"), ...))
 *     .manifest(manifest)
 *     .build()
 *     .writeTo(Path.of("target/statecraft/lambda.zip"));
 * }</pre>
 *
 * @param classes folders of compiled classes and resources, copied to the root in order (a later
 *     folder's file replaces an earlier one's)
 * @param libraries the runtime libraries' jars, copied to {@code lib/} by file name
 * @param manifest the project's deployment manifest
 */
public record LambdaPackage(List<Path> classes, List<Path> libraries, DeploymentManifest manifest) {
  /** The timestamp of every entry: the same bytes for the same content. */
  private static final FileTime EPOCH = FileTime.fromMillis(315532800000L);

  public LambdaPackage {
    classes = List.copyOf(classes);
    libraries = List.copyOf(libraries);
    Objects.requireNonNull(manifest, "manifest");
  }

  /** A builder with no classes and no libraries. */
  public static Builder builder() {
    return new Builder();
  }

  /** Writes the package to {@code zip}, replacing it. */
  public Path writeTo(Path zip) {
    Map<String, Path> entries = new TreeMap<>();
    for (Path root : classes) {
      if (Files.isDirectory(root)) {
        try (Stream<Path> files = Files.walk(root)) {
          files
              .filter(Files::isRegularFile)
              .forEach(f -> entries.put(root.relativize(f).toString().replace('\\', '/'), f));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + root + ": " + e.getMessage(), e);
        }
      }
    }
    for (Path jar : libraries) {
      String name = "lib/" + jar.getFileName();
      Path earlier = entries.putIfAbsent(name, jar);
      if (earlier != null && !earlier.equals(jar)) {
        throw new IllegalArgumentException(
            "two libraries are named " + jar.getFileName() + ": " + earlier + " and " + jar);
      }
    }
    entries.remove(DeploymentManifest.RESOURCE);
    try {
      if (zip.toAbsolutePath().getParent() != null) {
        Files.createDirectories(zip.toAbsolutePath().getParent());
      }
      try (OutputStream file = Files.newOutputStream(zip);
          ZipOutputStream out = new ZipOutputStream(file)) {
        boolean manifestWritten = false;
        for (Map.Entry<String, Path> e : entries.entrySet()) {
          if (!manifestWritten && e.getKey().compareTo(DeploymentManifest.RESOURCE) > 0) {
            entry(out, DeploymentManifest.RESOURCE, manifestBytes());
            manifestWritten = true;
          }
          entry(out, e.getKey(), Files.readAllBytes(e.getValue()));
        }
        if (!manifestWritten) {
          entry(out, DeploymentManifest.RESOURCE, manifestBytes());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + zip + ": " + e.getMessage(), e);
    }
    return zip;
  }

  private byte[] manifestBytes() {
    return manifest.toJson().getBytes(StandardCharsets.UTF_8);
  }

  private static void entry(ZipOutputStream out, String name, byte[] bytes) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setCreationTime(EPOCH);
    entry.setLastModifiedTime(EPOCH);
    entry.setLastAccessTime(EPOCH);
    entry.setTime(EPOCH.toMillis());
    out.putNextEntry(entry);
    out.write(bytes);
    out.closeEntry();
  }

  /** Builds a {@link LambdaPackage}. */
  public static final class Builder {
    private final java.util.ArrayList<Path> classes = new java.util.ArrayList<>();
    private final java.util.ArrayList<Path> libraries = new java.util.ArrayList<>();
    private DeploymentManifest manifest;

    private Builder() {}

    /** Adds a folder of compiled classes and resources. */
    public Builder classes(Path folder) {
      classes.add(folder);
      return this;
    }

    /** Adds runtime libraries. */
    public Builder libraries(List<Path> jars) {
      libraries.addAll(jars);
      return this;
    }

    /** Sets the manifest. */
    public Builder manifest(DeploymentManifest m) {
      this.manifest = m;
      return this;
    }

    /** The package. */
    public LambdaPackage build() {
      return new LambdaPackage(classes, libraries, manifest);
    }
  }
}
