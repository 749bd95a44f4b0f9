/**
 * The deployment manifest: what the compiler knows about a project's workflows that running or
 * deploying them needs, written once as {@code statecraft-manifest.json} beside the artifacts and
 * read by {@code statecraft run}, {@code serve}, {@code statecraft-testing}, the deployable jar's
 * webhook and callback handlers, and the CDK app. {@link
 * dev.statecraft.manifest.DeploymentManifest} is the front door.
 */
package dev.statecraft.manifest;
