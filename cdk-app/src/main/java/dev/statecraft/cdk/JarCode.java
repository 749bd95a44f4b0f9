package dev.statecraft.cdk;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import software.amazon.awscdk.AssetHashType;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.s3.assets.AssetOptions;

/** The deployable jar as Lambda code, named by the SHA-256 of its bytes alone. */
final class JarCode {
  private JarCode() {}

  /**
   * The asset of {@code jar}. The CDK's own fingerprint also hashes the file's name; a custom hash
   * of the bytes keeps the template the same wherever the jar was built.
   */
  static Code of(Path jar) {
    Path file = jar.toAbsolutePath().normalize();
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no deployable jar at " + file);
    }
    AssetOptions options =
        AssetOptions.builder().assetHashType(AssetHashType.CUSTOM).assetHash(sha256(file)).build();
    return Code.fromAsset(file.toString(), options);
  }

  static String sha256(Path file) {
    MessageDigest digest = digest();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }
}
