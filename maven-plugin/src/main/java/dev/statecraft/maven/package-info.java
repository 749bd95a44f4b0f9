/**
 * The {@code statecraft-maven-plugin}: {@link dev.statecraft.maven.GenerateMojo} ({@code
 * statecraft:generate}, bound to {@code generate-sources}) compiles the project's workflows, and
 * {@link dev.statecraft.maven.PackageMojo} ({@code statecraft:package}, bound to {@code package})
 * builds the Lambda deployment package.
 */
package dev.statecraft.maven;
