/**
 * The deployment package of a project's Lambda functions ({@link
 * dev.statecraft.packaging.LambdaPackage}), built the same by {@code statecraft synth} and by the
 * {@code statecraft-maven-plugin}.
 */
package dev.statecraft.packaging;
