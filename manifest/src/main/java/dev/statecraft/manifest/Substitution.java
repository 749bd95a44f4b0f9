package dev.statecraft.manifest;

import java.util.Objects;

/**
 * A {@code ${key}} placeholder in an emitted definition, filled in where the definition is
 * deployed: with a Lambda function's ARN (or local name), another workflow's state machine ARN, or
 * the base URL of the callback route. CDK passes these as {@code DefinitionSubstitutions}; the
 * local engine fills them in with {@link WorkflowSpec#substitute}.
 *
 * @param key the placeholder's name, as in {@code ${TriageActivities_classify}}
 * @param kind what it stands for
 * @param target the function key or workflow name it refers to; empty for the callback URL
 */
public record Substitution(String key, Kind kind, String target) {
  /** What a placeholder stands for. */
  public enum Kind {
    /** The function of the activity whose key is {@code target}. */
    FUNCTION,
    /** The state machine of the workflow named {@code target}. */
    STATE_MACHINE,
    /** The callback route's base URL, such as {@code https://api.example.com/prod/callbacks}. */
    CALLBACK_URL
  }

  public Substitution {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(kind, "kind");
    target = target == null ? "" : target;
  }
}
