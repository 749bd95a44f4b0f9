/**
 * Receiving signed webhooks: checking that a request comes from its sender (Standard Webhooks,
 * Stripe, GitHub, Slack), refusing replays, and starting the workflow its route names exactly once
 * per delivery. Every host uses this package the same way. The local server, an API Gateway Lambda
 * or any other HTTP front end only turns its request into a {@link
 * dev.statecraft.webhooks.WebhookRequest}, calls {@link
 * dev.statecraft.webhooks.WebhookReceiver#receive}, and writes back the {@link
 * dev.statecraft.webhooks.WebhookResponse}.
 *
 * <p>{@link dev.statecraft.webhooks.WebhookReceiver} is the front door. {@link
 * dev.statecraft.webhooks.WebhookVerifier} checks signatures on its own when you only need that.
 * The host implements {@link dev.statecraft.webhooks.ExecutionStarter} (how to start an execution)
 * and {@link dev.statecraft.webhooks.InputCheck} (whether a body fits the workflow's input type). A
 * host that runs in many processes can also supply a shared {@link
 * dev.statecraft.webhooks.ReplayGuard}.
 */
package dev.statecraft.webhooks;
