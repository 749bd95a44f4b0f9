package dev.statecraft.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.statecraft.manifest.DeploymentManifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LambdaPackageTest {
  @TempDir Path dir;

  private LambdaPackage pkg() throws IOException {
    Path classes = Files.createDirectories(dir.resolve("classes/com/x"));
    Files.writeString(classes.resolve("Handler.class"), "handler");
    Files.writeString(dir.resolve("classes/statecraft-note.txt"), "first");
    Path generated = Files.createDirectories(dir.resolve("generated"));
    Files.writeString(generated.resolve("statecraft-note.txt"), "second");
    Path lib = Files.createDirectories(dir.resolve("m2"));
    Files.writeString(lib.resolve("jackson-databind-2.21.3.jar"), "jar bytes");
    return LambdaPackage.builder()
        .classes(dir.resolve("classes"))
        .classes(generated)
        .libraries(List.of(lib.resolve("jackson-databind-2.21.3.jar")))
        .manifest(DeploymentManifest.of(List.of(), List.of()))
        .build();
  }

  @Test
  void lambdasLayoutClassesAtTheRootLibrariesInLibAndTheManifest() throws IOException {
    Path zip = pkg().writeTo(dir.resolve("out/lambda.zip"));
    List<String> names = new ArrayList<>();
    try (ZipFile z = new ZipFile(zip.toFile())) {
      z.stream().forEach(e -> names.add(e.getName()));
      assertEquals("second", read(z, "statecraft-note.txt"), "a later folder wins");
      assertEquals(
          DeploymentManifest.of(List.of(), List.of()).toJson(),
          read(z, DeploymentManifest.RESOURCE));
      ZipEntry e = z.getEntry("com/x/Handler.class");
      assertEquals(FileTime.fromMillis(315532800000L).toMillis(), e.getTime());
    }
    assertEquals(
        List.of(
            "com/x/Handler.class",
            "lib/jackson-databind-2.21.3.jar",
            "statecraft-note.txt",
            DeploymentManifest.RESOURCE),
        names);
  }

  @Test
  void theSameInputsGiveTheSameBytes() throws Exception {
    Path a = pkg().writeTo(dir.resolve("a.zip"));
    Thread.sleep(1100);
    Files.setLastModifiedTime(dir.resolve("classes/com/x/Handler.class"), FileTime.fromMillis(0));
    Path b = pkg().writeTo(dir.resolve("b.zip"));
    assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
  }

  @Test
  void twoLibrariesWithOneNameAreRefused() throws IOException {
    Path other = Files.createDirectories(dir.resolve("other"));
    Files.writeString(other.resolve("jackson-databind-2.21.3.jar"), "other bytes");
    LambdaPackage clash =
        LambdaPackage.builder()
            .libraries(List.of(other.resolve("jackson-databind-2.21.3.jar")))
            .libraries(pkg().libraries())
            .manifest(DeploymentManifest.of(List.of(), List.of()))
            .build();
    assertThrows(IllegalArgumentException.class, () -> clash.writeTo(dir.resolve("c.zip")));
  }

  private static String read(ZipFile z, String name) throws IOException {
    return new String(z.getInputStream(z.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8);
  }
}
