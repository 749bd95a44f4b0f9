package dev.statecraft.api;

/**
 * Where the outside world completes a {@link Durable#awaitCallback} wait: a task token and a URL to
 * post the result to. The workflow hands it to an activity (an email with approve/reject links, a
 * Slack message) and sleeps, without cost, until someone answers or the timeout passes.
 *
 * <pre>{@code
 * Approval a = Durable.awaitCallback(Approval.class, Duration.ofHours(24),
 *     cb -> act.askForApproval(draft, cb));
 * }</pre>
 *
 * @param token the opaque token that identifies this wait; keep it secret
 * @param url the HTTPS endpoint that completes the wait when the answer is posted to it
 */
public record Callback(String token, String url) {}
