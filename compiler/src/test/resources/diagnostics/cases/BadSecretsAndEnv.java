package diag;

import dev.statecraft.api.Activities;
import dev.statecraft.api.Activity;
import dev.statecraft.api.Env;
import dev.statecraft.api.Secret;

@Activities
// BUG: INVALID_ANNOTATION_VALUE 9
@Secret("openai-key")
@Secret("SLACK_URL")
// BUG: INVALID_ANNOTATION_VALUE 1
@Secret("SLACK_URL")
// BUG: INVALID_ANNOTATION_VALUE 13
@Env(name = "AWS_REGION", value = "eu-west-1")
// BUG: INVALID_ANNOTATION_VALUE 13
@Env(name = "SLACK_URL", value = "x")
// BUG: INVALID_ANNOTATION_VALUE 30
@Env(name = "MODEL", value = MODEL_NAME)
public interface BadSecretsAndEnv {
  String MODEL_NAME = "gpt";

  // BUG: INVALID_ANNOTATION_VALUE 24
  @Activity(memoryMb = 64)
  String tiny(String in);
}
