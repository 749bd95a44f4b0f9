/**
 * Runs activities as Google Cloud Run functions. The compiler generates one {@link
 * dev.statecraft.gcp.CloudRunActivityFunction} subclass per activity method; the Cloud Workflows
 * definition calls it with {@code http.post} and OIDC authentication.
 */
package dev.statecraft.gcp;
