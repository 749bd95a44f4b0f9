package dev.statecraft.cdk;

import java.nio.file.Path;
import java.util.List;

/**
 * A synthesized cloud assembly: {@code cdk deploy --app <outDir>} deploys it.
 *
 * @param stackName the stack's name
 * @param outDir the cloud assembly's folder
 * @param templates the CloudFormation templates written, {@code <outDir>/<stack>.template.json}
 */
public record Synthesis(String stackName, Path outDir, List<Path> templates) {
  public Synthesis {
    templates = List.copyOf(templates);
  }
}
