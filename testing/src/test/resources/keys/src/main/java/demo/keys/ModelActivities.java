package demo.keys;

import dev.statecraft.api.Activities;
import dev.statecraft.api.Secret;

/** Calls a model with an API key it reads as a secret. */
@Activities
@Secret("MODEL_API_KEY")
public interface ModelActivities {
  String complete(String prompt);
}
